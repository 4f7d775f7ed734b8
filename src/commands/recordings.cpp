#include "commands/recordings.hpp"

#include "catalogue/catalogue_change.hpp"
#include "cli/catalogue_update.hpp"
#include "cli/command_support.hpp"
#include "links/links_fetch.hpp"
#include "net/http_curl.hpp"
#include "net/url.hpp"
#include "recordings/recordings_plan.hpp"
#include "support/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace wtool {

namespace {

using recordings::ProposalRow;

std::string feed_url_for(const Catalogue& cat, const RecordingsOptions& opts) {
    if (!opts.feed_url.empty()) {
        const auto parsed = url::parse(opts.feed_url);
        if (!parsed || (parsed->scheme != "http" && parsed->scheme != "https")) {
            throw CommandError(fmt::format("--feed-url '{}' is not an http or https address{}", opts.feed_url,
                                           parsed ? "" : ": " + parsed.error()));
        }
        return opts.feed_url;
    }
    if (!cat.series.playlist_url.present) {
        throw CommandError("the catalogue has no playlist_url in [series]: add the series' YouTube playlist "
                           "(https://www.youtube.com/playlist?list=...), or give --feed-url");
    }
    return value_or_fail(recordings::playlist_feed_url(cat.series.playlist_url.value));
}

// The feed's text, or the error that ends the command: exit 3 when the network failed, 2 when
// the server answered with something else than the feed.
std::string download(const std::string& url, const RecordingsOptions& opts) {
    const http::CurlGlobal curl;
    const auto timeout = std::chrono::milliseconds{static_cast<long long>(opts.timeout_seconds * 1000)};
    http::CurlClient client({.timeout = timeout,
                             .connect_timeout = std::min(timeout, std::chrono::milliseconds{10'000}),
                             .body_cap = std::size_t{4} << 20,
                             .user_agent = http::default_user_agent(),
                             .connect_to = {},
                             .max_connections = 0});
    links::FetchOptions options;
    options.retry.retries = opts.retries;
    const links::Fetched got = links::fetch(client, url, options);
    const http::Response& r = got.response;
    if (!got.problem.empty()) {
        throw CommandError(fmt::format("cannot read the playlist feed {}: {}", url, got.problem));
    }
    if (r.failure != http::Failure::none) {
        throw CommandError(fmt::format("cannot read the playlist feed {}: {}; nothing was changed", url,
                                       r.failure_text.empty() ? "the network failed" : r.failure_text),
                           ExitCode::unknown);
    }
    if (r.status == 404) {
        throw CommandError(fmt::format("the playlist feed {} does not exist (HTTP 404): is the playlist public, and "
                                       "is playlist_url right?",
                                       got.url));
    }
    if (r.status != 200) {
        throw CommandError(fmt::format("the playlist feed {} answered HTTP {}; nothing was changed", got.url, r.status));
    }
    if (r.body_truncated) {
        throw CommandError(fmt::format("the playlist feed {} is larger than 4 MiB: not a YouTube feed", got.url));
    }
    return r.body;
}

nlohmann::json video_json(const recordings::FeedVideo& v) {
    return {{"id", v.video_id}, {"url", v.url}, {"title", v.title}, {"published", v.published}};
}

void print_json(const Context& ctx, const recordings::Proposal& p, const std::string& url) {
    nlohmann::json talks = nlohmann::json::array();
    for (const ProposalRow& r : p.rows) {
        nlohmann::json j = {{"code", r.code}, {"title", r.title}, {"action", recordings::action_name(r.action)}};
        j["video"] = r.video ? video_json(*r.video) : nlohmann::json(nullptr);
        j["confidence"] = r.confidence ? nlohmann::json(recordings::confidence_name(*r.confidence)) : nullptr;
        j["reason"] = r.reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.reason);
        j["recording"] = r.existing.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.existing);
        talks.push_back(std::move(j));
    }
    nlohmann::json unplaced = nlohmann::json::array();
    for (const recordings::FeedVideo& v : p.unplaced) {
        unplaced.push_back(video_json(v));
    }
    nlohmann::json elsewhere = nlohmann::json::array();
    for (const auto& [v, code] : p.elsewhere) {
        nlohmann::json j = video_json(v);
        j["episode"] = code;
        elsewhere.push_back(std::move(j));
    }
    const nlohmann::json out = {{"season", p.season}, {"feed", url},         {"talks", talks},
                                {"unplaced", unplaced}, {"elsewhere", elsewhere}};
    ctx.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

// One talk's line, and the video's title under it. Every text from the feed is shown with its
// control characters spelt out.
void print_row(const Context& ctx, const ProposalRow& r) {
    const std::string action{recordings::action_name(r.action)};
    if (!r.video) {
        ctx.out << fmt::format("  {}  {:<10}  {}\n", r.code,
                               action, r.action == ProposalRow::Action::not_shared
                                           ? "share_recording = false: left alone"
                                           : "no video in the feed");
        return;
    }
    std::string why = r.confidence ? fmt::format("{} ({})", recordings::confidence_name(*r.confidence), r.reason)
                                   : r.reason;
    if (r.action == ProposalRow::Action::differs) {
        why += "; the catalogue has " + r.existing + " (not overwritten)";
    }
    ctx.out << fmt::format("  {}  {:<10}  {}  {}\n", r.code, action, r.video->url, text::visible(why));
    ctx.out << fmt::format("            \"{}\"\n", text::visible(r.video->title));
}

void print_text(const Context& ctx, const recordings::Proposal& p, const std::string& url, std::size_t videos) {
    ctx.out << fmt::format("Season {}: {} talk{}, {} video{} in {}\n", p.season, p.rows.size(),
                           p.rows.size() == 1 ? "" : "s", videos, videos == 1 ? "" : "s", text::visible(url));
    for (const ProposalRow& r : p.rows) {
        print_row(ctx, r);
    }
    if (!p.unplaced.empty()) {
        ctx.out << "Not placed (no talk of the season matches):\n";
        for (const recordings::FeedVideo& v : p.unplaced) {
            ctx.out << fmt::format("  {}  \"{}\"\n", v.url, text::visible(v.title));
        }
    }
    if (!p.elsewhere.empty()) {
        ctx.out << "Already the recording of another episode:\n";
        for (const auto& [v, code] : p.elsewhere) {
            ctx.out << fmt::format("  {}  {}  \"{}\"\n", v.url, code, text::visible(v.title));
        }
    }
}

} // namespace

CLI::App* setup_recordings(CLI::App& app, RecordingsOptions& opts) {
    CLI::App* sub = app.add_subcommand("recordings", "Link the season's talks to their videos in the series' playlist");
    sub->add_option("--season", opts.season, "This season (default: the last one that took place)")
        ->type_name("N")
        ->check(CLI::Range(1, 99999));
    sub->add_flag("--apply", opts.apply, "Set the recording of the confident matches in the catalogue");
    sub->add_option("--format", opts.format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    sub->add_option("--feed-url", opts.feed_url, "Read the playlist feed from here (a mirror, a test server)")
        ->type_name("URL");
    sub->add_option("--timeout", opts.timeout_seconds, "Seconds the request may take")
        ->check(CLI::Range(0.1, 600.0))
        ->capture_default_str();
    sub->add_option("--retries", opts.retries, "Extra attempts after a timeout, reset, 429 or 5xx")
        ->check(CLI::Range(0, 10))
        ->capture_default_str();
    sub->add_option("--wait", opts.wait_seconds, "Seconds to wait while another run holds the catalogue's lock")
        ->check(CLI::Range(0, 3600))
        ->capture_default_str();
    sub->footer("Examples:\n  wtool recordings\n  wtool recordings --season 9 --apply\n\n"
                "Reads https://www.youtube.com/feeds/videos.xml?playlist_id=ID for [series] playlist_url.\n"
                "Only certain and high-confidence matches are applied; an existing recording is never\n"
                "overwritten. See docs/recordings.md.\n\n"
                "Exit status: 0 done, 1 --apply refused, 2 bad usage or no usable feed, 3 network failure,\n"
                "4 no season has taken place yet.");
    return sub;
}

ExitCode run_recordings(Context& ctx, const RecordingsOptions& opts) {
    const Catalogue cat = load_usable_catalogue(ctx);
    int season = opts.season;
    if (season == 0) {
        const auto held = recordings::last_held_season(cat, ctx.now);
        if (!held) {
            throw CommandError("no season has taken place yet: there are no recordings to link", ExitCode::nothing);
        }
        season = *held;
    } else if (cat.find_season(season) == nullptr) {
        throw CommandError(fmt::format("season {} is not in the catalogue", season));
    }
    const std::string url = feed_url_for(cat, opts);
    const std::string body = download(url, opts);
    const auto feed = recordings::parse_youtube_feed(body);
    if (!feed) {
        throw CommandError(fmt::format("the playlist feed {} is unusable: {}", url, feed.error()));
    }
    const recordings::Proposal proposal = recordings::propose(cat, season, *feed);
    if (opts.format == "json") {
        print_json(ctx, proposal, url);
    } else {
        print_text(ctx, proposal, url, feed->videos.size());
    }
    const auto links = proposal.to_apply();
    if (!opts.apply) {
        if (opts.format == "text" && !ctx.quiet) {
            ctx.err << (links.empty() ? std::string("nothing to set\n")
                                      : fmt::format("run with --apply to set {} recording{}\n", links.size(),
                                                    links.size() == 1 ? "" : "s"));
        }
        return ExitCode::ok;
    }
    if (links.empty()) {
        if (!ctx.quiet) {
            ctx.err << "nothing to set: no confident match for a talk without a recording\n";
        }
        return ExitCode::ok;
    }
    const AppliedChange applied =
        update_catalogue(ctx, {.dry_run = false, .wait_seconds = opts.wait_seconds}, [&](const Catalogue& current) {
            // Planned again against the catalogue as it is under the lock: a talk that got a
            // recording meanwhile is not overwritten.
            return plan_recordings(current, recordings::propose(current, season, *feed).to_apply(), ctx.now);
        });
    if (applied.written && !ctx.quiet) {
        ctx.err << fmt::format("now out of date: the site's pages (wtool page --site DIR) and season {}'s news post "
                               "(wtool news {} --site DIR)\n",
                               season, season);
    }
    return ExitCode::ok;
}

} // namespace wtool

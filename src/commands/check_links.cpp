#include "commands/check_links.hpp"

#include "catalogue/catalogue_loader.hpp"
#include "cli/command_support.hpp"
#include "links/links_collect.hpp"
#include "links/links_plan.hpp"
#include "links/links_probe.hpp"
#include "links/links_report.hpp"
#include "links/links_scheduler.hpp"
#include "links/links_state.hpp"
#include "net/http_curl.hpp"
#include "support/atomic_file.hpp"
#include "support/file_lock.hpp"
#include "support/source_text.hpp"
#include "support/text.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <istream>
#include <iterator>
#include <random>
#include <span>

namespace wtool {

namespace {

using links::LinkResult;
using links::Status;
using links::Verdict;

// curl's CONNECT_TO syntax: HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT, any part may be empty, an
// IPv6 address in brackets, ports numeric.
bool valid_connect_to(std::string_view entry) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    bool in_brackets = false;
    for (std::size_t i = 0; i <= entry.size(); ++i) {
        if (i < entry.size() && entry[i] == '[') {
            in_brackets = true;
        } else if (i < entry.size() && entry[i] == ']') {
            in_brackets = false;
        } else if (i == entry.size() || (entry[i] == ':' && !in_brackets)) {
            parts.push_back(entry.substr(start, i - start));
            start = i + 1;
        }
    }
    const auto numeric = [](std::string_view p) {
        return p.size() <= 5 && std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    return parts.size() == 4 && numeric(parts[1]) && numeric(parts[3]);
}

void check_usage(const CheckLinksOptions& opts) {
    if (!opts.files.empty() && (opts.season != 0 || !opts.episode.empty())) {
        throw CommandError(fmt::format("{} selects catalogue links and cannot be used with FILE arguments",
                                       opts.season != 0 ? "--season" : "--episode"));
    }
    if (!opts.episode.empty() && !parse_episode_code(opts.episode)) {
        throw CommandError(fmt::format("--episode: '{}' is not an episode code; write it like S09E01", opts.episode));
    }
    if (opts.fail_after > 1 && opts.state.empty()) {
        throw CommandError("--fail-after needs --state FILE to remember earlier runs");
    }
    for (const std::string& entry : opts.connect_to) {
        if (!valid_connect_to(entry)) {
            throw CommandError(fmt::format(
                "--connect-to: '{}' is not HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT, e.g. zoom.us:443:127.0.0.1:8443",
                entry));
        }
    }
    const auto endpoint = url::parse(opts.oembed_endpoint);
    if (!endpoint || (endpoint->scheme != "http" && endpoint->scheme != "https")) {
        throw CommandError(fmt::format("--oembed-endpoint: '{}' is not an http or https URL; the default is "
                                       "https://www.youtube.com/oembed",
                                       opts.oembed_endpoint));
    }
}

// The catalogue: required without FILE arguments; with them only read (for its [check_links]
// settings) when the file exists.
std::optional<Catalogue> load_catalogue_for(const Context& ctx, const CheckLinksOptions& opts) {
    std::error_code ec;
    if (!opts.files.empty() && !std::filesystem::exists(ctx.catalogue, ec)) {
        return std::nullopt;
    }
    return load_usable_catalogue(ctx);
}

links::Selection selection_for(const Catalogue& cat, const CheckLinksOptions& opts) {
    links::Selection sel;
    if (opts.season != 0) {
        if (cat.find_season(opts.season) == nullptr) {
            throw CommandError(fmt::format("there is no season {} in '{}'", opts.season, cat.path.string()));
        }
        sel.season = opts.season;
    }
    if (!opts.episode.empty()) {
        if (cat.find_episode(opts.episode) == nullptr) {
            std::vector<std::string> codes;
            codes.reserve(cat.episodes.size());
            for (const Episode& e : cat.episodes) {
                codes.push_back(e.code.value.str());
            }
            const auto close = text::closest_matches(opts.episode, codes, 1);
            throw CommandError(close.empty()
                                   ? fmt::format("there is no episode {} in '{}'", opts.episode, cat.path.string())
                                   : fmt::format("there is no episode {} in '{}', did you mean {}?", opts.episode,
                                                 cat.path.string(), close.front()));
        }
        sel.episode = opts.episode;
    }
    return sel;
}

// The text of a FILE argument; "-" is the context's standard input.
std::string read_links_file(const Context& ctx, const std::string& file) {
    if (file == "-") {
        if (ctx.in == nullptr) {
            throw CommandError("FILE -: there is no standard input to read");
        }
        return {std::istreambuf_iterator<char>(*ctx.in), std::istreambuf_iterator<char>()};
    }
    auto read = read_file(file);
    if (!read) {
        throw CommandError(fmt::format("cannot read '{}': {}", file, read.error()));
    }
    return std::move(*read);
}

// The links of the FILE arguments, or without them of `catalogue` (which is then always loaded).
std::vector<links::FoundLink> collect(const Context& ctx, const CheckLinksOptions& opts, const Catalogue* catalogue) {
    if (opts.files.empty() && catalogue != nullptr) {
        return links::collect_catalogue_links(*catalogue, selection_for(*catalogue, opts));
    }
    std::vector<links::FoundLink> found;
    for (const std::string& file : opts.files) {
        const std::string content = read_links_file(ctx, file);
        const std::string name = file == "-" ? std::string("<stdin>") : file;
        const links::TextFormat format =
            file == "-" ? links::TextFormat::plain : links::text_format_for(std::filesystem::path(file));
        auto in_file = links::collect_text_links(content, name, format);
        found.insert(found.end(), std::make_move_iterator(in_file.begin()), std::make_move_iterator(in_file.end()));
    }
    return found;
}

links::LinkState load_state(const std::string& path) {
    std::error_code ec;
    if (path.empty() || !std::filesystem::exists(path, ec)) {
        return {};
    }
    auto text = read_file(path);
    if (!text) {
        throw CommandError(fmt::format("cannot read state file '{}': {}", path, text.error()));
    }
    auto state = links::parse_state(*text);
    if (!state) {
        throw CommandError(
            fmt::format("state file '{}' is unusable: {}; move it away to start afresh", path, state.error()));
    }
    return std::move(*state);
}

// Merges this run's results into the state file and returns the merged state. Under the file's
// lock (file_lock.hpp, as add-episode locks the catalogue) the file is read again, so that what
// other runs wrote since this one read it is kept, and replaced atomically (through a symbolic
// link: the link stays a link). The lock is held only for that, never while links are checked.
links::LinkState update_state_file(const Context& ctx, const std::string& path,
                                   std::span<const links::CheckedLink> checked) {
    const auto target = write_target(path);
    if (!target) {
        throw CommandError(fmt::format("cannot write state file '{}': {}", path, target.error()));
    }
    const LockWait wait{.on_wait = [&] {
        if (!ctx.quiet) {
            ctx.err << fmt::format("waiting for another wtool run to finish writing '{}'...\n", path) << std::flush;
        }
    }};
    auto lock = FileLock::acquire(lock_file_for(*target), wait);
    if (!lock) {
        if (lock.error().kind == LockFailure::Kind::busy) {
            throw CommandError(fmt::format("another wtool run has held the lock file '{}' for {} s; the state file "
                                           "'{}' was not updated",
                                           lock_file_for(*target).string(),
                                           std::chrono::duration_cast<std::chrono::seconds>(wait.timeout).count(),
                                           path));
        }
        throw CommandError(fmt::format("cannot write state file '{}': {}", path, lock.error().message));
    }
    remove_stale_temporary_files(ctx, *target);
    links::LinkState merged = links::merge_results(load_state(path), checked, ctx.now);
    if (auto written = write_file_atomically(path, links::render_state(merged), {.skip_if_unchanged = true});
        !written) {
        throw CommandError(fmt::format("cannot write state file: {}", written.error()));
    }
    return merged;
}

links::ZoomMarkers markers_for(const Catalogue* cat) {
    const CheckLinksSettings settings = cat != nullptr ? cat->check_links : CheckLinksSettings{};
    return {settings.zoom_invalid_markers.value, settings.zoom_valid_markers.value};
}

// Asks the network about every result in `todo` and stores the verdicts and request counts.
void probe(Context& ctx, const CheckLinksOptions& opts, const links::ProbeSettings& settings,
           std::vector<LinkResult>& results, const std::vector<std::size_t>& todo) {
    if (todo.empty()) {
        return;
    }
    std::vector<links::Probe> probes;
    probes.reserve(todo.size());
    for (const std::size_t i : todo) {
        probes.emplace_back(results[i].target, settings);
    }
    const http::CurlGlobal curl;
    const auto timeout = std::chrono::milliseconds{static_cast<long long>(opts.timeout_seconds * 1000)};
    http::CurlClient client({.timeout = timeout,
                             .connect_timeout = std::min(timeout, std::chrono::milliseconds{10'000}),
                             .body_cap = std::size_t{1} << 20,
                             .user_agent = http::default_user_agent(),
                             .connect_to = opts.connect_to,
                             .max_connections = opts.jobs});
    links::SchedulerOptions scheduling;
    scheduling.jobs = opts.jobs;
    scheduling.host_concurrency = opts.host_concurrency;
    scheduling.host_interval = std::chrono::milliseconds{opts.host_interval_ms};
    scheduling.retries = opts.retries;
    scheduling.seed = std::random_device{}();
    std::function<void(const links::Progress&)> on_progress;
    if (ctx.interactive) {
        on_progress = [&](const links::Progress& p) {
            ctx.err << fmt::format("\rchecking links: {}/{} done, {} failed", p.done, p.total, p.failed) << std::flush;
        };
    }
    const auto stats = links::run_probes(probes, client, scheduling, on_progress);
    if (ctx.interactive) {
        ctx.err << "\r\x1b[K" << std::flush;
    }
    for (std::size_t k = 0; k < todo.size(); ++k) {
        LinkResult& r = results[todo[k]];
        r.verdict = probes[k].verdict();
        r.requests = stats[k].requests;
        r.retries = stats[k].retries;
    }
}

} // namespace

CLI::App* setup_check_links(CLI::App& app, CheckLinksOptions& opts) {
    CLI::App* sub = app.add_subcommand("check-links", "Check every link (recordings, Zoom, pages) the way its "
                                                      "service needs");
    sub->add_option("FILE", opts.files,
                    "Check the links in these files (Markdown, HTML, or one URL per line; - for stdin) instead of "
                    "the catalogue")
        ->type_name("FILE");
    auto* season = sub->add_option("--season", opts.season, "Only this season's links")
                       ->check(CLI::Range(1, 9999))
                       ->type_name("N");
    sub->add_option("--episode", opts.episode, "Only this episode's links")->type_name("SxxEyy")->excludes(season);
    sub->add_option("--format", opts.format, "Output format")
        ->check(CLI::IsMember({"text", "json", "markdown"}))
        ->capture_default_str();
    sub->add_option("--jobs", opts.jobs, "Requests in flight at once")
        ->check(CLI::Range(1, 256))
        ->capture_default_str()
        ->type_name("N");
    sub->add_option("--timeout", opts.timeout_seconds, "Seconds one request may take")
        ->check(CLI::Range(0.1, 600.0))
        ->capture_default_str()
        ->type_name("S");
    sub->add_option("--retries", opts.retries, "Extra attempts after a timeout, reset, 429 or 5xx")
        ->check(CLI::Range(0, 10))
        ->capture_default_str()
        ->type_name("N");
    sub->add_option("--state", opts.state, "Remember results here between runs (JSON)")->type_name("FILE");
    sub->add_option("--fail-after", opts.fail_after, "Report a link broken only after N failed runs in a row")
        ->check(CLI::Range(1, 100))
        ->capture_default_str()
        ->type_name("N");
    sub->add_option("--host-concurrency", opts.host_concurrency, "Requests in flight to one host at once")
        ->check(CLI::Range(1, 64))
        ->capture_default_str()
        ->type_name("N");
    sub->add_option("--host-interval", opts.host_interval_ms, "Milliseconds between request starts to one host")
        ->check(CLI::Range(0, 60'000))
        ->capture_default_str()
        ->type_name("MS");
    sub->add_option("--oembed-endpoint", opts.oembed_endpoint, "YouTube's oEmbed URL (for tests and mirrors)")
        ->capture_default_str()
        ->type_name("URL");
    sub->add_option("--connect-to", opts.connect_to,
                    "Send HOST:PORT's requests to HOST2:PORT2 instead (curl's --connect-to; repeatable)")
        ->type_name("HOST:PORT:HOST2:PORT2")
        ->allow_extra_args(false);
    sub->footer("Example:\n  wtool check-links --quiet --state ~/.cache/wtool-links.json --fail-after 2\n\n"
                "--quiet (a global option) prints only broken and unknown links, nothing when all is well.\n"
                "Exit status: 0 all links work (warnings allowed), 1 a link is broken, 2 bad usage or an unusable "
                "catalogue or state file, 3 nothing broken but some links could not be checked.");
    return sub;
}

ExitCode run_check_links(Context& ctx, const CheckLinksOptions& opts) {
    check_usage(opts);
    const std::optional<Catalogue> cat = load_catalogue_for(ctx, opts);
    const Catalogue* catalogue = cat ? &*cat : nullptr;
    std::vector<LinkResult> results = links::group_by_target(collect(ctx, opts, catalogue));
    const links::LinkState state = load_state(opts.state); // for reuse; merged again before writing
    const int reuse_hours =
        catalogue != nullptr ? catalogue->check_links.reuse_ok_hours.value : CheckLinksSettings{}.reuse_ok_hours.value;

    // Decide per link: not fetched (expired), reused from the state file, or asked.
    std::vector<std::size_t> todo;
    for (std::size_t i = 0; i < results.size(); ++i) {
        LinkResult& r = results[i];
        if (auto expired = links::expired_verdict(catalogue, r, ctx.now)) {
            r.verdict = std::move(*expired);
            continue;
        }
        const auto known = state.links.find(r.target.key);
        if (!opts.state.empty() && known != state.links.end() &&
            links::reusable(known->second, ctx.now, std::chrono::hours{reuse_hours})) {
            r.verdict = known->second.verdict;
            r.reused = true;
            r.consecutive_failures = known->second.consecutive_failures;
            continue;
        }
        todo.push_back(i);
    }

    links::ProbeSettings settings;
    settings.oembed_endpoint = opts.oembed_endpoint;
    settings.zoom_markers = markers_for(catalogue);
    probe(ctx, opts, settings, results, todo);

    if (!opts.state.empty()) {
        std::vector<links::CheckedLink> checked;
        checked.reserve(todo.size());
        for (const std::size_t i : todo) {
            checked.push_back({results[i].target.key, results[i].verdict});
        }
        const links::LinkState merged = update_state_file(ctx, opts.state, checked);
        for (const std::size_t i : todo) {
            LinkResult& r = results[i];
            const links::LinkRecord& record = merged.links.at(r.target.key);
            r.verdict = links::reported_verdict(record, opts.fail_after);
            r.consecutive_failures = record.consecutive_failures;
        }
    }

    links::sort_for_report(results);
    const links::Detail detail = ctx.quiet ? links::Detail::problems : links::Detail::all;
    if (opts.format == "json") {
        ctx.out << links::render_json(results, detail);
    } else if (opts.format == "markdown") {
        ctx.out << links::render_markdown(results, detail);
    } else {
        ctx.out << links::render_text(results, detail, ctx.out_color);
    }
    static_assert(static_cast<int>(ExitCode::problems) == 1 && static_cast<int>(ExitCode::unknown) == 3);
    return static_cast<ExitCode>(links::exit_status(links::outcome_of(links::count(results))));
}

} // namespace wtool

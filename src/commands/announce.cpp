#include "commands/announce.hpp"

#include "catalogue/schedule.hpp"
#include "cli/command_support.hpp"
#include "cli/output_target.hpp"
#include "render/social.hpp"
#include "render/template_views.hpp"
#include "render/templates.hpp"

#include <fmt/format.h>

namespace wtool {

namespace {

constexpr std::size_t default_max_chars = 500;

// The season to announce: --season N, else the next one; nullptr when none is coming.
const Season* choose_season(const Catalogue& cat, const Context& ctx, const AnnounceOptions& opts) {
    if (opts.season == 0) {
        return next_season(cat, ctx.now);
    }
    const Season* season = cat.find_season(opts.season);
    if (season == nullptr) {
        throw CommandError(fmt::format("season {} is not in '{}'; run 'wtool validate' to see the seasons it has",
                                       opts.season, ctx.catalogue.string()));
    }
    return season;
}

AudienceTimes audience_times(const Catalogue& cat, const AnnounceOptions& opts) {
    if (opts.times || opts.no_times) {
        return opts.times ? AudienceTimes::show : AudienceTimes::hide;
    }
    return cat.series.announce_times.value ? AudienceTimes::show : AudienceTimes::hide;
}

// The rendered text for a template-based format.
std::string render_format(const Catalogue& cat, const nlohmann::ordered_json& view, const AnnounceOptions& opts) {
    auto templates = templates_for(cat);
    if (!templates) {
        throw CommandError(templates.error());
    }
    std::optional<FitRequest> fit;
    if (opts.format == "social") {
        fit = FitRequest{opts.max_chars == 0 ? default_max_chars : opts.max_chars, social::post_length};
    }
    auto text = render_template(*templates, "announce_" + opts.format, view, fit);
    if (!text) {
        const bool too_long = text.error().kind == RenderError::Kind::too_long;
        throw CommandError(too_long ? text.error().message + "; allow more with --max-chars" : text.error().message);
    }
    if (opts.format == "social") {
        // One post: no trailing blank lines, one final newline.
        while (!text->empty() && (text->back() == '\n' || text->back() == ' ')) {
            text->pop_back();
        }
        *text += "\n";
    }
    return *text;
}

} // namespace

CLI::App* setup_announce(CLI::App& app, AnnounceOptions& opts) {
    CLI::App* sub = app.add_subcommand("announce", "Announce a season: the page section, an e-mail or a post");
    CLI::Option* next = sub->add_flag("--next", opts.next, "The first season that has not started (default)");
    sub->add_option("--season", opts.season, "This season instead")->type_name("N")->excludes(next);
    CLI::Option* times =
        sub->add_flag("--times", opts.times, "Add the start in the audience time zones (default: announce_times)");
    sub->add_flag("--no-times", opts.no_times, "Leave the audience time zones out")->excludes(times);
    sub->add_option("--format", opts.format, "What to write")
        ->check(CLI::IsMember({"markdown", "email", "social", "json"}))
        ->capture_default_str();
    sub->add_option("--max-chars", opts.max_chars, "Longest social post, counted as Mastodon and Bluesky do (500)")
        ->type_name("N")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    sub->add_option("--output", opts.output, "Write to this file instead of standard output")->type_name("FILE");
    sub->footer("Examples:\n  wtool announce --next --catalogue data/episodes.toml\n"
                "  wtool announce --season 9 --format social --max-chars 300\n\n"
                "Exit status: 0 done (also when no season is coming: a note on stderr), 2 bad usage or input.");
    return sub;
}

ExitCode run_announce(Context& ctx, const AnnounceOptions& opts) {
    if (opts.max_chars != 0 && opts.format != "social") {
        throw CommandError("--max-chars applies to --format social only");
    }
    const Catalogue cat = load_usable_catalogue(ctx);
    const Season* season = choose_season(cat, ctx, opts);
    if (season == nullptr) {
        ctx.err << fmt::format("wtool: nothing to announce: no season is coming at {}; add the next season to '{}', "
                               "or choose one with --season N\n",
                               tz::format_utc(ctx.now), ctx.catalogue.string());
        return ExitCode::ok;
    }
    const Escaping escaping = opts.format == "markdown" ? Escaping::markdown : Escaping::plain;
    auto view = announce_view(cat, *season, escaping, audience_times(cat, opts));
    if (!view) {
        throw CommandError(view.error());
    }
    const std::string content = opts.format == "json" ? view->dump(2) + "\n" : render_format(cat, *view, opts);
    write_output(ctx, content, opts.output);
    return ExitCode::ok;
}

} // namespace wtool

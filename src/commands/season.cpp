#include "commands/season.hpp"

#include "catalogue/catalogue_append.hpp"
#include "catalogue/catalogue_change.hpp"
#include "catalogue/meeting_link.hpp"
#include "cli/catalogue_update.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

namespace wtool {

namespace {

SeasonUpdate update_from(const SeasonOptions& opts) {
    SeasonUpdate u{.number = opts.number};
    if (opts.date) {
        auto d = parse_date_answer(*opts.date);
        if (!d) {
            throw CommandError("--date: " + d.error());
        }
        u.date = *d;
    }
    if (opts.time) {
        auto t = parse_time_answer(*opts.time);
        if (!t) {
            throw CommandError("--time: " + t.error());
        }
        u.time = *t;
    }
    u.duration_minutes = opts.duration;
    u.theme = opts.theme;
    u.zoom_url = opts.zoom;
    if (opts.meeting) {
        if (const auto problem = meeting_url_problem(*opts.meeting)) {
            throw CommandError(fmt::format("--meeting '{}' {}", text::visible(*opts.meeting), *problem));
        }
    }
    u.meeting_url = opts.meeting;
    if (opts.cancel || opts.uncancel) {
        u.cancelled = opts.cancel;
    }
    return u;
}

} // namespace

CLI::App* setup_season(CLI::App& app, SeasonOptions& opts) {
    CLI::App* sub = app.add_subcommand("season", "Set a season's date, time, theme, meeting link or cancellation");
    sub->add_option("season", opts.number, "The season's number (a new one is created)")
        ->required()
        ->type_name("N")
        ->check(CLI::Range(1, 99999));
    sub->add_option("--date", opts.date, "Its date, YYYY-MM-DD")->type_name("DATE");
    sub->add_option("--time", opts.time, "Its start time, HH:MM in the series' zone")->type_name("HH:MM");
    sub->add_option("--duration", opts.duration, "Its length in minutes")
        ->type_name("MIN")
        ->check(CLI::Range(1, 24 * 60));
    sub->add_option("--theme", opts.theme, "Its theme")->type_name("TEXT");
    CLI::Option* zoom = sub->add_option("--zoom", opts.zoom, "Its Zoom registration link")->type_name("URL");
    sub->add_option("--meeting", opts.meeting, "Its meeting link on any platform (replaces zoom_url)")
        ->type_name("URL")
        ->excludes(zoom);
    CLI::Option* cancel = sub->add_flag("--cancel", opts.cancel, "The day is cancelled");
    sub->add_flag("--uncancel", opts.uncancel, "The day takes place after all")->excludes(cancel);
    sub->add_flag("--dry-run", opts.dry_run, "Print the change as a diff and its validation; write nothing");
    sub->add_option("--wait", opts.wait_seconds, "Seconds to wait while another run holds the catalogue's lock")
        ->check(CLI::Range(0, 3600))
        ->capture_default_str();
    sub->footer("Examples:\n"
                "  wtool season 10 --date 2026-06-01 --zoom https://us06web.zoom.us/webinar/register/WN_abc\n"
                "  wtool season 10 --time 16:00 --dry-run\n"
                "  wtool season 10 --cancel\n\n"
                "Only the lines of the values set change; a missing key is added after the season's last key.\n"
                "When a recorded calendar invitation (calendar_fingerprint) no longer matches, calendar_sequence\n"
                "is raised and the new fingerprint recorded: send the update with 'wtool ics --season N'.\n"
                "See docs/season.md.\n\n"
                "Exit status: 0 changed or nothing to change, 1 not changed (it would be invalid, or the file\n"
                "stayed locked or changed meanwhile), 2 bad usage or an unusable catalogue.");
    return sub;
}

ExitCode run_season(Context& ctx, const SeasonOptions& opts) {
    const SeasonUpdate update = update_from(opts);
    if (!update.date && !update.time && !update.duration_minutes && !update.theme && !update.zoom_url &&
        !update.meeting_url && !update.cancelled) {
        throw CommandError(fmt::format("nothing to set: give season {} a --date, --time, --duration, --theme, --zoom, "
                                       "--meeting, --cancel or --uncancel",
                                       opts.number));
    }
    (void)update_catalogue(ctx, {.dry_run = opts.dry_run, .wait_seconds = opts.wait_seconds},
                           [&](const Catalogue& current) { return plan_season_update(current, update, ctx.now); });
    return ExitCode::ok;
}

} // namespace wtool

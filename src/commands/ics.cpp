#include "commands/ics.hpp"

#include "catalogue/calendar_revision.hpp"
#include "catalogue/schedule.hpp"
#include "cli/command_support.hpp"
#include "cli/output_target.hpp"
#include "ics/ics_calendar.hpp"

#include <fmt/format.h>

namespace wtool {

namespace {

struct Selection {
    CalendarKind kind = CalendarKind::event;
    std::vector<const Season*> seasons;
    std::vector<int> skipped_tba; // --next: coming seasons without a date, passed over
};

std::string season_range(const Catalogue& cat) {
    const auto seasons = cat.seasons_by_number();
    if (seasons.empty()) {
        return "the catalogue has no seasons";
    }
    return fmt::format("the catalogue has seasons {} to {}", seasons.front()->number.value,
                       seasons.back()->number.value);
}

Selection select_next(const Catalogue& cat, tz::Instant now) {
    Selection sel;
    for (const Season* s : cat.seasons_by_number()) {
        if (s->cancelled.value || season_started(cat, *s, now)) {
            continue;
        }
        if (!s->date.present) {
            sel.skipped_tba.push_back(s->number.value);
            continue;
        }
        sel.seasons.push_back(s);
        return sel;
    }
    if (sel.skipped_tba.empty()) {
        throw CommandError(fmt::format("no season is coming after {}: there is no next webinar to put in a calendar; "
                                       "add the next season to the catalogue, or use --all for every season",
                                       tz::format_utc(now)),
                           ExitCode::nothing);
    }
    const int first = sel.skipped_tba.front();
    throw CommandError(fmt::format("the next season, {}, has no date yet (TBA): there is no event to put in a "
                                   "calendar; add date = YYYY-MM-DD to season {} once it is fixed",
                                   first, first),
                       ExitCode::nothing);
}

Selection select_season(const Catalogue& cat, int number) {
    const Season* s = cat.find_season(number);
    if (s == nullptr) {
        throw CommandError(fmt::format("season {} is not in the catalogue ({})", number, season_range(cat)));
    }
    if (!s->date.present) {
        throw CommandError(fmt::format("season {} has no date yet (TBA): there is no event to put in a calendar; "
                                       "add date = YYYY-MM-DD to season {} once it is fixed",
                                       number, number),
                           ExitCode::nothing);
    }
    return Selection{.kind = CalendarKind::event, .seasons = {s}, .skipped_tba = {}};
}

Selection select_all(const Catalogue& cat) {
    Selection sel{.kind = CalendarKind::feed, .seasons = {}, .skipped_tba = {}};
    for (const Season* s : cat.seasons_by_number()) {
        if (s->date.present) {
            sel.seasons.push_back(s);
        }
    }
    if (sel.seasons.empty()) {
        throw CommandError("no season has a date yet: there is no event to put in a calendar", ExitCode::nothing);
    }
    return sel;
}

// A season that changed without a new calendar_sequence would reach calendars that keep the old
// details: report each like validate does, then stop.
void require_current_revisions(const Context& ctx, const Catalogue& cat, const Selection& sel) {
    std::vector<Diagnostic> changed;
    for (const Season* s : sel.seasons) {
        const auto revision = calendar_revision(cat, *s);
        if (revision && revision->state == CalendarRevision::State::changed) {
            changed.push_back(calendar_changed_diagnostic(*s, *revision));
            changed.back().severity = Severity::error; // validate warns; a calendar is refused
        }
    }
    if (changed.empty()) {
        return;
    }
    render_diagnostics_text(ctx.err, changed, ctx.catalogue.string(), cat.source, ctx.err_color);
    throw CommandError(fmt::format("{} changed since {} calendar was recorded; raise calendar_sequence as the hint "
                                   "says, so that calendars update instead of keeping the old details",
                                   changed.size() == 1 ? "a season" : fmt::format("{} seasons", changed.size()),
                                   changed.size() == 1 ? "its" : "their"));
}

// Coming seasons whose fingerprint is not recorded: a later change could not be caught.
void note_unrecorded(const Context& ctx, const Catalogue& cat, const Selection& sel) {
    if (ctx.quiet) {
        return;
    }
    for (const Season* s : sel.seasons) {
        const auto revision = calendar_revision(cat, *s);
        if (revision && revision->state == CalendarRevision::State::unrecorded && !season_started(cat, *s, ctx.now)) {
            ctx.err << fmt::format("wtool: note: season {}'s calendar is not recorded: add {} to season {}, so that "
                                   "wtool can catch a later change of its date, time or link (docs/ics.md)\n",
                                   s->number.value, calendar_fingerprint_line(*revision), s->number.value);
        }
    }
}

} // namespace

CLI::App* setup_ics(CLI::App& app, IcsOptions& opts) {
    CLI::App* sub = app.add_subcommand("ics", "Write the next webinar, or every season, as an iCalendar file");
    CLI::Option* next = sub->add_flag("--next", opts.next, "The next season that has a date (default)");
    CLI::Option* season =
        sub->add_option("--season", opts.season, "This season")->type_name("N")->check(CLI::Range(1, 99999));
    CLI::Option* all = sub->add_flag("--all", opts.all, "Every dated season, as a feed to subscribe to");
    next->excludes(season)->excludes(all);
    season->excludes(all);
    sub->add_option("--output", opts.output, "Write to this file (atomically) instead of standard output")
        ->type_name("FILE");
    sub->add_option("--alarm", opts.alarms,
                    "A reminder this many minutes before the start; repeatable (default: the series' alarm_minutes)")
        ->type_name("MINUTES")
        ->check(CLI::Range(0, 7 * 24 * 60));
    sub->footer("Examples:\n  wtool ics > next.ics\n  wtool ics --season 9 --alarm 60 --alarm 10 --output season9.ics\n"
                "  wtool ics --all --output webinars.ics\n\n"
                "Exit status: 0 written, 2 unusable catalogue or bad usage, 4 nothing to output (no date yet).");
    return sub;
}

ExitCode run_ics(Context& ctx, const IcsOptions& opts) {
    const Catalogue cat = load_usable_catalogue(ctx);
    const Selection sel = opts.all           ? select_all(cat)
                          : opts.season != 0 ? select_season(cat, opts.season)
                                             : select_next(cat, ctx.now);
    require_current_revisions(ctx, cat, sel);

    CalendarRequest request{.kind = sel.kind, .seasons = sel.seasons, .alarm_minutes = opts.alarms, .now = ctx.now};
    if (opts.alarms.empty()) {
        for (const Field<int>& m : cat.series.alarm_minutes) {
            request.alarm_minutes.push_back(m.value);
        }
    }
    const auto calendar = render_calendar(cat, request);
    if (!calendar) {
        throw CommandError(calendar.error());
    }

    for (const int number : sel.skipped_tba) {
        ctx.err << fmt::format("wtool: note: season {} has no date yet (TBA) and is skipped: this calendar is for "
                               "season {}\n",
                               number, sel.seasons.front()->number.value);
    }
    note_unrecorded(ctx, cat, sel);

    write_output(ctx, *calendar, opts.output);
    if (opts.output.empty() || opts.output == "-") {
        return ExitCode::ok;
    }
    if (!ctx.quiet) {
        ctx.out << (sel.kind == CalendarKind::feed
                        ? fmt::format("wrote {} ({} season{})\n", opts.output, sel.seasons.size(),
                                      sel.seasons.size() == 1 ? "" : "s")
                        : fmt::format("wrote {} (season {})\n", opts.output, sel.seasons.front()->number.value));
    }
    return ExitCode::ok;
}

} // namespace wtool

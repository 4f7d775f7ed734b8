#include "commands/ics.hpp"

#include "catalogue/calendar_plan.hpp"
#include "catalogue/schedule.hpp"
#include "catalogue/catalogue_change.hpp"
#include "cli/catalogue_update.hpp"
#include "cli/command_support.hpp"
#include "cli/output_target.hpp"
#include "ics/ics_calendar.hpp"
#include "render/plain.hpp"
#include "render/template_views.hpp"
#include "render/templates.hpp"

#include <fmt/format.h>

namespace wtool {

namespace {

std::string season_range(const Catalogue& cat) {
    const auto seasons = cat.seasons_by_number();
    if (seasons.empty()) {
        return "the catalogue has no seasons";
    }
    return fmt::format("the catalogue has seasons {} to {}", seasons.front()->number.value,
                       seasons.back()->number.value);
}

CalendarChoice choice_of(const IcsOptions& opts) {
    if (opts.all) {
        return {CalendarChoice::Kind::all, 0};
    }
    if (opts.season != 0) {
        return {CalendarChoice::Kind::season, opts.season};
    }
    return {CalendarChoice::Kind::next, 0};
}

// Why there is no calendar to write, as the error that ends the command.
[[noreturn]] void no_calendar(const Catalogue& cat, const NoCalendar& why, tz::Instant now) {
    switch (why.kind) {
    case NoCalendar::Kind::none_coming:
        throw CommandError(fmt::format("no season is coming after {}: there is no next webinar to put in a calendar; "
                                       "add the next season to the catalogue, or use --all for every season",
                                       tz::format_utc(now)),
                           ExitCode::nothing);
    case NoCalendar::Kind::next_tba:
        throw CommandError(fmt::format("the next season, {}, has no date yet (TBA): there is no event to put in a "
                                       "calendar; add date = YYYY-MM-DD to season {} once it is fixed",
                                       why.season, why.season),
                           ExitCode::nothing);
    case NoCalendar::Kind::unknown_season:
        throw CommandError(fmt::format("season {} is not in the catalogue ({})", why.season, season_range(cat)));
    case NoCalendar::Kind::season_tba:
        throw CommandError(fmt::format("season {} has no date yet (TBA): there is no event to put in a calendar; "
                                       "add date = YYYY-MM-DD to season {} once it is fixed",
                                       why.season, why.season),
                           ExitCode::nothing);
    case NoCalendar::Kind::none_dated:
        throw CommandError("no season has a date yet: there is no event to put in a calendar", ExitCode::nothing);
    }
    throw CommandError("there is no event to put in a calendar", ExitCode::nothing);
}

// A season that changed without a new calendar_sequence would reach calendars that keep the old
// details: validate warns about it; a calendar that contains it is refused, each reported as an
// error, then the command stops.
void refuse_changed(const Context& ctx, const Catalogue& cat, const CalendarPlan& plan) {
    std::vector<Diagnostic> changed;
    for (const CalendarEvent* e : plan.changed_events()) {
        changed.push_back(calendar_changed_diagnostic(*e->season, e->revision, Severity::error));
    }
    if (changed.empty()) {
        return;
    }
    render_diagnostics_text(ctx.err, changed, ctx.catalogue.string(), cat.source, ctx.err_color);
    throw CommandError(fmt::format("{} changed since {} calendar was recorded; run 'wtool ics --record' to raise "
                                   "calendar_sequence and record the new details (or edit them as the hint says), so "
                                   "that calendars update instead of keeping the old details",
                                   changed.size() == 1 ? "a season" : fmt::format("{} seasons", changed.size()),
                                   changed.size() == 1 ? "its" : "their"));
}

// The seasons passed over, and the coming seasons whose fingerprint is not recorded (a later
// change could not be caught).
void notes(const Context& ctx, const Catalogue& cat, const CalendarPlan& plan) {
    for (const int number : plan.skipped_tba) {
        ctx.err << fmt::format("wtool: note: season {} has no date yet (TBA) and is skipped: this calendar is for "
                               "season {}\n",
                               number, plan.events.front().season->number.value);
    }
    if (ctx.quiet) {
        return;
    }
    for (const CalendarEvent& e : plan.events) {
        if (e.revision.state == CalendarRevision::State::unrecorded && !season_started(cat, *e.season, ctx.now)) {
            ctx.err << fmt::format("wtool: note: season {}'s calendar is not recorded: add --record when you send "
                                   "it (or {} to season {}), so that wtool can catch a later change of its date, "
                                   "time or link (docs/ics.md)\n",
                                   e.season->number.value, calendar_fingerprint_line(e.revision),
                                   e.season->number.value);
        }
    }
}

// --record: the calendar about to be written is the one people will have. Its fingerprint (and,
// for a season changed since it was recorded, the raised calendar_sequence) goes into the
// catalogue first, under its lock; the calendar is then made from the updated catalogue.
void record(Context& ctx, const IcsOptions& opts) {
    (void)update_catalogue(ctx, {}, [&](const Catalogue& current) -> std::expected<CatalogueChange, std::string> {
        auto planned = plan_calendar(current, choice_of(opts), ctx.now);
        if (!planned) {
            no_calendar(current, planned.error(), ctx.now);
        }
        return plan_calendar_record(current, *planned, ctx.now);
    });
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
    sub->add_flag("--record", opts.record,
                  "Record in the catalogue that this calendar was sent (calendar_fingerprint; calendar_sequence "
                  "raised for a changed season), so later changes are caught");
    sub->footer("Examples:\n  wtool ics > next.ics\n  wtool ics --record --output next.ics\n  wtool ics --season 9 --alarm 60 --alarm 10 --output season9.ics\n"
                "  wtool ics --all --output webinars.ics\n\n"
                "Exit status: 0 written, 2 unusable catalogue or bad usage, 4 nothing to output (no date yet).");
    return sub;
}

namespace {

// Each event's title, from the calendar_title template (the series' own or the default), made one
// line.
std::map<int, std::string> event_titles(const Catalogue& cat, const CalendarPlan& plan) {
    auto templates = templates_for(cat);
    if (!templates) {
        throw CommandError(templates.error());
    }
    std::map<int, std::string> titles;
    for (const CalendarEvent& event : plan.events) {
        auto view = calendar_title_view(cat, *event.season);
        if (!view) {
            throw CommandError(view.error());
        }
        auto text = render_template(*templates, "calendar_title", *view);
        if (!text) {
            throw CommandError(text.error().message);
        }
        titles[event.season->number.value] = plain::one_line(*text);
    }
    return titles;
}

} // namespace

ExitCode run_ics(Context& ctx, const IcsOptions& opts) {
    if (opts.record) {
        record(ctx, opts);
    }
    const Catalogue cat = load_usable_catalogue(ctx);
    auto planned = plan_calendar(cat, choice_of(opts), ctx.now);
    if (!planned) {
        no_calendar(cat, planned.error(), ctx.now);
    }
    const CalendarPlan& plan = *planned;
    refuse_changed(ctx, cat, plan);

    CalendarOptions options{.alarm_minutes = opts.alarms, .now = ctx.now, .titles = event_titles(cat, plan)};
    if (opts.alarms.empty()) {
        for (const Field<int>& m : cat.series.alarm_minutes) {
            options.alarm_minutes.push_back(m.value);
        }
    }
    const auto calendar = render_calendar(cat, plan, options);
    if (!calendar) {
        throw CommandError(calendar.error());
    }
    notes(ctx, cat, plan);

    write_output(ctx, *calendar, opts.output);
    if (opts.output.empty() || opts.output == "-") {
        return ExitCode::ok;
    }
    if (!ctx.quiet) {
        ctx.out << (plan.kind == CalendarKind::feed
                        ? fmt::format("wrote {} ({} season{})\n", opts.output, plan.events.size(),
                                      plan.events.size() == 1 ? "" : "s")
                        : fmt::format("wrote {} (season {})\n", opts.output, plan.events.front().season->number.value));
    }
    return ExitCode::ok;
}

} // namespace wtool

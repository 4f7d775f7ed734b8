#include "commands/time.hpp"

#include "catalogue/schedule.hpp"
#include "cli/command_support.hpp"
#include "render/time_table.hpp"
#include "support/text.hpp"
#include "time/time_format.hpp"
#include "time/timezone.hpp"
#include "time/when.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <vector>

namespace wtool {

namespace {

// The moment to convert: an instant, the zone it was given in, and where it came from.
struct Moment {
    tz::Instant instant{};
    tz::Zone source;
    date::local_days reference_day{}; // the date in the source zone: "+1 day" is relative to it
    const Season* season = nullptr;   // when it is a season's start
};

// Options that only make sense with (or without) a WHEN.
void check_combinations(const TimeOptions& opts, bool has_when) {
    if (has_when && opts.season != 0) {
        throw CommandError("--season converts a season's start; give either --season or a time, not both");
    }
    if (!has_when) {
        for (const auto& [given, name] :
             {std::pair{!opts.date.empty(), "--date"}, std::pair{!opts.from.empty(), "--from"},
              std::pair{opts.earlier, "--earlier"}, std::pair{opts.later, "--later"}}) {
            if (given) {
                throw CommandError(fmt::format("{} needs a time to convert, e.g. wtool time 15:00 {} ...", name, name));
            }
        }
    }
}

tz::Ambiguity ambiguity_of(const TimeOptions& opts) {
    return opts.earlier ? tz::Ambiguity::earlier : opts.later ? tz::Ambiguity::later : tz::Ambiguity::reject;
}

tz::ZoneQuery lookup_or_throw(std::string_view text, std::string_view where) {
    auto query = tz::lookup_zone(text);
    if (!query) {
        throw CommandError(where.empty() ? query.error().message : fmt::format("{}: {}", where, query.error().message));
    }
    return std::move(*query);
}

// "ET" and the other region names are read as a place's zone: say which, once for each, so
// nobody wonders.
class RegionNotes {
  public:
    explicit RegionNotes(std::ostream& err) : err_(err) {}

    void note(const tz::ZoneQuery& query) {
        if (query.region != nullptr && std::find(noted_.begin(), noted_.end(), query.region) == noted_.end()) {
            noted_.push_back(query.region);
            err_ << fmt::format("wtool: note: '{}' read as {} ({}, with daylight saving time)\n", query.text,
                                query.region->zone, query.region->meaning);
        }
    }

  private:
    std::ostream& err_;
    std::vector<const tz::RegionName*> noted_;
};

tz::Zone zone_or_throw(const tz::ZoneQuery& query, tz::Instant near, const date::time_zone* context) {
    auto zone = tz::zone_for(query, near, context);
    if (!zone) {
        throw CommandError(zone.error());
    }
    return std::move(*zone);
}

// "09:00", or "2025-05-11 23:30" when the local time is not on `day`.
std::string clock_on(tz::LocalTime t, date::local_days day) {
    const std::string clock = tz::format_clock_24h(t);
    return tz::local_day(t) == day ? clock : tz::format_iso_date(tz::local_day(t)) + " " + clock;
}

// "2025-05-12 10:00 CET" on a summer day: say what the zone really shows, and both readings.
void warn_label(Context& ctx, const tz::LabelMismatch& mismatch, const tz::Zone& as_written, tz::LocalTime local,
                tz::Instant instant) {
    const date::time_zone& zone = *mismatch.zone;
    const std::string place = tz::place_name(zone.name());
    const date::local_days day = tz::local_day(local);
    const std::string written = fmt::format("{} {}", tz::format_iso_date(day), tz::format_clock_24h(local));
    const auto utc_clock = [&](tz::Instant t) { return clock_on(tz::LocalTime{t.time_since_epoch()}, day) + " UTC"; };
    ctx.err << fmt::format("wtool: warning: {} is on {} ({}) on {}, not {} ({})\n", zone.name(), mismatch.actual.abbrev,
                           tz::format_offset(mismatch.actual.offset), tz::format_iso_date(day), as_written.label,
                           tz::format_offset(as_written.fixed_offset));
    ctx.err << fmt::format("  as written: {} {} ({}) = {} = {} {} in {}\n", written, as_written.label,
                           tz::format_offset(as_written.fixed_offset), utc_clock(instant),
                           clock_on(mismatch.actual.local, day), mismatch.actual.abbrev, place);
    const auto local_reading = tz::resolve_local(zone, local, tz::Ambiguity::earlier);
    if (local_reading) {
        const tz::ZonedView there = tz::in_zone(zone, *local_reading);
        ctx.err << fmt::format("  {} time: {} {} ({}) = {}\n", place, written, there.abbrev,
                               tz::format_offset(there.offset), utc_clock(*local_reading));
        ctx.err << fmt::format("  converting the time as written; for {} time write '{}' instead of '{}'\n", place,
                               there.abbrev, as_written.label);
    } else {
        ctx.err << fmt::format("  {} time: {}\n", place, local_reading.error().message);
        ctx.err << "  converting the time as written\n";
    }
}

// A season's start: --season N, or the next season at ctx.now.
Moment season_moment(const Catalogue& cat, const TimeOptions& opts, tz::Instant now) {
    const Season* season = nullptr;
    if (opts.season != 0) {
        season = cat.find_season(opts.season);
        if (season == nullptr) {
            throw CommandError(fmt::format("there is no season {} in '{}'", opts.season, cat.path.string()));
        }
    } else {
        season = next_season(cat, now);
        if (season == nullptr) {
            throw CommandError(fmt::format("no season is coming: every season in '{}' has started; use --season N "
                                           "for an earlier one, or give a time to convert",
                                           cat.path.string()),
                               ExitCode::nothing);
        }
    }
    const auto start = season_start(cat, *season);
    if (!start && start.error().kind == NoStart::Kind::tba) {
        throw CommandError(fmt::format("season {} has no date yet (TBA): add its date to the catalogue, or give a "
                                       "time to convert, e.g. wtool time '2026-09-14 15:00'",
                                       season->number.value),
                           ExitCode::nothing);
    }
    if (!start) {
        throw CommandError(fmt::format("season {}: {}", season->number.value, start.error().message));
    }
    const date::time_zone* zone = series_zone(cat);
    Moment m;
    m.instant = *start;
    m.source = tz::Zone::of(*zone);
    m.reference_day = tz::local_day(tz::in_zone(*zone, m.instant).local);
    m.season = season;
    return m;
}

// A time typed by the user: WHEN, read in its own zone, --from, or the series' zone.
Moment when_moment(Context& ctx, const TimeOptions& opts, const tz::When& when, const date::time_zone* series,
                   RegionNotes& notes) {
    std::optional<tz::ZoneQuery> query;
    if (!when.zone.empty()) {
        query = lookup_or_throw(when.zone, "");
    } else if (!opts.from.empty()) {
        query = lookup_or_throw(opts.from, "--from");
    }
    if (query) {
        notes.note(*query);
    }
    // Abbreviations are read in the series' zone when it uses them (IST in Europe/Dublin).
    const date::time_zone* context = series;
    const auto source_near = [&](tz::Instant near) {
        return query ? zone_or_throw(*query, near, context) : tz::Zone::of(*series);
    };

    std::optional<date::local_days> day = when.date;
    if (!opts.date.empty()) {
        if (day) {
            throw CommandError(
                fmt::format("the date is given twice: in the time and as --date {}; give it once", opts.date));
        }
        auto parsed = tz::parse_date(opts.date);
        if (!parsed) {
            throw CommandError("--date: " + parsed.error());
        }
        day = *parsed;
    }
    if (!day) {
        day = tz::local_day(tz::in_zone(source_near(ctx.now), ctx.now).local); // today, where the time is read
    }
    const tz::LocalTime local = tz::LocalTime{*day} + when.time_of_day;

    Moment m;
    m.source = source_near(tz::Instant{local.time_since_epoch()});
    auto instant = tz::resolve_local(m.source, local, ambiguity_of(opts));
    if (!instant) {
        std::string message = instant.error().message;
        if (instant.error().kind == tz::LocalTimeError::Kind::ambiguous) {
            message += "; add --earlier for the first or --later for the second";
        }
        throw CommandError(message);
    }
    m.instant = *instant;
    m.reference_day = *day;
    if (query) {
        if (auto mismatch = tz::check_label(*query, m.source, m.instant, context)) {
            warn_label(ctx, *mismatch, m.source, local, m.instant);
        }
    }
    return m;
}

// The zones of --to (each value may list several, separated by commas), every unknown one reported
// at once. Abbreviations have their table meaning.
std::vector<tz::Zone> zones_from_option(Context& ctx, const std::vector<std::string>& names, tz::Instant instant,
                                        RegionNotes& notes) {
    std::vector<std::string> split;
    for (const std::string& option : names) {
        for (std::size_t start = 0; start <= option.size();) {
            const std::size_t comma = std::min(option.find(',', start), option.size());
            split.emplace_back(text::trim(std::string_view(option).substr(start, comma - start)));
            start = comma + 1;
        }
    }
    std::vector<tz::Zone> zones;
    std::vector<std::string> errors;
    for (const std::string& name : split) {
        if (name.empty()) {
            continue;
        }
        auto query = tz::lookup_zone(name);
        if (!query) {
            errors.push_back(query.error().message);
            continue;
        }
        notes.note(*query);
        auto zone = tz::zone_for(*query, instant);
        if (!zone) {
            errors.push_back(zone.error());
            continue;
        }
        if (auto mismatch = tz::check_label(*query, *zone, instant)) {
            ctx.err << fmt::format("wtool: warning: --to {}: {} is on {} ({}) at that time, not {} ({}); the {} row "
                                   "shows {} as written, use '{}' for the local time there\n",
                                   query->text, mismatch->zone->name(), mismatch->actual.abbrev,
                                   tz::format_offset(mismatch->actual.offset), zone->label,
                                   tz::format_offset(zone->fixed_offset), zone->label,
                                   tz::format_offset(zone->fixed_offset), mismatch->zone->name());
        }
        zones.push_back(std::move(*zone));
    }
    if (!errors.empty()) {
        // Every unknown zone at once: all but the last here, the last as the command's error.
        for (std::size_t i = 0; i + 1 < errors.size(); ++i) {
            ctx.err << "wtool: error: --to: " << text::visible(errors[i], text::Keep::tabs_and_newlines) << "\n";
        }
        throw CommandError("--to: " + errors.back());
    }
    return zones;
}

std::vector<tz::Zone> audience_zones(const Catalogue& cat) {
    std::vector<tz::Zone> zones;
    for (const Text& name : cat.series.audience_timezones) {
        if (const date::time_zone* z = tz::find_zone(name.value)) {
            zones.push_back(tz::Zone::of(*z));
        }
    }
    return zones;
}

} // namespace

CLI::App* setup_time(CLI::App& app, TimeOptions& opts) {
    CLI::App* sub = app.add_subcommand("time", "Show a season's start, or any time, in the audience's time zones");
    sub->add_option("when", opts.when,
                    "The time to convert: '2026-03-02 15:00', '15:00', '3pm' or '3:30pm', optionally followed by a "
                    "zone ('CET', 'Europe/Copenhagen', '+01:00', 'new york'). Default: the next season's start")
        ->type_name("WHEN");
    sub->add_option("--season", opts.season, "Show this season's start instead of the next season's")
        ->check(CLI::Range(1, 9999))
        ->type_name("N");
    sub->add_option("--date", opts.date, "The date of a WHEN without one (default: today where WHEN is read)")
        ->type_name("YYYY-MM-DD");
    sub->add_option("--from", opts.from, "The zone WHEN is read in, if it names none (default: the series' zone)")
        ->type_name("ZONE");
    sub->add_option("--to", opts.to,
                    "Zones to convert to, separated by commas (default: the catalogue's "
                    "audience_timezones)")
        ->type_name("ZONE[,ZONE...]");
    sub->add_option("--format", opts.format, "Output format")
        ->check(CLI::IsMember({"text", "markdown", "json"}))
        ->capture_default_str();
    CLI::Option* earlier =
        sub->add_flag("--earlier", opts.earlier, "A local time that happens twice (clocks go back): the first one");
    CLI::Option* later =
        sub->add_flag("--later", opts.later, "A local time that happens twice (clocks go back): the second one");
    earlier->excludes(later);
    sub->footer("Examples:\n"
                "  wtool time                                   the next season's start everywhere\n"
                "  wtool time \"2026-03-02 15:00 CET\" --to tokyo,'new york'\n"
                "  wtool time 3pm --date 2026-03-02 --format markdown\n\n"
                "Exit status: 0 ok, 2 bad time or zone (or a time that does not exist or exists twice), "
                "4 no coming season or no date yet.");
    return sub;
}

ExitCode run_time(Context& ctx, const TimeOptions& opts) {
    const std::string when_text = fmt::format("{}", fmt::join(opts.when, " "));
    const bool has_when = !text::trim(when_text).empty();
    check_combinations(opts, has_when);
    std::optional<tz::When> when;
    if (has_when) {
        auto parsed = tz::parse_when(when_text);
        if (!parsed) {
            throw CommandError(parsed.error());
        }
        when = std::move(*parsed);
        if (!when->zone.empty() && !opts.from.empty()) {
            throw CommandError(fmt::format("the zone is given twice: '{}' in the time and --from {}; give it once",
                                           when->zone, opts.from));
        }
    }

    // The catalogue is read only when something comes from it.
    const bool need_catalogue = !when || opts.to.empty() || (when->zone.empty() && opts.from.empty());
    std::optional<Catalogue> loaded;
    if (need_catalogue) {
        loaded = load_usable_catalogue(ctx);
    }
    const Catalogue* cat = loaded ? &*loaded : nullptr; // set without a time and without --to
    const date::time_zone* series = cat != nullptr ? series_zone(*cat) : nullptr;
    if (cat != nullptr && series == nullptr) { // validation reports an unknown zone as an error; never expected here
        throw CommandError(
            fmt::format("unknown time zone '{}' in '{}'", cat->series.timezone.value, ctx.catalogue.string()));
    }

    RegionNotes notes(ctx.err);
    const Moment moment = when ? when_moment(ctx, opts, *when, series, notes) : season_moment(*cat, opts, ctx.now);
    if (moment.instant >= tz::end_of_reliable_data()) {
        throw CommandError(fmt::format("{} is too far ahead: wtool converts times before 2038, where the tz "
                                       "database's daylight-saving tables end",
                                       tz::format_utc(moment.instant)));
    }
    const std::vector<tz::Zone> targets =
        opts.to.empty() ? audience_zones(*cat) : zones_from_option(ctx, opts.to, moment.instant, notes);
    const TimeTable table{moment.instant, moment.source, moment.season,
                          time_table_rows(moment.instant, moment.source, moment.reference_day, targets)};

    if (opts.format == "json") {
        ctx.out << render_time_json(table);
    } else if (opts.format == "markdown") {
        ctx.out << render_time_markdown(table);
    } else {
        ctx.out << render_time_text(table);
    }
    return ExitCode::ok;
}

} // namespace wtool

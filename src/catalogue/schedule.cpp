#include "catalogue/schedule.hpp"

#include <fmt/format.h>

namespace wtool {

namespace {

NoStart no_start(NoStart::Kind kind, std::string message) {
    NoStart n;
    n.kind = kind;
    n.message = std::move(message);
    return n;
}

} // namespace

const date::time_zone* series_zone(const Catalogue& cat) {
    return tz::find_zone(cat.series.timezone.value);
}

std::optional<tz::LocalTime> season_local_start(const Catalogue& cat, const Season& season) {
    if (!season.date.present) {
        return std::nullopt;
    }
    return tz::LocalTime{season.date.value} + season_start_time(cat, season);
}

std::expected<tz::Instant, NoStart> season_start(const Catalogue& cat, const Season& season) {
    const auto local = season_local_start(cat, season);
    if (!local) {
        return std::unexpected(
            no_start(NoStart::Kind::tba, fmt::format("season {} has no date yet", season.number.value)));
    }
    const date::time_zone* zone = series_zone(cat);
    if (zone == nullptr) {
        NoStart n = no_start(NoStart::Kind::unknown_zone,
                             fmt::format("unknown time zone '{}'", cat.series.timezone.value));
        n.local = *local;
        return std::unexpected(std::move(n));
    }
    if (season.stated_utc_offset_minutes.present) {
        // The catalogue wrote an explicit offset: that is the instant it literally names.
        return tz::Instant{local->time_since_epoch()} - std::chrono::minutes{season.stated_utc_offset_minutes.value};
    }
    auto instant = tz::resolve_local(*zone, *local);
    if (instant) {
        return *instant;
    }
    const tz::LocalTimeError& e = instant.error();
    const bool gap = e.kind == tz::LocalTimeError::Kind::nonexistent;
    NoStart n = no_start(gap ? NoStart::Kind::nonexistent : NoStart::Kind::ambiguous, e.message);
    n.local = *local;
    const auto reading = [&](std::chrono::seconds offset, const std::string& abbrev) {
        return StartReading{tz::Instant{local->time_since_epoch() - offset}, offset, abbrev};
    };
    n.before = reading(e.earlier_offset, e.earlier_abbrev);
    n.after = reading(e.later_offset, e.later_abbrev);
    return std::unexpected(std::move(n));
}

bool season_started(const Catalogue& cat, const Season& season, tz::Instant now) {
    const auto start = season_start(cat, season);
    return start && *start <= now;
}

std::expected<tz::Instant, NoStart> season_end(const Catalogue& cat, const Season& season) {
    auto start = season_start(cat, season);
    if (!start) {
        return std::unexpected(std::move(start.error()));
    }
    return *start + std::chrono::minutes{season_duration_minutes(cat, season)};
}

bool season_ended(const Catalogue& cat, const Season& season, tz::Instant now) {
    const auto end = season_end(cat, season);
    return end && *end <= now;
}

std::vector<const Season*> coming_seasons(const Catalogue& cat, tz::Instant now) {
    std::vector<const Season*> out;
    for (const Season* s : cat.seasons_by_number()) {
        if (!s->cancelled.value && !season_started(cat, *s, now)) {
            out.push_back(s);
        }
    }
    return out;
}

const Season* next_season(const Catalogue& cat, tz::Instant now) {
    if (const NextDatedSeason dated = next_dated_season(cat, now); dated.season != nullptr) {
        return dated.season;
    }
    const std::vector<const Season*> coming = coming_seasons(cat, now);
    return coming.empty() ? nullptr : coming.front();
}

NextDatedSeason next_dated_season(const Catalogue& cat, tz::Instant now) {
    NextDatedSeason next;
    for (const Season* s : coming_seasons(cat, now)) {
        if (s->date.present) {
            next.season = s;
            break;
        }
        next.skipped_tba.push_back(s->number.value);
    }
    return next;
}

} // namespace wtool

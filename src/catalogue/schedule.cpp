#include "catalogue/schedule.hpp"

namespace wtool {

const date::time_zone* series_zone(const Catalogue& cat) {
    return tz::find_zone(cat.series.timezone.value);
}

std::optional<tz::LocalTime> season_local_start(const Catalogue& cat, const Season& season) {
    if (!season.date.present) {
        return std::nullopt;
    }
    return tz::LocalTime{season.date.value} + season_start_time(cat, season);
}

std::expected<std::optional<tz::Instant>, std::string> season_start(const Catalogue& cat, const Season& season) {
    const auto local = season_local_start(cat, season);
    if (!local) {
        return std::optional<tz::Instant>{};
    }
    const date::time_zone* zone = series_zone(cat);
    if (zone == nullptr) {
        return std::unexpected("unknown time zone '" + cat.series.timezone.value + "'");
    }
    if (season.stated_utc_offset_minutes.present) {
        // The catalogue wrote an explicit offset: that is the instant it literally names.
        return std::optional<tz::Instant>{tz::Instant{local->time_since_epoch()} -
                                          std::chrono::minutes{season.stated_utc_offset_minutes.value}};
    }
    auto instant = tz::resolve_local(*zone, *local);
    if (!instant) {
        return std::unexpected(instant.error().message);
    }
    return std::optional<tz::Instant>{*instant};
}

bool season_started(const Catalogue& cat, const Season& season, tz::Instant now) {
    const auto start = season_start(cat, season);
    return start && start->has_value() && **start <= now;
}

const Season* next_season(const Catalogue& cat, tz::Instant now) {
    for (const Season* s : cat.seasons_by_number()) {
        if (!s->cancelled.value && !season_started(cat, *s, now)) {
            return s;
        }
    }
    return nullptr;
}

} // namespace wtool

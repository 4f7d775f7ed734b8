// When seasons happen: a season's start and end as instants, computed through the time module
// from its local date and time in the series' zone, and which season is "next" at a moment.
#pragma once

#include "catalogue/catalogue.hpp"
#include "time/timezone.hpp"

#include <expected>
#include <optional>

namespace wtool {

// The series' zone, or nullptr when the catalogue names an unknown one.
const date::time_zone* series_zone(const Catalogue& cat);

// The local start of a season (its date at its start time); nullopt for a TBA season.
std::optional<tz::LocalTime> season_local_start(const Catalogue& cat, const Season& season);

// The instant a season starts. nullopt for TBA seasons; an error when the local time does not
// exist or is ambiguous in the series' zone (validate reports that), or the zone is unknown.
std::expected<std::optional<tz::Instant>, std::string> season_start(const Catalogue& cat, const Season& season);

// Whether the season has begun at `now` (TBA seasons never have).
bool season_started(const Catalogue& cat, const Season& season, tz::Instant now);

// The next season at `now`: the lowest-numbered season, not cancelled, that has not started
// yet (dated or TBA). nullptr when none is coming.
const Season* next_season(const Catalogue& cat, tz::Instant now);

} // namespace wtool

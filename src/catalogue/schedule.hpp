// When seasons happen: a season's start as an instant, computed through the time module from its
// local date and time in the series' zone, and which seasons are coming at a moment. Every command,
// renderer and rule asks these functions, so that they all agree on when a season starts and
// which one is next.
#pragma once

#include "catalogue/catalogue.hpp"
#include "time/timezone.hpp"

#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace wtool {

// The series' zone, or nullptr when the catalogue names an unknown one.
const date::time_zone* series_zone(const Catalogue& cat);

// The local start of a season (its date at its start time); nullopt for a TBA season.
std::optional<tz::LocalTime> season_local_start(const Catalogue& cat, const Season& season);

// One way to read a local time that does not name exactly one instant: with the UTC offset in
// force on one side of the daylight-saving change.
struct StartReading {
    tz::Instant instant{};
    std::chrono::seconds offset{}; // +02:00
    std::string abbrev;            // CEST
};

// Why a season has no start instant.
struct NoStart {
    enum class Kind {
        tba,          // no date yet
        unknown_zone, // the series' zone is not in the tz database
        nonexistent,  // the local start falls in a spring-forward gap
        ambiguous,    // the local start happens twice (the repeated hour after a fall-back)
    };
    Kind kind = Kind::tba;
    tz::LocalTime local{}; // the start as the catalogue gives it (not for tba)
    // nonexistent and ambiguous: the two instants the local start could mean, read with the offset
    // in force before the change and with the one after it. For an ambiguous start `before` is the
    // first time it happens; for a nonexistent one it is the later instant (02:30 read as CET is
    // after 02:30 read as CEST).
    StartReading before, after;
    // For people, without the season: "season 9 has no date yet", "unknown time zone 'X'",
    // "2023-10-29 02:30 happens twice in Europe/Copenhagen: first at +02:00 (CEST, 00:30 UTC), then
    // again at +01:00 (CET, 01:30 UTC)", "2024-03-31 02:30 does not exist in Europe/Copenhagen: ...".
    std::string message;
};

// The one answer to "when does this season start": the instant, or why there is none. A date
// written with a UTC offset (2025-05-12T10:00:00+01:00) names the instant it literally says, even
// in an hour that is skipped or repeated. An ambiguous or nonexistent start is an error of
// `validate` (rules `ambiguous-time`, `nonexistent-time`), so commands, which refuse catalogues
// with errors, only meet TBA seasons.
std::expected<tz::Instant, NoStart> season_start(const Catalogue& cat, const Season& season);

// Whether the season has begun at `now`. A season without a start instant (TBA, or one validate
// reports) never has.
bool season_started(const Catalogue& cat, const Season& season, tz::Instant now);

// The end of a season: its start plus its duration; the same errors as season_start.
std::expected<tz::Instant, NoStart> season_end(const Catalogue& cat, const Season& season);

// Whether the season has ended at `now` (its end is at or before it). A season without a start
// instant never has.
bool season_ended(const Catalogue& cat, const Season& season, tz::Instant now);

// The coming seasons at `now`: those not cancelled that have not started (dated or TBA), in number
// order.
std::vector<const Season*> coming_seasons(const Catalogue& cat, tz::Instant now);

// The next webinar at `now`, the one rule every command follows: the first coming season that has a
// date; a season without a date only when no dated one is coming (then the first of them). nullptr
// when none is coming.
const Season* next_season(const Catalogue& cat, tz::Instant now);

// The next season that has a date, and the coming TBA seasons passed over to reach it.
struct NextDatedSeason {
    const Season* season = nullptr; // nullptr when no coming season has a date
    std::vector<int> skipped_tba;   // numbers of the coming seasons without a date before it
};
NextDatedSeason next_dated_season(const Catalogue& cat, tz::Instant now);

} // namespace wtool

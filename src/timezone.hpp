// The time module: every conversion between wall-clock times and instants goes through here,
// on Howard Hinnant's date/tz reading the operating system's tz database (tzdata). No offset
// or abbreviation is ever hard-coded: CET or CEST comes from the database for the date at hand.
#pragma once

#include <chrono>
#include <date/date.h>
#include <date/tz.h>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace wtool::tz {

using Instant = std::chrono::sys_seconds;
using LocalTime = date::local_seconds;

// The zone with this IANA name (exact spelling, e.g. "Europe/Copenhagen"), or nullptr.
// Loads only that zone's data.
const date::time_zone* find_zone(std::string_view name);

// Every zone name (and link name) of the tz database, sorted.
const std::vector<std::string>& zone_names();

// Up to `limit` zone names closest to `name` (by spelling, or by the city part), best first.
std::vector<std::string> suggest_zones(std::string_view name, std::size_t limit = 3);

// A moment as seen in one zone.
struct ZonedView {
    LocalTime local;               // wall-clock time there
    std::chrono::seconds offset{}; // UTC offset in force
    std::string abbrev;            // abbreviation in force, e.g. "CEST"
    bool dst = false;              // daylight-saving time in force
};
ZonedView in_zone(const date::time_zone& zone, Instant t);

// How to resolve a wall-clock time that occurs twice (the hour after a fall-back transition).
enum class Ambiguity { reject, earlier, later };

// Why a wall-clock time does not name exactly one instant.
struct LocalTimeError {
    enum class Kind { nonexistent, ambiguous } kind = Kind::nonexistent;
    // nonexistent: the gap is [gap_begin, gap_end) in local time; the nearest valid times are
    // the last minute before it and gap_end. ambiguous: the two offsets in force.
    LocalTime gap_begin{}, gap_end{};
    Instant earlier{}, later{};
    std::chrono::seconds earlier_offset{}, later_offset{};
    std::string earlier_abbrev, later_abbrev;
    std::string message; // full explanation, e.g. "2026-03-29 02:30 does not exist in ..."
};

// The instant a wall-clock time in `zone` names.
std::expected<Instant, LocalTimeError> resolve_local(const date::time_zone& zone, LocalTime local,
                                                     Ambiguity ambiguity = Ambiguity::reject);

// Parses an instant given as ISO 8601 with a zone designator: "2026-02-01T12:00:00Z",
// "2026-02-01T13:00:00+01:00", "2026-02-01 12:00Z", or a date alone ("2026-02-01", midnight UTC).
std::expected<Instant, std::string> parse_instant(std::string_view text);

// Formats a UTC offset as "+01:00" / "-03:30" / "+05:45".
std::string format_offset(std::chrono::seconds offset);

// Formats an instant as ISO 8601 UTC: "2026-03-02T14:00:00Z".
std::string format_utc(Instant t);

} // namespace wtool::tz

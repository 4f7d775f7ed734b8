// Reading the times people type: "2026-03-02 15:00", "2026-03-02T15:00", "15:00", "3pm",
// "3:30 PM", each optionally followed by a zone ("CET", "Europe/Copenhagen", "+01:00", "new
// york"). Only the shape is checked here; the zone text is resolved by tz::lookup_zone.
// The grammar is documented in docs/time.md.
#pragma once

#include <chrono>
#include <date/date.h>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace wtool::tz {

// A wall-clock time as typed.
struct When {
    std::optional<date::local_days> date; // absent: the caller decides (--date, or today)
    std::chrono::minutes time_of_day{};   // minutes after midnight, 0 .. 1439
    std::string zone;                     // the zone text after the time, trimmed; empty when none
};

// Parses WHEN := [DATE ('T' | ' ')] TIME [ZONE], where DATE is YYYY-MM-DD and TIME is HH:MM
// (or H:MM, or HH:MM:00), or a 12-hour time H[:MM]am|pm (case-insensitive, a space before
// am/pm allowed). A zone may follow the time directly when it starts with '+', '-' or is 'Z'
// ("15:00+01:00", "15:00Z"), otherwise after a space. Errors are messages for the user:
// "'25:00' is not a time of day: hours go from 00 to 23".
std::expected<When, std::string> parse_when(std::string_view input);

// Parses a date YYYY-MM-DD (as given to --date); rejects dates that do not exist (2026-02-30).
std::expected<date::local_days, std::string> parse_date(std::string_view text);

} // namespace wtool::tz

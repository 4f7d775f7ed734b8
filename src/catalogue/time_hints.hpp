// Hints for times a catalogue writes in a way that TOML or wtool does not read: a time without
// seconds ("start_time = 17:00", a TOML syntax error) and a time written as a string with a zone
// ("17:00 CET"), which should be a local time in the series' own zone.
#pragma once

#include <date/tz.h>
#include <optional>
#include <string>
#include <string_view>

namespace wtool {

// The fix for a source line whose value is a time or a date-time with hours and minutes only:
// "start_time = 17:00" -> "write start_time = 17:00:00: TOML times have seconds"; also
// "time = 9:30" (-> 09:30:00) and "date = 2026-03-02T17:00" (-> 2026-03-02T17:00:00), a comment
// after the value allowed. nullopt for any other line, and for lines longer than 200 bytes.
std::optional<std::string> missing_seconds_hint(std::string_view line);

// The hint for `key` written as a string (`time = "17:00 CET"`): the unquoted time, built from the
// value's own hours and minutes when it starts with them, and the zone the time is read in:
// "write it without quotes and without a zone, e.g. time = 17:00:00: times are local
// America/New_York time, and wtool works out EST or EDT for each date itself". `series_zone` is
// the series' zone, or nullptr when it is unknown (the hint then says "the series' time zone").
std::string quoted_time_hint(std::string_view key, std::string_view value, const date::time_zone* series_zone);

} // namespace wtool

// How announcements write dates and times for people: "02 March 2026", "2nd March 2026",
// "3:00pm", "+0100", "UTC-3", "New York". Pure formatting of values the time module computed;
// no zone arithmetic happens here (that is timezone.hpp), and every word is English.
//
// Note for the merge: the time module is being extended in parallel with its own 12-hour clock
// and date formatting; these functions are deliberately small and named for what announcements
// need, so that they can be folded into it.
#pragma once

#include "timezone.hpp"

#include <chrono>
#include <date/date.h>
#include <string>
#include <string_view>

namespace wtool::display {

// "January" .. "December"; "" for a month outside 1..12.
std::string_view month_name(date::month m);
// "Monday" .. "Sunday".
std::string_view weekday_name(date::weekday wd);

// "02 March 2026": two-digit day, full month name, year (the webinar page's "Date:" line).
std::string long_date(date::year_month_day ymd);
// "2nd March 2026": ordinal day, full month name, year (the previous-talks list).
std::string ordinal_date(date::year_month_day ymd);
// "2026-03-02".
std::string iso_date(date::year_month_day ymd);

// A wall-clock time of day on the 12-hour clock with minutes: "3:00pm", "9:30am", "12:00pm"
// (noon), "12:00am" (midnight). `since_midnight` is taken modulo one day.
std::string clock_12h(std::chrono::minutes since_midnight);
// The same on the 24-hour clock: "15:00", "09:30".
std::string clock_24h(std::chrono::minutes since_midnight);

// A UTC offset without a colon, as in YAML/Jekyll dates: "+0100", "-0330", "+0000".
std::string compact_offset(std::chrono::seconds offset);

// What to call the zone time in force in an announcement: the tz database's abbreviation when it
// has a real one ("CET", "EST", "AEDT"), else "UTC" and the offset ("UTC-3", "UTC+5:30",
// "UTC+0") for zones whose abbreviation is numeric ("-03", "+0530").
std::string zone_label(const tz::ZonedView& view);

// The place name of an IANA zone for people: its last part with underscores as spaces
// ("America/New_York" -> "New York", "UTC" -> "UTC").
std::string zone_city(std::string_view zone_name);

} // namespace wtool::display

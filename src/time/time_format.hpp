// Formatting dates and times for people: the one place every command takes its "3:00pm",
// "02 March 2026", "Monday" and "2026-03-02T15:00:00+01:00" from. Pure functions on values of
// the time module (no tz database access, no locale: names are English, as on the series' pages).
#pragma once

#include "time/timezone.hpp"

#include <chrono>
#include <date/date.h>
#include <string>

namespace wtool::tz {

// Whether a 12-hour clock time shows ":00" on the hour.
enum class ClockMinutes {
    always,       // "3:00pm"
    when_nonzero, // "3pm", but "3:30pm"
};

// The 12-hour clock time of a local time: "3:00pm", "9:30am"; midnight is "12:00am" and noon
// "12:00pm". Seconds are ignored.
std::string format_clock_12h(LocalTime t, ClockMinutes minutes = ClockMinutes::always);

// The 24-hour clock time of a local time: "15:00", "09:30". Seconds are ignored.
std::string format_clock_24h(LocalTime t);

// How the day of the month is written in a long date.
enum class DayStyle {
    two_digit, // "02 March 2026"
    plain,     // "2 March 2026"
    ordinal,   // "2nd March 2026"
};

// A date in words: "02 March 2026" (or "2 March 2026", "2nd March 2026").
std::string format_long_date(date::local_days day, DayStyle style = DayStyle::two_digit);

// A date as ISO 8601: "2026-03-02".
std::string format_iso_date(date::local_days day);

enum class NameLength { full, abbreviated };

// The English name of the day of the week: "Monday", or "Mon" when abbreviated.
std::string format_weekday(date::local_days day, NameLength length = NameLength::full);

// The calendar day of a local time (its date, dropping the time of day).
date::local_days local_day(LocalTime t);

// A moment as seen in a zone, as ISO 8601 with its offset: "2026-03-02T15:00:00+01:00".
std::string format_iso_local(const ZonedView& view);

// A UTC offset for people: "UTC+01:00", "UTC-03:30", "UTC+00:00".
std::string format_utc_offset(std::chrono::seconds offset);

// The marker for a local date that differs from a reference date by `days`: "+1 day",
// "-1 day", "+2 days"; the empty string for 0.
std::string format_day_difference(int days);

// A UTC offset without a colon, as in YAML/Jekyll dates: "+0100", "-0330", "+0000".
std::string format_compact_offset(std::chrono::seconds offset);

// What to call the time in force in an announcement: the tz database's abbreviation when it has
// a real one ("CET", "EST", "AEDT"), else "UTC" and the offset ("UTC-3", "UTC+5:45", "UTC+0")
// for zones whose abbreviation is numeric ("-03", "+0545").
std::string format_zone_label(const ZonedView& view);

} // namespace wtool::tz

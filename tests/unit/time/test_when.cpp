#include "time/when.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {
// "2026-03-02 15:00 [CET]" for a parsed WHEN, so that every form can be checked in one line.
std::string show(const tz::When& w) {
    std::string out = w.date ? date::format("%Y-%m-%d ", *w.date) : std::string("(no date) ");
    out += date::format("%H:%M", w.time_of_day);
    if (!w.zone.empty()) {
        out += " [" + w.zone + "]";
    }
    return out;
}
std::string parsed(std::string_view text) {
    const auto w = tz::parse_when(text);
    return w ? show(*w) : "error: " + w.error();
}
} // namespace

TEST_CASE("every WHEN form") {
    SUBCASE("date and 24-hour time") {
        CHECK(parsed("2026-03-02 15:00") == "2026-03-02 15:00");
        CHECK(parsed("2026-03-02T15:00") == "2026-03-02 15:00");
        CHECK(parsed("2026-03-02t15:00") == "2026-03-02 15:00");
        CHECK(parsed("2026-03-02   09:30") == "2026-03-02 09:30");
        CHECK(parsed("2026-03-02T15:00:00") == "2026-03-02 15:00");
        CHECK(parsed("  2026-03-02 15:00  ") == "2026-03-02 15:00");
    }
    SUBCASE("time alone") {
        CHECK(parsed("15:00") == "(no date) 15:00");
        CHECK(parsed("9:30") == "(no date) 09:30");
        CHECK(parsed("00:00") == "(no date) 00:00");
        CHECK(parsed("23:59") == "(no date) 23:59");
    }
    SUBCASE("12-hour times") {
        CHECK(parsed("3pm") == "(no date) 15:00");
        CHECK(parsed("3:30pm") == "(no date) 15:30");
        CHECK(parsed("3 PM") == "(no date) 15:00");
        CHECK(parsed("3:30 Am") == "(no date) 03:30");
        CHECK(parsed("12am") == "(no date) 00:00");
        CHECK(parsed("12:15am") == "(no date) 00:15");
        CHECK(parsed("12pm") == "(no date) 12:00");
        CHECK(parsed("11:59pm") == "(no date) 23:59");
        CHECK(parsed("2026-03-02 3pm") == "2026-03-02 15:00");
        CHECK(parsed("2026-03-02T10am") == "2026-03-02 10:00");
    }
    SUBCASE("followed by a zone") {
        CHECK(parsed("2026-03-02 15:00 CET") == "2026-03-02 15:00 [CET]");
        CHECK(parsed("2026-03-02 15:00 Europe/Copenhagen") == "2026-03-02 15:00 [Europe/Copenhagen]");
        CHECK(parsed("15:00 new york") == "(no date) 15:00 [new york]");
        CHECK(parsed("3pm cest") == "(no date) 15:00 [cest]");
        CHECK(parsed("3 pm UTC") == "(no date) 15:00 [UTC]");
        CHECK(parsed("2026-03-02T15:00+01:00") == "2026-03-02 15:00 [+01:00]");
        CHECK(parsed("2026-03-02T15:00:00-03:30") == "2026-03-02 15:00 [-03:30]");
        CHECK(parsed("2026-03-02T14:00Z") == "2026-03-02 14:00 [Z]");
        CHECK(parsed("3:30pm +05:45") == "(no date) 15:30 [+05:45]");
        CHECK(parsed("10am AEST") == "(no date) 10:00 [AEST]");
        CHECK(parsed("noon") == "(no date) 12:00");
        CHECK(parsed("Noon ET") == "(no date) 12:00 [ET]");
        CHECK(parsed("2026-03-02 midday CET") == "2026-03-02 12:00 [CET]");
        CHECK(parsed("noon+01:00") == "(no date) 12:00 [+01:00]");
    }
}

TEST_CASE("every WHEN error") {
    const std::string shape = "is not a time: write it like 15:00, 3pm, 3:30pm or 2026-03-02 15:00, optionally "
                              "followed by a zone such as CET, Europe/Copenhagen or +01:00";
    CHECK(parsed("") == "error: empty time: write it like 15:00, 3pm, 3:30pm or 2026-03-02 15:00, optionally "
                        "followed by a zone");
    CHECK(parsed("   ") == "error: empty time: write it like 15:00, 3pm, 3:30pm or 2026-03-02 15:00, optionally "
                           "followed by a zone");
    CHECK(parsed("noonish") == "error: 'noonish' " + shape);
    CHECK(parsed("noon5") == "error: 'noon5' " + shape);
    CHECK(parsed("midnight") ==
          "error: 'midnight' could be the start or the end of a day: write 00:00 (or 12am) with the date of the "
          "day it starts");
    CHECK(parsed("15.00") == "error: '15.00' " + shape);
    CHECK(parsed("15:0") == "error: '15:0' " + shape);
    CHECK(parsed("15:00abc") == "error: '15:00abc' " + shape);
    CHECK(parsed("3pmCET") == "error: '3pmCET' " + shape);
    CHECK(parsed("3 CET") == "error: '3' is not a time: write 03:00, or add am or pm");
    CHECK(parsed("15") == "error: '15' is not a time: write 15:00, or add am or pm");
    CHECK(parsed("25:00") == "error: '25:00' is not a time of day: hours go from 00 to 23");
    CHECK(parsed("24:00") == "error: '24:00' is not a time of day: hours go from 00 to 23");
    CHECK(parsed("15:60") == "error: '15:60' is not a time of day: minutes go from 00 to 59");
    CHECK(parsed("15:00:30") == "error: '15:00:30' has seconds: wtool works to the minute, write it without them");
    CHECK(parsed("13pm") == "error: '13pm' is not a 12-hour time: hours go from 1 to 12 before am or pm");
    CHECK(parsed("0am") == "error: '0am' is not a 12-hour time: hours go from 1 to 12 before am or pm");
    CHECK(parsed("3:75 pm") == "error: '3:75 pm' is not a time of day: minutes go from 00 to 59");
    CHECK(parsed("3:30:00pm") == "error: '3:30:00pm' has seconds: wtool works to the minute, write it like 3:30pm");
    CHECK(parsed("2026-03-02") == "error: '2026-03-02' has no time of day: add one, e.g. '2026-03-02 15:00'");
    CHECK(parsed("2026-02-30 15:00") == "error: '2026-02-30' is not a date: February 2026 has no day 30");
    CHECK(parsed("2026-13-01 15:00") == "error: '2026-13-01' is not a date: months go from 01 to 12");
    CHECK(parsed("2026-3-2 15:00") == "error: '2026-3-2' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-02");
    CHECK(parsed("2026-03-02x15:00") ==
          "error: '2026-03-02x15:00' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-02");
}

TEST_CASE("--date values") {
    CHECK(date::format("%F", *tz::parse_date("2026-03-02")) == "2026-03-02");
    CHECK(date::format("%F", *tz::parse_date("2024-02-29")) == "2024-02-29");
    CHECK(tz::parse_date("2025-02-29").error() == "'2025-02-29' is not a date: February 2025 has no day 29");
    CHECK(tz::parse_date("2026-03-02 ").error() ==
          "'2026-03-02 ' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-02");
    CHECK(tz::parse_date("today").error() == "'today' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-02");
    CHECK(tz::parse_date("").error() == "'' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-02");
}

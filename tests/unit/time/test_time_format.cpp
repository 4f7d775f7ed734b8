#include "time/time_format.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {
tz::LocalTime at(int h, int m) {
    return tz::LocalTime{date::local_days{date::year{2026} / 3 / 2}} + std::chrono::hours{h} + std::chrono::minutes{m};
}
date::local_days day(int y, unsigned m, unsigned d) {
    return date::local_days{date::year{y} / m / d};
}
} // namespace

TEST_CASE("12-hour clock") {
    CHECK(tz::format_clock_12h(at(15, 0)) == "3:00pm");
    CHECK(tz::format_clock_12h(at(9, 30)) == "9:30am");
    CHECK(tz::format_clock_12h(at(0, 0)) == "12:00am");
    CHECK(tz::format_clock_12h(at(0, 5)) == "12:05am");
    CHECK(tz::format_clock_12h(at(12, 0)) == "12:00pm");
    CHECK(tz::format_clock_12h(at(12, 45)) == "12:45pm");
    CHECK(tz::format_clock_12h(at(23, 59)) == "11:59pm");
    CHECK(tz::format_clock_12h(at(11, 59) + std::chrono::seconds{59}) == "11:59am");
    SUBCASE("without :00 on the hour") {
        CHECK(tz::format_clock_12h(at(15, 0), tz::ClockMinutes::when_nonzero) == "3pm");
        CHECK(tz::format_clock_12h(at(10, 0), tz::ClockMinutes::when_nonzero) == "10am");
        CHECK(tz::format_clock_12h(at(9, 30), tz::ClockMinutes::when_nonzero) == "9:30am");
        CHECK(tz::format_clock_12h(at(0, 0), tz::ClockMinutes::when_nonzero) == "12am");
    }
    SUBCASE("before 1970 too") {
        const tz::LocalTime old = tz::LocalTime{day(1969, 12, 31)} + std::chrono::hours{23};
        CHECK(tz::format_clock_12h(old) == "11:00pm");
        CHECK(tz::format_clock_24h(old) == "23:00");
        CHECK(tz::format_iso_date(tz::local_day(old)) == "1969-12-31");
    }
}

TEST_CASE("24-hour clock") {
    CHECK(tz::format_clock_24h(at(15, 0)) == "15:00");
    CHECK(tz::format_clock_24h(at(9, 5)) == "09:05");
    CHECK(tz::format_clock_24h(at(0, 0)) == "00:00");
}

TEST_CASE("dates in words") {
    CHECK(tz::format_long_date(day(2026, 3, 2)) == "02 March 2026");
    CHECK(tz::format_long_date(day(2026, 3, 2), tz::DayStyle::plain) == "2 March 2026");
    CHECK(tz::format_long_date(day(2025, 5, 12), tz::DayStyle::ordinal) == "12th May 2025");
    CHECK(tz::format_long_date(day(2025, 2, 24), tz::DayStyle::ordinal) == "24th February 2025");
    CHECK(tz::format_long_date(day(2026, 3, 1), tz::DayStyle::ordinal) == "1st March 2026");
    CHECK(tz::format_long_date(day(2026, 3, 22), tz::DayStyle::ordinal) == "22nd March 2026");
    CHECK(tz::format_iso_date(day(2026, 3, 2)) == "2026-03-02");
    CHECK(tz::format_weekday(day(2026, 3, 2)) == "Monday");
    CHECK(tz::format_weekday(day(2026, 3, 2), tz::NameLength::abbreviated) == "Mon");
    CHECK(tz::format_weekday(day(2026, 3, 8)) == "Sunday");
    CHECK(tz::local_day(at(23, 59)) == day(2026, 3, 2));
}

TEST_CASE("offsets, ISO 8601 and day markers") {
    tz::ZonedView v{at(15, 0), std::chrono::hours{1}, "CET", false};
    CHECK(tz::format_iso_local(v) == "2026-03-02T15:00:00+01:00");
    v.offset = -std::chrono::minutes{210};
    CHECK(tz::format_iso_local(v) == "2026-03-02T15:00:00-03:30");
    CHECK(tz::format_utc_offset(std::chrono::minutes{765}) == "UTC+12:45");
    CHECK(tz::format_utc_offset(std::chrono::seconds{0}) == "UTC+00:00");
    CHECK(tz::format_utc_offset(-std::chrono::hours{8}) == "UTC-08:00");
    CHECK(tz::format_day_difference(0).empty());
    CHECK(tz::format_day_difference(1) == "+1 day");
    CHECK(tz::format_day_difference(-1) == "-1 day");
    CHECK(tz::format_day_difference(2) == "+2 days");
}

TEST_CASE("offsets and zone labels for announcements") {
    using namespace std::chrono_literals;
    CHECK(tz::format_compact_offset(1h) == "+0100");
    CHECK(tz::format_compact_offset(2h) == "+0200");
    CHECK(tz::format_compact_offset(-(3h + 30min)) == "-0330");
    CHECK(tz::format_compact_offset(0h) == "+0000");

    SUBCASE("labels come from the tz database for the instant") {
        const auto* copenhagen = tz::find_zone("Europe/Copenhagen");
        REQUIRE(copenhagen != nullptr);
        CHECK(tz::format_zone_label(tz::in_zone(*copenhagen, *tz::parse_instant("2026-03-02T14:00:00Z"))) == "CET");
        CHECK(tz::format_zone_label(tz::in_zone(*copenhagen, *tz::parse_instant("2025-05-12T08:00:00Z"))) == "CEST");
    }
    SUBCASE("numeric abbreviations become UTC offsets") {
        const auto t = *tz::parse_instant("2026-03-02T14:00:00Z");
        CHECK(tz::format_zone_label(tz::in_zone(*tz::find_zone("America/Sao_Paulo"), t)) == "UTC-3");
        CHECK(tz::format_zone_label(tz::in_zone(*tz::find_zone("Asia/Kathmandu"), t)) == "UTC+5:45");
    }
}

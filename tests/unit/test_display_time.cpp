#include "display_time.hpp"

#include <doctest/doctest.h>

using namespace wtool;
using namespace std::chrono_literals;

TEST_CASE("dates in words") {
    const date::year_month_day day = date::year{2026} / date::March / 2;
    CHECK(display::long_date(day) == "02 March 2026");
    CHECK(display::ordinal_date(day) == "2nd March 2026");
    CHECK(display::ordinal_date(date::year{2023} / date::February / 27) == "27th February 2023");
    CHECK(display::ordinal_date(date::year{2023} / date::September / 11) == "11th September 2023");
    CHECK(display::ordinal_date(date::year{2023} / date::June / 21) == "21st June 2023");
    CHECK(display::iso_date(day) == "2026-03-02");
    CHECK(display::month_name(date::December) == "December");
    CHECK(display::weekday_name(date::weekday{date::sys_days{day}}) == "Monday");
}

TEST_CASE("clock times") {
    SUBCASE("12-hour clock") {
        CHECK(display::clock_12h(15h) == "3:00pm");
        CHECK(display::clock_12h(9h + 30min) == "9:30am");
        CHECK(display::clock_12h(10h) == "10:00am");
        CHECK(display::clock_12h(12h) == "12:00pm");
        CHECK(display::clock_12h(0h) == "12:00am");
        CHECK(display::clock_12h(23h + 59min) == "11:59pm");
        CHECK(display::clock_12h(25h) == "1:00am"); // folded into one day
    }
    SUBCASE("24-hour clock") {
        CHECK(display::clock_24h(9h + 5min) == "09:05");
        CHECK(display::clock_24h(15h) == "15:00");
    }
}

TEST_CASE("offsets and zone labels") {
    CHECK(display::compact_offset(1h) == "+0100");
    CHECK(display::compact_offset(2h) == "+0200");
    CHECK(display::compact_offset(-(3h + 30min)) == "-0330");
    CHECK(display::compact_offset(0h) == "+0000");

    SUBCASE("labels come from the tz database for the instant") {
        const auto* copenhagen = tz::find_zone("Europe/Copenhagen");
        REQUIRE(copenhagen != nullptr);
        const auto winter = *tz::parse_instant("2026-03-02T14:00:00Z");
        const auto summer = *tz::parse_instant("2025-05-12T08:00:00Z");
        CHECK(display::zone_label(tz::in_zone(*copenhagen, winter)) == "CET");
        CHECK(display::zone_label(tz::in_zone(*copenhagen, summer)) == "CEST");
    }
    SUBCASE("numeric abbreviations become UTC offsets") {
        const auto* sao_paulo = tz::find_zone("America/Sao_Paulo");
        const auto* kathmandu = tz::find_zone("Asia/Kathmandu");
        REQUIRE(sao_paulo != nullptr);
        REQUIRE(kathmandu != nullptr);
        const auto t = *tz::parse_instant("2026-03-02T14:00:00Z");
        CHECK(display::zone_label(tz::in_zone(*sao_paulo, t)) == "UTC-3");
        CHECK(display::zone_label(tz::in_zone(*kathmandu, t)) == "UTC+5:45");
    }
    CHECK(display::zone_city("America/New_York") == "New York");
    CHECK(display::zone_city("America/Argentina/Buenos_Aires") == "Buenos Aires");
    CHECK(display::zone_city("UTC") == "UTC");
}

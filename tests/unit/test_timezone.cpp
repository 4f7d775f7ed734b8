#include "timezone.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {
tz::LocalTime local(int y, unsigned m, unsigned d, int h, int min) {
    return tz::LocalTime{date::local_days{date::year{y} / m / d}} + std::chrono::hours{h} + std::chrono::minutes{min};
}
} // namespace

TEST_CASE("the zone's abbreviation comes from the tz database") {
    const date::time_zone* cph = tz::find_zone("Europe/Copenhagen");
    REQUIRE(cph != nullptr);
    const auto winter = tz::resolve_local(*cph, local(2026, 3, 2, 15, 0));
    REQUIRE(winter);
    CHECK(tz::format_utc(*winter) == "2026-03-02T14:00:00Z");
    CHECK(tz::in_zone(*cph, *winter).abbrev == "CET");
    const auto summer = tz::resolve_local(*cph, local(2025, 5, 12, 10, 0));
    REQUIRE(summer);
    CHECK(tz::in_zone(*cph, *summer).abbrev == "CEST");
    CHECK(tz::format_offset(tz::in_zone(*cph, *summer).offset) == "+02:00");
}

TEST_CASE("gaps and repeated hours") {
    const date::time_zone* cph = tz::find_zone("Europe/Copenhagen");
    SUBCASE("spring forward") {
        const auto r = tz::resolve_local(*cph, local(2026, 3, 29, 2, 30));
        REQUIRE_FALSE(r);
        CHECK(r.error().kind == tz::LocalTimeError::Kind::nonexistent);
        CHECK(r.error().message ==
              "2026-03-29 02:30 does not exist in Europe/Copenhagen: clocks jump from 02:00 (CET) to 03:00 (CEST); "
              "the nearest valid times are 2026-03-29 01:59 CET and 2026-03-29 03:00 CEST");
    }
    SUBCASE("fall back") {
        const auto r = tz::resolve_local(*cph, local(2026, 10, 25, 2, 30));
        REQUIRE_FALSE(r);
        CHECK(r.error().kind == tz::LocalTimeError::Kind::ambiguous);
        CHECK(r.error().message == "2026-10-25 02:30 happens twice in Europe/Copenhagen: first at +02:00 (CEST), "
                                   "then again at +01:00 (CET)");
        CHECK(tz::format_utc(*tz::resolve_local(*cph, local(2026, 10, 25, 2, 30), tz::Ambiguity::earlier)) ==
              "2026-10-25T00:30:00Z");
        CHECK(tz::format_utc(*tz::resolve_local(*cph, local(2026, 10, 25, 2, 30), tz::Ambiguity::later)) ==
              "2026-10-25T01:30:00Z");
    }
}

TEST_CASE("unknown zones get suggestions") {
    CHECK(tz::find_zone("Europe/Copenhagn") == nullptr);
    CHECK(tz::find_zone("") == nullptr);
    const auto s = tz::suggest_zones("Europe/Copenhagn");
    REQUIRE_FALSE(s.empty());
    CHECK(s.front() == "Europe/Copenhagen");
}

TEST_CASE("parsing --now") {
    CHECK(tz::format_utc(*tz::parse_instant("2026-02-01T12:00:00Z")) == "2026-02-01T12:00:00Z");
    CHECK(tz::format_utc(*tz::parse_instant("2026-02-01T13:00:00+01:00")) == "2026-02-01T12:00:00Z");
    CHECK(tz::format_utc(*tz::parse_instant("2026-02-01 12:00Z")) == "2026-02-01T12:00:00Z");
    CHECK(tz::format_utc(*tz::parse_instant("2026-02-01")) == "2026-02-01T00:00:00Z");
    CHECK_FALSE(tz::parse_instant("2026-02-01T12:00:00"));
    CHECK_FALSE(tz::parse_instant("yesterday"));
    CHECK(tz::format_offset(std::chrono::minutes{345}) == "+05:45");
    CHECK(tz::format_offset(std::chrono::minutes{-210}) == "-03:30");
}

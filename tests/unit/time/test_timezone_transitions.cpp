#include "time/timezone_transitions.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {

const date::time_zone& zone(std::string_view name) {
    const date::time_zone* z = tz::find_zone(name);
    REQUIRE(z != nullptr);
    return *z;
}

tz::Instant utc(std::string_view iso) {
    return *tz::parse_instant(iso);
}

std::string onset(const tz::Transition& t) {
    return date::format("%Y-%m-%d %H:%M", t.local_onset());
}

} // namespace

TEST_CASE("transitions of a zone with daylight-saving time") {
    const auto ts =
        tz::transitions(zone("Europe/Copenhagen"), utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
    REQUIRE(ts.size() == 3);
    // The period in force on New Year's Day began with the autumn change of 2025.
    CHECK(tz::format_utc(ts[0].at) == "2025-10-26T01:00:00Z");
    CHECK(onset(ts[0]) == "2025-10-26 03:00");
    CHECK(ts[0].abbrev == "CET");
    CHECK_FALSE(ts[0].dst);
    CHECK(tz::format_utc(ts[1].at) == "2026-03-29T01:00:00Z");
    CHECK(onset(ts[1]) == "2026-03-29 02:00");
    CHECK(ts[1].offset_before == std::chrono::hours{1});
    CHECK(ts[1].offset_after == std::chrono::hours{2});
    CHECK(ts[1].abbrev == "CEST");
    CHECK(ts[1].dst);
    CHECK(onset(ts[2]) == "2026-10-25 03:00");
    CHECK_FALSE(ts[2].since_always);
}

TEST_CASE("transitions of zones without daylight-saving time") {
    SUBCASE("Asia/Kolkata: one change, in 1945") {
        const auto ts = tz::transitions(zone("Asia/Kolkata"), utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
        REQUIRE(ts.size() == 1);
        CHECK(onset(ts[0]) == "1945-10-15 00:00");
        CHECK(ts[0].offset_before == std::chrono::minutes{390});
        CHECK(ts[0].offset_after == std::chrono::minutes{330});
        CHECK(ts[0].abbrev == "IST");
        CHECK_FALSE(ts[0].dst);
    }
    SUBCASE("America/Sao_Paulo: no daylight-saving time since 2019") {
        const auto ts =
            tz::transitions(zone("America/Sao_Paulo"), utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
        REQUIRE(ts.size() == 1);
        CHECK(onset(ts[0]) == "2019-02-17 00:00");
        CHECK(ts[0].offset_after == -std::chrono::hours{3});
        CHECK(ts[0].abbrev == "-03");
        const auto before =
            tz::transitions(zone("America/Sao_Paulo"), utc("2018-06-01T00:00:00Z"), utc("2019-06-01T00:00:00Z"));
        REQUIRE(before.size() == 3);
        CHECK(onset(before[1]) == "2018-11-04 00:00");
        CHECK(before[1].dst);
    }
    SUBCASE("a zone that never changed") {
        const auto ts = tz::transitions(zone("Etc/UTC"), utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
        REQUIRE(ts.size() == 1);
        CHECK(ts[0].since_always);
        CHECK(ts[0].offset_before == std::chrono::seconds{0});
        CHECK(ts[0].abbrev == "UTC");
    }
}

TEST_CASE("a 30-minute daylight-saving shift: Australia/Lord_Howe") {
    const auto ts =
        tz::transitions(zone("Australia/Lord_Howe"), utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
    REQUIRE(ts.size() == 3);
    CHECK(onset(ts[1]) == "2026-04-05 02:00");
    CHECK(ts[1].offset_before == std::chrono::minutes{660});
    CHECK(ts[1].offset_after == std::chrono::minutes{630});
    CHECK_FALSE(ts[1].dst);
    CHECK(onset(ts[2]) == "2026-10-04 02:00");
    CHECK(ts[2].dst);
}

TEST_CASE("negative daylight-saving time still reads as winter = standard: Europe/Dublin") {
    const auto ts = tz::transitions(zone("Europe/Dublin"), utc("2026-01-01T00:00:00Z"), utc("2027-01-01T00:00:00Z"));
    REQUIRE(ts.size() == 3);
    CHECK(ts[0].abbrev == "GMT");
    CHECK_FALSE(ts[0].dst);
    CHECK(ts[1].abbrev == "IST");
    CHECK(ts[1].dst);
}

TEST_CASE("the start of a local year") {
    CHECK(tz::format_utc(tz::start_of_local_year(zone("Europe/Copenhagen"), 2026)) == "2025-12-31T23:00:00Z");
    CHECK(tz::format_utc(tz::start_of_local_year(zone("Australia/Lord_Howe"), 2026)) == "2025-12-31T13:00:00Z");
}

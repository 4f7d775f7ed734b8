#include "catalogue/catalogue_loader.hpp"
#include "catalogue/schedule.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace wtool;

namespace {

Catalogue load(std::string_view zone, std::string_view seasons) {
    Diagnostics diags;
    auto cat = parse_catalogue(
        fmt::format("[series]\ntitle = \"T\"\ntimezone = \"{}\"\nstart_time = 15:00:00\n{}", zone, seasons), "c.toml",
        diags);
    REQUIRE(cat);
    return std::move(*cat);
}

tz::Instant at(std::string_view iso) {
    return *tz::parse_instant(iso);
}

std::string utc(tz::Instant t) {
    return tz::format_utc(t);
}

} // namespace

TEST_CASE("a season's start") {
    SUBCASE("a dated season starts at its local time in the series' zone") {
        const Catalogue cat = load("Europe/Copenhagen", "[[season]]\nnumber = 1\ndate = 2026-03-02\n");
        const auto start = season_start(cat, cat.seasons[0]);
        REQUIRE(start);
        CHECK(utc(*start) == "2026-03-02T14:00:00Z");
    }
    SUBCASE("a TBA season has none") {
        const Catalogue cat = load("Europe/Copenhagen", "[[season]]\nnumber = 10\n");
        const auto start = season_start(cat, cat.seasons[0]);
        REQUIRE_FALSE(start);
        CHECK(start.error().kind == NoStart::Kind::tba);
        CHECK(start.error().message == "season 10 has no date yet");
    }
    SUBCASE("an unknown zone") {
        const Catalogue cat = load("Europe/Copenhagn", "[[season]]\nnumber = 1\ndate = 2026-03-02\n");
        const auto start = season_start(cat, cat.seasons[0]);
        REQUIRE_FALSE(start);
        CHECK(start.error().kind == NoStart::Kind::unknown_zone);
        CHECK(start.error().message == "unknown time zone 'Europe/Copenhagn'");
    }
    SUBCASE("the repeated autumn hour: ambiguous, with both instants") {
        const Catalogue cat = load("Europe/Copenhagen", "[[season]]\nnumber = 1\ndate = 2023-10-29\ntime = 02:30:00\n");
        const auto start = season_start(cat, cat.seasons[0]);
        REQUIRE_FALSE(start);
        const NoStart& n = start.error();
        CHECK(n.kind == NoStart::Kind::ambiguous);
        CHECK(n.local == tz::LocalTime{date::local_days{date::year{2023} / 10 / 29}} + std::chrono::minutes{150});
        CHECK(utc(n.before.instant) == "2023-10-29T00:30:00Z");
        CHECK(n.before.abbrev == "CEST");
        CHECK(n.before.offset == std::chrono::hours{2});
        CHECK(utc(n.after.instant) == "2023-10-29T01:30:00Z");
        CHECK(n.after.abbrev == "CET");
        CHECK(n.after.offset == std::chrono::hours{1});
        CHECK(n.message == "2023-10-29 02:30 happens twice in Europe/Copenhagen: first at +02:00 (CEST, 00:30 UTC), "
                           "then again at +01:00 (CET, 01:30 UTC)");
    }
    SUBCASE("the skipped spring hour: nonexistent, with both readings") {
        const Catalogue cat = load("Europe/Copenhagen", "[[season]]\nnumber = 1\ndate = 2024-03-31\ntime = 02:30:00\n");
        const auto start = season_start(cat, cat.seasons[0]);
        REQUIRE_FALSE(start);
        const NoStart& n = start.error();
        CHECK(n.kind == NoStart::Kind::nonexistent);
        CHECK(utc(n.before.instant) == "2024-03-31T01:30:00Z"); // 02:30 read as CET
        CHECK(n.before.abbrev == "CET");
        CHECK(utc(n.after.instant) == "2024-03-31T00:30:00Z"); // 02:30 read as CEST
        CHECK(n.after.abbrev == "CEST");
        CHECK(n.message.starts_with("2024-03-31 02:30 does not exist in Europe/Copenhagen"));
    }
    SUBCASE("a stated offset names its instant, even in the repeated hour") {
        const Catalogue cat =
            load("Europe/Copenhagen", "[[season]]\nnumber = 1\ndate = 2023-10-29T02:30:00+01:00\n"
                                      "[[season]]\nnumber = 2\ndate = 2023-10-29T02:30:00+02:00\n");
        CHECK(utc(*season_start(cat, cat.seasons[0])) == "2023-10-29T01:30:00Z");
        CHECK(utc(*season_start(cat, cat.seasons[1])) == "2023-10-29T00:30:00Z");
    }
}

TEST_CASE("which seasons are coming") {
    // 1 past, 2 cancelled, 3 TBA, 4 dated, 5 ambiguous (validate reports it), 6 TBA.
    const Catalogue cat = load("Europe/Copenhagen", "[[season]]\nnumber = 4\ndate = 2026-03-02\n"
                                                    "[[season]]\nnumber = 1\ndate = 2025-03-03\n"
                                                    "[[season]]\nnumber = 2\ndate = 2026-02-02\ncancelled = true\n"
                                                    "[[season]]\nnumber = 3\n"
                                                    "[[season]]\nnumber = 5\ndate = 2026-10-25\ntime = 02:30:00\n"
                                                    "[[season]]\nnumber = 6\n");
    const tz::Instant now = at("2026-01-01T00:00:00Z");
    const auto numbers = [](const std::vector<const Season*>& seasons) {
        std::vector<int> out;
        for (const Season* s : seasons) {
            out.push_back(s->number.value);
        }
        return out;
    };
    CHECK(season_started(cat, *cat.find_season(1), now));
    CHECK_FALSE(season_started(cat, *cat.find_season(4), now));
    CHECK_FALSE(season_started(cat, *cat.find_season(3), now)); // TBA never has
    CHECK_FALSE(season_started(cat, *cat.find_season(5), at("2030-01-01T00:00:00Z"))); // no instant

    CHECK(numbers(coming_seasons(cat, now)) == std::vector<int>{3, 4, 5, 6});
    // The next webinar is the first dated coming season: TBA season 3 does not hide season 4.
    CHECK(next_season(cat, now)->number.value == 4);
    const NextDatedSeason next = next_dated_season(cat, now);
    REQUIRE(next.season != nullptr);
    CHECK(next.season->number.value == 4);
    CHECK(next.skipped_tba == std::vector<int>{3});

    // Once season 4 has begun, the coming dated one is 5, after passing over 3.
    const tz::Instant later = at("2026-03-02T14:00:00Z");
    CHECK(season_started(cat, *cat.find_season(4), later));
    CHECK(next_dated_season(cat, later).season->number.value == 5);

    // Nothing dated ahead: the TBA seasons passed over, and no season.
    const Catalogue tba = load("UTC", "[[season]]\nnumber = 1\ndate = 2025-03-03\n[[season]]\nnumber = 2\n");
    const NextDatedSeason none = next_dated_season(tba, now);
    CHECK(none.season == nullptr);
    CHECK(none.skipped_tba == std::vector<int>{2});
    CHECK(next_season(tba, at("2024-01-01T00:00:00Z"))->number.value == 1);
    const Catalogue past = load("UTC", "[[season]]\nnumber = 1\ndate = 2025-03-03\n");
    CHECK(next_season(past, now) == nullptr);
}

#include "time/timezone.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>

using namespace wtool;

namespace {

// "message | hint", or "fine" when the name is a place's zone.
std::string advice(std::string_view name) {
    const auto a = tz::place_advice(name);
    return a ? a->message + " | " + a->hint : "fine";
}

std::string hint(std::string_view name) {
    const auto a = tz::place_advice(name);
    return a ? a->hint : "fine";
}

} // namespace

TEST_CASE("abbreviations and tz zones named like them are not places' zones") {
    SUBCASE("the tz database's fixed offsets and rules, with the region's zone") {
        CHECK(advice("EST") == "'EST' is an abbreviation, not the time zone of a place | use 'America/New_York' "
                               "(Eastern Time, with daylight saving time): a place's zone knows when its clocks "
                               "change");
        CHECK(advice("EST5EDT") == "'EST5EDT' is a legacy rule of the tz database, not the time zone of a place | "
                                   "use 'America/New_York' (Eastern Time, with daylight saving time): a place's zone "
                                   "knows when its clocks change");
        CHECK(hint("MST") == "use 'America/Denver' (Mountain Time, with daylight saving time), or 'America/Phoenix' "
                             "for Arizona (no daylight saving time): a place's zone knows when its clocks change");
        CHECK(hint("HST").starts_with("use 'Pacific/Honolulu' (Hawaii Time)"));
        CHECK(hint("CET") == "use the zone of your city, e.g. 'Europe/Berlin' (Central European Time, with summer "
                             "time): a place's zone knows when its clocks change");
        CHECK(hint("MET").starts_with("use the zone of your city, e.g. 'Europe/Berlin'"));
        CHECK(hint("EET").starts_with("use the zone of your city, e.g. 'Europe/Athens'"));
        CHECK(hint("WET").starts_with("use the zone of your city, e.g. 'Europe/Lisbon'"));
        CHECK(hint("CST6CDT").starts_with("use 'America/Chicago'"));
        CHECK(hint("MST7MDT").starts_with("use 'America/Denver'"));
        CHECK(hint("PST8PDT").starts_with("use 'America/Los_Angeles'"));
        // Each of them is a zone of the tz database: known, but not a place.
        for (const char* name :
             {"EST", "MST", "HST", "CET", "MET", "EET", "WET", "EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT"}) {
            CAPTURE(name);
            CHECK(tz::find_zone(name) != nullptr);
            CHECK(tz::place_advice(name).has_value());
        }
    }
    SUBCASE("abbreviations that are no zone, and region names, in any case") {
        CHECK(advice("PST") == "'PST' is an abbreviation, not the time zone of a place | use 'America/Los_Angeles' "
                               "(Pacific Time, with daylight saving time): a place's zone knows when its clocks "
                               "change");
        CHECK(hint("pdt").starts_with("use 'America/Los_Angeles'"));
        CHECK(hint("CEST").starts_with("use the zone of your city, e.g. 'Europe/Berlin'"));
        CHECK(hint("IST") == "use 'Asia/Kolkata' (India Standard Time), or 'Europe/Dublin' for Irish Standard Time, "
                             "'Asia/Jerusalem' for Israel Standard Time: a place's zone knows when its clocks change");
        CHECK(hint("ET").starts_with("use 'America/New_York'"));
        CHECK(hint("ct").starts_with("use 'America/Chicago'"));
        CHECK(hint(" MT ").starts_with("use 'America/Denver'"));
        CHECK(hint("PT").starts_with("use 'America/Los_Angeles'"));
        CHECK(hint("EDT").starts_with("use 'America/New_York'"));
        CHECK(hint("BST").starts_with("use 'Europe/London'"));
        // Any other abbreviation wtool reads: its own zone, as an example.
        CHECK(hint("JST") == "use the zone of your city, e.g. 'Asia/Tokyo' (Japan Standard Time): a place's zone "
                             "knows when its clocks change");
        CHECK(hint("AEST").starts_with("use the zone of your city, e.g. 'Australia/Sydney'"));
    }
    SUBCASE("places' zones, UTC and GMT are fine") {
        for (const char* name : {"America/New_York", "Europe/Copenhagen", "Asia/Kolkata", "US/Eastern", "UTC", "GMT",
                                 "Etc/UTC", "Etc/GMT+5", "Australia/Adelaide", "Mars/Olympus", ""}) {
            CAPTURE(name);
            CHECK(advice(name) == "fine");
        }
    }
    SUBCASE("every zone proposed exists") {
        for (const tz::Abbreviation& a : tz::known_abbreviations()) {
            if (const auto advice_for = tz::place_advice(a.label)) {
                const std::size_t quote = advice_for->hint.find('\'');
                REQUIRE(quote != std::string::npos);
                const std::string zone =
                    advice_for->hint.substr(quote + 1, advice_for->hint.find('\'', quote + 1) - quote - 1);
                CAPTURE(zone);
                CHECK(tz::find_zone(zone) != nullptr);
            }
        }
    }
}

TEST_CASE("ET, CT, MT and PT are read as the regions' zones, with daylight saving time") {
    for (const auto& [label, zone] : {std::pair{"ET", "America/New_York"}, std::pair{"ct", "America/Chicago"},
                                      std::pair{"Mt", "America/Denver"}, std::pair{" PT ", "America/Los_Angeles"}}) {
        CAPTURE(label);
        const auto q = tz::lookup_zone(label);
        REQUIRE(q);
        CHECK(q->kind == tz::ZoneQuery::Kind::zone);
        REQUIRE(q->zone != nullptr);
        CHECK(q->zone->name() == zone);
        REQUIRE(q->region != nullptr);
        CHECK(q->region->zone == zone);
    }
    CHECK(tz::find_region_name("ET")->meaning == "Eastern Time");
    CHECK(tz::find_region_name("EST") == nullptr);
    // EST stays the fixed offset a person writes with a time; an IANA name carries no region name.
    CHECK(tz::lookup_zone("EST")->kind == tz::ZoneQuery::Kind::abbreviation);
    CHECK(tz::lookup_zone("America/New_York")->region == nullptr);
    // In summer ET is EDT.
    const auto q = tz::lookup_zone("ET");
    const tz::Instant july{date::sys_days{date::year{2026} / 7 / 1}};
    CHECK(tz::in_zone(*q->zone, july).abbrev == "EDT");
    for (const tz::RegionName& r : tz::region_names()) {
        CHECK(tz::find_zone(r.zone) != nullptr);
    }
}

TEST_CASE("suggestions: an abbreviation's zone first, and common cities the tz database does not name") {
    CHECK(tz::suggest_zones("IST") == std::vector<std::string>{"Asia/Kolkata"});
    CHECK(tz::suggest_zones("ist") == std::vector<std::string>{"Asia/Kolkata"});
    CHECK(tz::suggest_zones("PST") == std::vector<std::string>{"America/Los_Angeles"});
    CHECK(tz::suggest_zones("ET") == std::vector<std::string>{"America/New_York"});
    CHECK(tz::suggest_zones("mumbai") == std::vector<std::string>{"Asia/Kolkata"});
    CHECK(tz::suggest_zones("Delhi") == std::vector<std::string>{"Asia/Kolkata"});
    CHECK(tz::suggest_zones("new delhi") == std::vector<std::string>{"Asia/Kolkata"});
    CHECK(tz::suggest_zones("Bengaluru") == std::vector<std::string>{"Asia/Kolkata"});
    CHECK(tz::suggest_zones("San Francisco") == std::vector<std::string>{"America/Los_Angeles"});
    CHECK(tz::suggest_zones("san_francisco") == std::vector<std::string>{"America/Los_Angeles"});
    CHECK(tz::suggest_zones("mumbay") == std::vector<std::string>{"Asia/Kolkata"}); // a typo of a city too
    CHECK(tz::suggest_zones("shenzhen") == std::vector<std::string>{"Asia/Shanghai"});
    // Places the tz database's zone.tab and iso3166.tab name.
    CHECK(tz::suggest_zones("beijing") == std::vector<std::string>{"Asia/Shanghai"}); // "Beijing Time"
    CHECK(tz::suggest_zones("India") == std::vector<std::string>{"Asia/Kolkata"});
    CHECK(tz::suggest_zones("germany") == std::vector<std::string>{"Europe/Berlin"}); // "most of Germany"
    CHECK(tz::suggest_zones("spain") == std::vector<std::string>{"Europe/Madrid"});   // "Spain (mainland)"
    CHECK(tz::suggest_zones("bahia") == std::vector<std::string>{"America/Bahia"});
    CHECK(tz::suggest_zones("united states").empty()); // several zones, none "most of" it
    const auto mumbai = tz::lookup_zone("mumbai");
    REQUIRE_FALSE(mumbai);
    CHECK(mumbai.error().message == "unknown time zone 'mumbai', did you mean 'Asia/Kolkata'?");
    // Old names the tz database keeps as links are cities already.
    CHECK(tz::lookup_zone("calcutta")->zone->name() == "Asia/Calcutta");
    // A huge name still costs little.
    CHECK(tz::suggest_zones(std::string(300'000, 'm')).empty());
}

TEST_CASE("the built-in cities: each zone exists, no city is one the tz database names, docs list them") {
    std::ifstream in(std::filesystem::path(WTOOL_SOURCE_DIR) / "docs" / "time.md");
    REQUIRE(in);
    std::string doc{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::transform(doc.begin(), doc.end(), doc.begin(),
                   [](char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; });
    for (const tz::CityZone& c : tz::cities_without_zone()) {
        CAPTURE(c.city);
        CHECK(tz::find_zone(c.zone) != nullptr);
        CHECK_FALSE(tz::lookup_zone(c.city));
        CHECK(tz::suggest_zones(c.city) == std::vector<std::string>{std::string(c.zone)});
        std::string written(c.city);
        std::replace(written.begin(), written.end(), '_', ' ');
        CHECK(doc.find(written) != std::string::npos);
    }
}

TEST_CASE("the abbreviations a zone uses under its latest rules") {
    CHECK(tz::abbreviations_in_use(*tz::find_zone("America/New_York")) == std::vector<std::string>{"EST", "EDT"});
    CHECK(tz::abbreviations_in_use(*tz::find_zone("Europe/Copenhagen")) == std::vector<std::string>{"CET", "CEST"});
    CHECK(tz::abbreviations_in_use(*tz::find_zone("Australia/Adelaide")) == std::vector<std::string>{"ACDT", "ACST"});
    CHECK(tz::abbreviations_in_use(*tz::find_zone("Asia/Kolkata")) == std::vector<std::string>{"IST"});
}

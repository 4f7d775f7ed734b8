#include "catalogue/catalogue_loader.hpp"
#include "report/export.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace wtool;

namespace {
Catalogue load(std::string_view text) {
    Diagnostics diags;
    auto cat = parse_catalogue(std::string(text), "c.toml", diags);
    REQUIRE(cat);
    REQUIRE_FALSE(diags.has_errors());
    return std::move(*cat);
}

constexpr std::string_view catalogue = R"TOML(
[series]
title = "T"
timezone = "Europe/Copenhagen"
start_time = 15:00:00
duration_minutes = 90

[[season]]
number = 2
date = 2025-05-12
time = 10:00:00
theme = "Summer"

[[season]]
number = 1
date = 2025-02-24
theme = "Winter"

[[season]]
number = 3

[[episode]]
code = "S02E01"
title = "=HYPERLINK(\"http://evil\")"
abstract = "Two\nlines, with \"quotes\""
recording = "https://www.youtube.com/watch?v=abcdefghijk"

[[episode.speaker]]
name = "Ada"
affiliation = "A, Inc."
country = "UK"

[[episode.speaker]]
name = "Bob"
affiliation = "B"
country = "-"

[[episode]]
code = "S01E01"
title = "First"
share_recording = false

[[episode.speaker]]
name = "Cy"
)TOML";
} // namespace

TEST_CASE("JSON export") {
    const Catalogue cat = load(catalogue);
    const auto doc = nlohmann::ordered_json::parse(render_export_json(cat, {}));
    SUBCASE("seasons in number order, with their start in UTC and in the series' zone") {
        REQUIRE(doc["seasons"].size() == 3);
        const auto& winter = doc["seasons"][0];
        CHECK(winter["number"] == 1);
        CHECK(winter["time"] == "15:00");
        CHECK(winter["start_utc"] == "2025-02-24T14:00:00Z");
        CHECK(winter["start_local"] == "2025-02-24T15:00:00+01:00");
        CHECK(winter["end_utc"] == "2025-02-24T15:30:00Z");
        CHECK(winter["zone_abbreviation"] == "CET");
        CHECK(winter["episodes"] == nlohmann::ordered_json::array({"S01E01"}));
        const auto& summer = doc["seasons"][1];
        CHECK(summer["start_local"] == "2025-05-12T10:00:00+02:00");
        CHECK(summer["zone_abbreviation"] == "CEST");
        const auto& tba = doc["seasons"][2];
        CHECK(tba["date"].is_null());
        CHECK(tba["start_utc"].is_null());
        CHECK(tba["theme"].is_null());
    }
    SUBCASE("episodes in code order, with speakers; absent values are null") {
        REQUIRE(doc["episodes"].size() == 2);
        CHECK(doc["episodes"][0]["code"] == "S01E01");
        CHECK(doc["episodes"][0]["recording"].is_null());
        CHECK(doc["episodes"][0]["share_recording"] == false);
        CHECK(doc["episodes"][1]["speakers"][1]["name"] == "Bob");
        CHECK(doc["episodes"][1]["abstract"] == "Two\nlines, with \"quotes\"");
    }
    SUBCASE("one season") {
        const auto one = nlohmann::ordered_json::parse(render_export_json(cat, {2}));
        CHECK(one["seasons"].size() == 1);
        CHECK(one["episodes"].size() == 1);
        CHECK(one["episodes"][0]["code"] == "S02E01");
    }
}

TEST_CASE("CSV export") {
    const Catalogue cat = load(catalogue);
    const std::string csv = render_export_csv(cat, {});
    CHECK(csv == "code,season,number,title,speakers,affiliations,countries,theme,date,start_local,start_utc,"
                 "recording,share_recording,abstract,meeting_url,meeting_platform,cancelled\r\n"
                 "S01E01,1,1,First,Cy,,,Winter,2025-02-24,2025-02-24T15:00:00+01:00,2025-02-24T14:00:00Z,,false,,,,false\r\n"
                 "S02E01,2,1,\"'=HYPERLINK(\"\"http://evil\"\")\",Ada; Bob,\"A, Inc.; B\",UK; -,Summer,2025-05-12,"
                 "2025-05-12T10:00:00+02:00,2025-05-12T08:00:00Z,https://www.youtube.com/watch?v=abcdefghijk,true,"
                 "\"Two\nlines, with \"\"quotes\"\"\",,,false\r\n");
}

TEST_CASE("CSV export: the talks of a cancelled season say so in the last column") {
    const Catalogue cat = load("[series]\ntitle = \"E\"\ntimezone = \"UTC\"\nstart_time = 10:00:00\n"
                               "[[season]]\nnumber = 1\ndate = 2025-02-01\ncancelled = true\n"
                               "[[episode]]\ncode = \"S01E01\"\ntitle = \"T\"\n[[episode.speaker]]\nname = \"A\"\n");
    const std::string csv = render_export_csv(cat, {});
    CHECK(csv.ends_with(",2025-02-01,2025-02-01T10:00:00+00:00,2025-02-01T10:00:00Z,,true,,,,true\r\n"));
}

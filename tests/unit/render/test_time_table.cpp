#include "render/time_table.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {

tz::Zone zone(std::string_view name) {
    const date::time_zone* z = tz::find_zone(name);
    REQUIRE(z != nullptr);
    return tz::Zone::of(*z);
}

// 2026-03-02 15:00 in Copenhagen (CET), shown in UTC, Tokyo, Sydney (the next day) and Copenhagen
// again (not repeated).
TimeTable table(const Season* season) {
    const tz::Instant instant = date::sys_days{date::year{2026} / 3 / 2} + std::chrono::hours{14};
    const tz::Zone source = zone("Europe/Copenhagen");
    return {instant, source, season,
            time_table_rows(instant, source, date::local_days{date::year{2026} / 3 / 2},
                            {zone("Asia/Tokyo"), zone("Europe/Copenhagen"), zone("Australia/Sydney")})};
}

} // namespace

TEST_CASE("time table: rows") {
    const TimeTable t = table(nullptr);
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0].role == TimeRole::source);
    CHECK(t.rows[1].role == TimeRole::utc);
    CHECK(t.rows[2].role == TimeRole::target);
    CHECK(t.rows[2].conversion.place == "Tokyo");
    CHECK(t.rows[3].conversion.place == "Sydney");
    CHECK(t.rows[3].conversion.day_difference == 1);
}

TEST_CASE("time table: text") {
    CHECK(render_time_text(table(nullptr)) == "place       date            time   12-hour  zone  UTC offset\n"
                                              "Copenhagen  Mon 2026-03-02  15:00  3:00pm   CET   +01:00\n"
                                              "UTC         Mon 2026-03-02  14:00  2:00pm   UTC   +00:00\n"
                                              "Tokyo       Mon 2026-03-02  23:00  11:00pm  JST   +09:00\n"
                                              "Sydney      Tue 2026-03-03  01:00  1:00am   AEDT  +11:00      +1 day\n");
    Season season;
    season.number.value = 9;
    season.theme.present = true;
    season.theme.value = "Metrics\u202E";
    season.cancelled.value = true;
    const std::string text = render_time_text(table(&season));
    CHECK(text.starts_with("Season 9, Metrics\\u202E (cancelled): Monday 02 March 2026, 15:00 CET "
                           "(Europe/Copenhagen)\n\nplace "));
}

TEST_CASE("time table: Markdown") {
    CHECK(render_time_markdown(table(nullptr)) ==
          "| Place | Date | Time | Time zone |\n| --- | --- | --- | --- |\n"
          "| Copenhagen | Monday 02 March 2026 | 15:00 (3:00pm) | CET (UTC+01:00) |\n"
          "| UTC | Monday 02 March 2026 | 14:00 (2:00pm) | UTC (UTC+00:00) |\n"
          "| Tokyo | Monday 02 March 2026 | 23:00 (11:00pm) | JST (UTC+09:00) |\n"
          "| Sydney | Tuesday 03 March 2026 (+1 day) | 01:00 (1:00am) | AEDT (UTC+11:00) |\n");
}

TEST_CASE("time table: JSON") {
    const std::string json = render_time_json(table(nullptr));
    CHECK(json.starts_with("{\n  \"instant\": \"2026-03-02T14:00:00Z\",\n  \"zones\": [\n    {\n      \"role\": "
                           "\"source\",\n      \"zone\": \"Europe/Copenhagen\",\n      \"place\": \"Copenhagen\",\n"));
    CHECK(json.find("\"role\": \"utc\"") != std::string::npos);
    CHECK(json.find("\"day_difference\": 1") != std::string::npos);
    CHECK(json.find("\"season\"") == std::string::npos);
    Season season;
    season.number.value = 9;
    CHECK(render_time_json(table(&season)).find("\"season\": {\n    \"number\": 9,\n    \"theme\": null\n  }") !=
          std::string::npos);
}

#include "catalogue/time_hints.hpp"

#include <doctest/doctest.h>

using namespace wtool;

TEST_CASE("a time without seconds: the line with seconds") {
    CHECK(missing_seconds_hint("time = 17:00") == "write time = 17:00:00: TOML times have seconds");
    CHECK(missing_seconds_hint("  news_time=9:30 # morning") == "write news_time = 09:30:00: TOML times have seconds");
    CHECK(missing_seconds_hint("date = 2026-03-02T17:00") ==
          "write date = 2026-03-02T17:00:00: TOML times have seconds");
    CHECK(missing_seconds_hint("date = 2026-03-02 17:00+01:00") ==
          "write date = 2026-03-02 17:00:00+01:00: TOML times have seconds");
    // Anything else gets no hint.
    CHECK_FALSE(missing_seconds_hint("time = 17:00:00"));
    CHECK_FALSE(missing_seconds_hint("time = 17:00 CET"));
    CHECK_FALSE(missing_seconds_hint("time = 25:00"));
    CHECK_FALSE(missing_seconds_hint("time = 17:0"));
    CHECK_FALSE(missing_seconds_hint("time = \"17:00"));
    CHECK_FALSE(missing_seconds_hint("17:00"));
    CHECK_FALSE(missing_seconds_hint("title = \"x"));
    CHECK_FALSE(missing_seconds_hint("time = 17:00" + std::string(300, ' ')));
}

TEST_CASE("a time written as a string: the unquoted time and the series' zone") {
    const date::time_zone* adelaide = date::locate_zone("Australia/Adelaide");
    CHECK(quoted_time_hint("time", "17:00 CET", adelaide) ==
          "write it without quotes and without a zone, e.g. time = 17:00:00: times are local Australia/Adelaide time, "
          "and wtool works out ACDT or ACST for each date itself");
    CHECK(quoted_time_hint("time", "5pm", nullptr) ==
          "write it without quotes and without a zone, e.g. time = 15:00:00: times are local times in the series' "
          "time zone");
}

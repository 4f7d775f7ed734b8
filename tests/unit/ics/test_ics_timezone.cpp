#include "ics/ics_timezone.hpp"
#include "time/timezone.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {
std::string vtimezone(std::string_view name, int first, int last) {
    const date::time_zone* z = tz::find_zone(name);
    REQUIRE(z != nullptr);
    return ics::vtimezone(*z, first, last);
}
} // namespace

TEST_CASE("VTIMEZONE of a zone with daylight-saving time, from the tz database") {
    CHECK(vtimezone("Europe/Copenhagen", 2026, 2026) == "BEGIN:VTIMEZONE\r\n"
                                                        "TZID:Europe/Copenhagen\r\n"
                                                        "BEGIN:STANDARD\r\n"
                                                        "DTSTART:20251026T030000\r\n"
                                                        "TZOFFSETFROM:+0200\r\n"
                                                        "TZOFFSETTO:+0100\r\n"
                                                        "TZNAME:CET\r\n"
                                                        "END:STANDARD\r\n"
                                                        "BEGIN:DAYLIGHT\r\n"
                                                        "DTSTART:20260329T020000\r\n"
                                                        "TZOFFSETFROM:+0100\r\n"
                                                        "TZOFFSETTO:+0200\r\n"
                                                        "TZNAME:CEST\r\n"
                                                        "END:DAYLIGHT\r\n"
                                                        "BEGIN:STANDARD\r\n"
                                                        "DTSTART:20261025T030000\r\n"
                                                        "TZOFFSETFROM:+0200\r\n"
                                                        "TZOFFSETTO:+0100\r\n"
                                                        "TZNAME:CET\r\n"
                                                        "END:STANDARD\r\n"
                                                        "END:VTIMEZONE\r\n");
}

TEST_CASE("VTIMEZONE covers every year of the range") {
    const std::string v = vtimezone("Europe/Copenhagen", 2023, 2026);
    CHECK(v.find("DTSTART:20221030T030000\r\n") != std::string::npos); // in force on 2023-01-01
    for (const char* onset : {"20230326T020000", "20231029T030000", "20240331T020000", "20241027T030000",
                              "20250330T020000", "20251026T030000", "20260329T020000", "20261025T030000"}) {
        CAPTURE(onset);
        CHECK(v.find(std::string("DTSTART:") + onset + "\r\n") != std::string::npos);
    }
    CHECK(v.find("2027") == std::string::npos);
}

TEST_CASE("VTIMEZONE of zones without daylight-saving time") {
    SUBCASE("Asia/Kolkata") {
        CHECK(vtimezone("Asia/Kolkata", 2026, 2026) == "BEGIN:VTIMEZONE\r\n"
                                                       "TZID:Asia/Kolkata\r\n"
                                                       "BEGIN:STANDARD\r\n"
                                                       "DTSTART:19451015T000000\r\n"
                                                       "TZOFFSETFROM:+0630\r\n"
                                                       "TZOFFSETTO:+0530\r\n"
                                                       "TZNAME:IST\r\n"
                                                       "END:STANDARD\r\n"
                                                       "END:VTIMEZONE\r\n");
    }
    SUBCASE("America/Sao_Paulo after 2019") {
        CHECK(vtimezone("America/Sao_Paulo", 2026, 2026) == "BEGIN:VTIMEZONE\r\n"
                                                            "TZID:America/Sao_Paulo\r\n"
                                                            "BEGIN:STANDARD\r\n"
                                                            "DTSTART:20190217T000000\r\n"
                                                            "TZOFFSETFROM:-0200\r\n"
                                                            "TZOFFSETTO:-0300\r\n"
                                                            "TZNAME:-03\r\n"
                                                            "END:STANDARD\r\n"
                                                            "END:VTIMEZONE\r\n");
    }
    SUBCASE("a zone that never changed") {
        CHECK(vtimezone("Etc/UTC", 2026, 2026) == "BEGIN:VTIMEZONE\r\n"
                                                  "TZID:Etc/UTC\r\n"
                                                  "BEGIN:STANDARD\r\n"
                                                  "DTSTART:19700101T000000\r\n"
                                                  "TZOFFSETFROM:+0000\r\n"
                                                  "TZOFFSETTO:+0000\r\n"
                                                  "TZNAME:UTC\r\n"
                                                  "END:STANDARD\r\n"
                                                  "END:VTIMEZONE\r\n");
    }
}

TEST_CASE("VTIMEZONE of a zone with a 30-minute shift: Australia/Lord_Howe") {
    CHECK(vtimezone("Australia/Lord_Howe", 2026, 2026) == "BEGIN:VTIMEZONE\r\n"
                                                          "TZID:Australia/Lord_Howe\r\n"
                                                          "BEGIN:DAYLIGHT\r\n"
                                                          "DTSTART:20251005T020000\r\n"
                                                          "TZOFFSETFROM:+1030\r\n"
                                                          "TZOFFSETTO:+1100\r\n"
                                                          "TZNAME:+11\r\n"
                                                          "END:DAYLIGHT\r\n"
                                                          "BEGIN:STANDARD\r\n"
                                                          "DTSTART:20260405T020000\r\n"
                                                          "TZOFFSETFROM:+1100\r\n"
                                                          "TZOFFSETTO:+1030\r\n"
                                                          "TZNAME:+1030\r\n"
                                                          "END:STANDARD\r\n"
                                                          "BEGIN:DAYLIGHT\r\n"
                                                          "DTSTART:20261004T020000\r\n"
                                                          "TZOFFSETFROM:+1030\r\n"
                                                          "TZOFFSETTO:+1100\r\n"
                                                          "TZNAME:+11\r\n"
                                                          "END:DAYLIGHT\r\n"
                                                          "END:VTIMEZONE\r\n");
}

#include "catalogue/catalogue_loader.hpp"
#include "ics/ics_calendar.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace wtool;

namespace {

const std::string series = R"([series]
title = "Test Seminars"
timezone = "Europe/Copenhagen"
start_time = 15:00:00
duration_minutes = 90
site_url = "https://Seminars.Example.ORG/Series/"
webinar_url = "https://seminars.example.org/Series/webinar"

[[series.organiser]]
name = "No Mail"

[[series.organiser]]
name = "Doe, Jane"
email = "jane@example.org"
)";

const std::string seasons = R"(
[[season]]
number = 1
theme = "First"
date = 2026-03-02
zoom_url = "https://x.zoom.us/meeting/register/abc"

[[season]]
number = 2
theme = "Second"
date = 2026-10-25
time = 01:30:00
cancelled = true
calendar_sequence = 3

[[episode]]
code = "S01E02"
title = "Second talk"

[[episode.speaker]]
name = "Bo"

[[episode]]
code = "S01E01"
title = "First talk"

[[episode.speaker]]
name = "Ada Lovelace"
honorific = "Dr."
affiliation = "Engines"
country = "UK"

[[episode.speaker]]
name = "Charles Babbage"
country = "UK"
)";

Catalogue load(const std::string& text) {
    Diagnostics diags;
    auto cat = parse_catalogue(text, "c.toml", diags);
    REQUIRE(cat);
    REQUIRE_FALSE(diags.has_errors());
    return std::move(*cat);
}

const tz::Instant now = *tz::parse_instant("2026-02-01T12:00:00Z");

std::string render(const Catalogue& cat, CalendarChoice choice, std::vector<int> alarms = {}) {
    const auto plan = plan_calendar(cat, choice, now);
    REQUIRE(plan);
    auto out = render_calendar(cat, *plan, {.alarm_minutes = std::move(alarms), .now = now, .titles = {}});
    REQUIRE(out);
    return *out;
}

const CalendarChoice season_1{CalendarChoice::Kind::season, 1};
const CalendarChoice all{CalendarChoice::Kind::all, 0};

// Undoes folding (RFC 5545 section 3.1).
std::string unfold(const std::string& ics) {
    std::string out;
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics.compare(i, 3, "\r\n ") == 0) {
            i += 2;
        } else {
            out += ics[i];
        }
    }
    return out;
}

bool has_line(const std::string& ics, std::string_view line) {
    return unfold(ics).find(fmt::format("\r\n{}\r\n", line)) != std::string::npos;
}

std::size_t count_lines(const std::string& ics, std::string_view line) {
    std::size_t n = 0;
    for (std::size_t at = ics.find(fmt::format("\r\n{}\r\n", line)); at != std::string::npos;
         at = ics.find(fmt::format("\r\n{}\r\n", line), at + 1)) {
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("one event to import") {
    const Catalogue cat = load(series + seasons);
    const std::string ics = render(cat, season_1);
    CHECK(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//wtool//wtool ics//EN\r\n"));
    CHECK(ics.ends_with("\r\nEND:VCALENDAR\r\n"));
    CHECK(has_line(ics, "METHOD:PUBLISH"));
    CHECK(ics.find("X-WR-CALNAME") == std::string::npos); // Outlook would open a new calendar
    CHECK(ics.find("\r\nNAME:") == std::string::npos);
    CHECK(has_line(ics, "UID:" + season_uid(cat, 1)));
    CHECK(has_line(ics, "DTSTAMP:20260201T120000Z"));
    CHECK(has_line(ics, "LAST-MODIFIED:20260201T120000Z"));
    CHECK(has_line(ics, "SEQUENCE:0"));
    CHECK(has_line(ics, "STATUS:CONFIRMED"));
    CHECK(has_line(ics, "SUMMARY:Test Seminars\\, edition 1: First"));
    CHECK(has_line(ics, "DTSTART;TZID=Europe/Copenhagen:20260302T150000"));
    CHECK(has_line(ics, "DTEND;TZID=Europe/Copenhagen:20260302T163000"));
    CHECK(has_line(ics, "LOCATION:https://x.zoom.us/meeting/register/abc"));
    CHECK(has_line(ics, "URL:https://seminars.example.org/Series/webinar"));
    CHECK(has_line(ics, "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=Zoom:https://x.zoom.us/meeting/register/abc"));
    CHECK(has_line(ics, "ORGANIZER;CN=\"Doe, Jane\":mailto:jane@example.org"));
    CHECK(has_line(ics, "BEGIN:VTIMEZONE"));
    CHECK(ics.find("BEGIN:VALARM") == std::string::npos);
}

TEST_CASE("the description lists every talk, its speakers and the links") {
    const Catalogue cat = load(series + seasons);
    const std::string ics = render(cat, season_1);
    CHECK(has_line(ics, "DESCRIPTION:Talks:\\nS01E01 First talk\\n  Dr. Ada Lovelace (Engines\\, UK)\\n  "
                        "Charles Babbage (UK)\\nS01E02 Second talk\\n  Bo\\n\\nRegister on Zoom: "
                        "https://x.zoom.us/meeting/register/abc\\nWebinar page: "
                        "https://seminars.example.org/Series/webinar"));
}

TEST_CASE("a feed of several seasons, with a cancelled one") {
    const Catalogue cat = load(series + seasons);
    const std::string ics = render(cat, all, {15, 1440, 15});
    CHECK(has_line(ics, "NAME:Test Seminars"));
    CHECK(has_line(ics, "X-WR-CALNAME:Test Seminars"));
    CHECK(has_line(ics, "X-WR-TIMEZONE:Europe/Copenhagen"));
    CHECK(has_line(ics, "REFRESH-INTERVAL;VALUE=DURATION:P1D"));
    CHECK(has_line(ics, "X-PUBLISHED-TTL:P1D"));
    CHECK(count_lines(ics, "BEGIN:VEVENT") == 2);
    CHECK(count_lines(ics, "BEGIN:VTIMEZONE") == 1);
    CHECK(has_line(ics, "STATUS:CANCELLED"));
    CHECK(has_line(ics, "SEQUENCE:3"));
    CHECK(has_line(ics, "SUMMARY:Cancelled: Test Seminars\\, edition 2: Second"));
    CHECK(has_line(ics, "DESCRIPTION:This webinar is cancelled.\\n\\nTalks: to be announced\\n\\nZoom link: to be "
                        "announced\\nWebinar page: https://seminars.example.org/Series/webinar"));
    // Reminders: once each, earliest first, in every event.
    CHECK(count_lines(ics, "TRIGGER:-P1D") == 2);
    CHECK(count_lines(ics, "TRIGGER:-PT15M") == 2);
    CHECK(ics.find("TRIGGER:-P1D") < ics.find("TRIGGER:-PT15M"));
    CHECK(has_line(ics, "ACTION:DISPLAY"));
    // Season 2 starts at 01:30 CEST on the night clocks go back; 90 minutes later it is 02:00
    // for the second time, which local time cannot name alone: DTEND is written in UTC.
    CHECK(has_line(ics, "DTSTART;TZID=Europe/Copenhagen:20261025T013000"));
    CHECK(has_line(ics, "DTEND:20261025T010000Z"));
}

TEST_CASE("catalogue values cannot add lines, properties or components") {
    const Catalogue cat = load(R"([series]
title = "A; B, C \\ D"
timezone = "Europe/Copenhagen"
start_time = 15:00:00

[[series.organiser]]
name = "Evil\"; X-INJECT=1:mailto:evil@example.org\nEND:VEVENT"
email = "ok@example.org\r\nEND:VCALENDAR"

[[season]]
number = 1
theme = "T\nEND:VEVENT\nBEGIN:VEVENT\nUID:forged"
date = 2026-03-02
zoom_url = "https://x.zoom.us/j/1\nEND:VEVENT"
)");
    const std::string ics = render(cat, season_1);
    CHECK(count_lines(ics, "BEGIN:VEVENT") == 1);
    CHECK(count_lines(ics, "END:VEVENT") == 1);
    CHECK(count_lines(ics, "END:VCALENDAR") == 1);
    CHECK(ics.ends_with("\r\nEND:VCALENDAR\r\n"));
    CHECK(ics.find("\r\nUID:forged") == std::string::npos);
    CHECK(ics.find("\r\nX-INJECT") == std::string::npos);
    CHECK(has_line(ics, "ORGANIZER;CN=\"Evil^'; X-INJECT=1:mailto:evil@example.org^nEND:VEVENT\":mailto:"
                        "ok@example.org%0D%0AEND:VCALENDAR"));
    CHECK(has_line(ics, "SUMMARY:A\\; B\\, C \\\\ D\\, edition 1: T\\nEND:VEVENT\\nBEGIN:VEVENT\\nUID:forged"));
    CHECK(has_line(ics, "LOCATION:https://x.zoom.us/j/1\\nEND:VEVENT"));
    // No bare CR or LF anywhere: every line ends with CRLF.
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics[i] == '\r') {
            CHECK(ics[i + 1] == '\n');
        } else if (ics[i] == '\n') {
            CHECK(ics[i - 1] == '\r');
        }
    }
}

TEST_CASE("what a calendar cannot be written without") {
    SUBCASE("no organiser with an email") {
        const Catalogue cat = load("[series]\ntitle = \"T\"\ntimezone = \"UTC\"\nstart_time = 15:00:00\n"
                                   "[[season]]\nnumber = 1\ndate = 2026-03-02\n");
        const auto plan = plan_calendar(cat, season_1, now);
        REQUIRE(plan);
        CHECK(plan->organiser == nullptr);
        const auto out = render_calendar(cat, *plan, {.alarm_minutes = {}, .now = now, .titles = {}});
        REQUIRE_FALSE(out);
        CHECK(out.error().starts_with("no [[series.organiser]] has an email"));
    }
    SUBCASE("no season") {
        const Catalogue cat = load(series + seasons);
        const auto out = render_calendar(cat, CalendarPlan{}, {.alarm_minutes = {}, .now = now, .titles = {}});
        REQUIRE_FALSE(out);
        CHECK(out.error() == "there is no dated season to put in a calendar");
    }
}

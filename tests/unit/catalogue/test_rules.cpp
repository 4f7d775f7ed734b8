#include "catalogue/catalogue_loader.hpp"
#include "catalogue/rules.hpp"
#include "catalogue/value_locator.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace wtool;

namespace {

const std::string header = R"([series]
title = "T"
timezone = "Europe/Copenhagen"
start_time = 15:00:00
)";

// Appended to every catalogue that check() reads, so that no-calendar-organiser stays quiet
// (at the end, so that the line numbers of the body stay as they are).
const std::string organiser = "\n[[series.organiser]]\nname = \"O\"\nemail = \"o@example.org\"\n";

// A season with one episode, so that season-empty stays quiet.
std::string season(int number, std::string_view extra) {
    return fmt::format(
        "\n[[season]]\nnumber = {}\n{}\n\n[[episode]]\ncode = \"S{:02}E01\"\ntitle = \"t\"\n"
        "recording = \"https://www.youtube.com/watch?v=abcdefghijk\"\n[[episode.speaker]]\nname = \"n\"\n",
        number, extra, number);
}

Diagnostics check(const std::string& body, std::string_view now = "2026-01-01T00:00:00Z") {
    Diagnostics diags;
    auto cat = parse_catalogue(header + body + organiser, "c.toml", diags);
    REQUIRE(cat);
    check_catalogue(*cat, *tz::parse_instant(now), diags);
    return diags;
}

std::vector<std::string> rules_of(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const Diagnostic& x : d.items()) {
        out.push_back(x.rule);
    }
    return out;
}

Diagnostic only(const Diagnostics& d, std::string_view rule) {
    const Diagnostic* found = nullptr;
    for (const Diagnostic& x : d.items()) {
        if (x.rule == rule) {
            REQUIRE_MESSAGE(found == nullptr, "rule reported twice: ", rule);
            found = &x;
        }
    }
    REQUIRE_MESSAGE(found != nullptr, "rule not reported: ", rule);
    return *found;
}

const std::string zoom = "zoom_url = \"https://x.zoom.us/meeting/register/abc\"\ntheme = \"th\"";

} // namespace

TEST_CASE("a clean catalogue has no findings") {
    const auto d = check(season(1, "date = 2026-03-02\n" + zoom));
    CHECK(rules_of(d).empty());
}

TEST_CASE("time zones") {
    Diagnostics diags;
    auto cat = parse_catalogue("[series]\ntitle = \"T\"\ntimezone = \"Europe/Copenhagn\"\nstart_time = 15:00:00\n"
                               "audience_timezones = [\"Asia/Tokio\", \"Asia/Tokyo\"]\n",
                               "c.toml", diags);
    REQUIRE(cat);
    check_catalogue(*cat, tz::Instant{}, diags);
    std::vector<const Diagnostic*> zones;
    for (const Diagnostic& d : diags.items()) {
        if (d.rule == "unknown-timezone") {
            zones.push_back(&d);
        }
    }
    REQUIRE(zones.size() == 2);
    CHECK(zones[0]->message == "unknown time zone 'Europe/Copenhagn'");
    CHECK(zones[0]->hint.find("'Europe/Copenhagen'") != std::string::npos);
    CHECK(zones[1]->hint.find("'Asia/Tokyo'") != std::string::npos);
    CHECK(zones[1]->pos == SourcePos{5, 23});
}

TEST_CASE("time zones that name a clock, not a place") {
    Diagnostics diags;
    auto cat = parse_catalogue("[series]\ntitle = \"T\"\ntimezone = \"EST\"\nstart_time = 15:00:00\n"
                               "audience_timezones = [\"Europe/London\", \"PST\", \"mumbai\"]\n",
                               "c.toml", diags);
    REQUIRE(cat);
    check_catalogue(*cat, tz::Instant{}, diags);
    std::vector<const Diagnostic*> zones;
    for (const Diagnostic& d : diags.items()) {
        if (d.rule == "timezone-abbreviation" || d.rule == "unknown-timezone") {
            zones.push_back(&d);
        }
    }
    REQUIRE(zones.size() == 3);
    CHECK(zones[0]->rule == "timezone-abbreviation");
    CHECK(zones[0]->pos == SourcePos{3, 12});
    CHECK(zones[0]->message == "'EST' is an abbreviation, not the time zone of a place");
    CHECK(zones[0]->hint.starts_with("use 'America/New_York' (Eastern Time, with daylight saving time)"));
    CHECK(zones[1]->rule == "timezone-abbreviation");
    CHECK(zones[1]->pos == SourcePos{5, 40});
    CHECK(zones[1]->hint.starts_with("use 'America/Los_Angeles'"));
    CHECK(zones[2]->rule == "unknown-timezone");
    CHECK(zones[2]->hint == "did you mean 'Asia/Kolkata'?");
}

TEST_CASE("season dates") {
    SUBCASE("a Saturday") {
        const Diagnostic d = only(check(season(1, "date = 2024-02-24\n" + zoom)), "season-weekend");
        CHECK(d.severity == Severity::warning);
        CHECK(d.message == "season 1 is on 2024-02-24, a Saturday");
        CHECK(d.pos.line == 8);
    }
    SUBCASE("two seasons on one day, out of order") {
        const auto d = check(season(1, "date = 2026-03-02\n" + zoom) + season(2, "date = 2026-03-02\n" + zoom) +
                             season(3, "date = 2026-01-05\n" + zoom));
        CHECK(only(d, "season-same-date").message == "seasons 1 and 2 are both on 2026-03-02");
        CHECK(only(d, "season-order").message == "season 3 (2026-01-05) is dated before season 2 (2026-03-02)");
    }
    SUBCASE("a start in the spring-forward gap") {
        const Diagnostic d = only(check(season(1, "date = 2026-03-29\ntime = 02:30:00\n" + zoom)), "nonexistent-time");
        CHECK(d.severity == Severity::error);
        CHECK(d.message == "season 1: 2026-03-29 02:30 does not exist in Europe/Copenhagen: clocks jump from 02:00 "
                           "(CET) to 03:00 (CEST); the nearest valid times are 2026-03-29 01:59 CET and 2026-03-29 "
                           "03:00 CEST");
        CHECK(d.hint == "clocks skip that time: for 01:30 UTC (02:30 CET) write time = 03:30:00, for 00:30 UTC "
                        "(02:30 CEST) write time = 01:30:00");
        CHECK(d.pos.line == 9); // at the time
    }
    SUBCASE("a start in the gap written in the date: the fix is a date line") {
        const Diagnostic d = only(check(season(1, "date = 2026-03-29T02:30:00\n" + zoom)), "nonexistent-time");
        CHECK(d.hint == "clocks skip that time: for 01:30 UTC (02:30 CET) write date = 2026-03-29T03:30:00, for "
                        "00:30 UTC (02:30 CEST) write date = 2026-03-29T01:30:00");
    }
    SUBCASE("a start in the gap with an offset names one instant") {
        CHECK(rules_of(check(season(1, "date = 2026-03-29T02:30:00+01:00\n" + zoom))) ==
              std::vector<std::string>{"season-weekend"});
    }
    SUBCASE("a stated offset that contradicts the zone: CET in May") {
        const Diagnostic d = only(check(season(1, "date = 2025-05-12T10:00:00+01:00\n" + zoom), "2025-01-01T00:00:00Z"),
                                  "offset-mismatch");
        CHECK(d.message == "season 1: Europe/Copenhagen is on CEST (+02:00) on 2025-05-12, not +01:00");
        CHECK(d.hint.find("as written, the start is 11:00 CEST there") != std::string::npos);
    }
    SUBCASE("a stated offset that matches is fine") {
        CHECK(rules_of(check(season(1, "date = 2025-05-12T10:00:00+02:00\n" + zoom), "2025-01-01T00:00:00Z")).empty());
    }
    SUBCASE("duplicate season and gap") {
        const auto d = check(season(1, "date = 2026-03-02\n" + zoom) + season(3, "date = 2026-06-01\n" + zoom) +
                             "\n[[season]]\nnumber = 3\n");
        CHECK(only(d, "duplicate-season").message == "season 3 is defined twice");
        CHECK(only(d, "season-gap").message == "season 2 is missing");
    }
}

TEST_CASE("episodes") {
    const std::string base = season(1, "date = 2026-03-02\n" + zoom);
    const auto episode = [](std::string_view code) {
        return fmt::format("\n[[episode]]\ncode = \"{}\"\ntitle = \"t\"\n[[episode.speaker]]\nname = \"n\"\n", code);
    };
    SUBCASE("malformed code with a suggestion") {
        const Diagnostic d = only(check(base + episode("S0102")), "episode-code");
        CHECK(d.severity == Severity::error);
        CHECK(d.hint == "did you mean \"S01E02\"?");
    }
    SUBCASE("numbers too large for an int: malformed codes, among every other finding") {
        const Diagnostics d = check(base + episode("S2147483648E01") + episode("S99999999999999999999999E1") +
                                    episode("S0000000001-E2") + episode("S01E01"));
        std::vector<std::string> codes;
        for (const Diagnostic& x : d.items()) {
            if (x.rule == "episode-code") {
                codes.push_back(fmt::format("{}:{} {}; {}", x.pos.line, x.pos.column, x.message, x.hint));
            }
        }
        const std::string usual = "write codes like \"S09E01\": S, two-digit season, E, two-digit episode";
        CAPTURE(fmt::format("{}", fmt::join(codes, "\n")));
        CHECK(codes == std::vector<std::string>{
                           "20:8 malformed episode code 'S2147483648E01'; " + usual,
                           "26:8 malformed episode code 'S99999999999999999999999E1'; " + usual,
                           "32:8 malformed episode code 'S0000000001-E2'; did you mean \"S01E02\"?",
                       });
        CHECK(only(d, "duplicate-episode").message == "episode S01E01 is defined twice");
    }
    SUBCASE("duplicate code") {
        const Diagnostic d = only(check(base + episode("S01E01")), "duplicate-episode");
        CHECK(d.hint.find("next free code in season 1 is S01E02") != std::string::npos);
    }
    SUBCASE("unknown season") {
        CHECK(only(check(base + episode("S07E01")), "unknown-season").message ==
              "episode S07E01 belongs to season 7, which is not defined");
    }
    SUBCASE("numbering gap") {
        CHECK(only(check(base + episode("S01E03")), "episode-gap").message == "episode S01E02 is missing");
    }
    SUBCASE("gaps season by season, whatever the file order") {
        const Diagnostics d = check(
            base + season(2, "date = 2026-03-03\n" + zoom) + episode("S02E03") + episode("S01E04") + episode("S01E02") +
            "\n[[season]]\nnumber = 3\ndate = 2026-03-04\n" + zoom + "\n" + episode("S03E03") + episode("S02E01"));
        std::string gaps;
        for (const Diagnostic& x : d.items()) {
            if (x.rule == "episode-gap") {
                gaps += fmt::format("{}:{} {}\n", x.pos.line, x.pos.column, x.message);
            }
        }
        CHECK(gaps == "39:8 episode S01E03 is missing\n33:8 episode S02E02 is missing\n"
                      "57:8 episodes S03E01 to S03E02 are missing\n");
        CHECK(only(d, "duplicate-episode").message == "episode S02E01 is defined twice");
    }
}

TEST_CASE("urls") {
    const auto with_recording = [&](std::string_view url) {
        return check(fmt::format("\n[[season]]\nnumber = 1\ndate = 2026-03-02\n{}\n\n[[episode]]\ncode = \"S01E01\"\n"
                                 "title = \"t\"\nrecording = \"{}\"\n[[episode.speaker]]\nname = \"n\"\n",
                                 zoom, url));
    };
    SUBCASE("tracking parameter") {
        const Diagnostic d =
            only(with_recording("https://youtu.be/1qH-FpyqXtM?si=vktQtJcAR6vgIr2c"), "youtube-tracking");
        CHECK(d.hint == "write \"https://www.youtube.com/watch?v=1qH-FpyqXtM\"");
    }
    SUBCASE("short link") {
        CHECK(only(with_recording("https://youtu.be/1qH-FpyqXtM"), "youtube-canonical").hint ==
              "write \"https://www.youtube.com/watch?v=1qH-FpyqXtM\"");
    }
    SUBCASE("canonical link with a playlist is fine") {
        CHECK(rules_of(
                  with_recording("https://www.youtube.com/watch?v=qTSoF8wCbNA&list=PLWCikipQZ8HILJaadZnNVyC9cLpg7A2dy"))
                  .empty());
    }
    SUBCASE("malformed and wrong scheme") {
        CHECK(only(with_recording("https//youtube.com"), "url-invalid").severity == Severity::error);
        CHECK(only(with_recording("javascript:alert(1)"), "url-invalid").severity == Severity::error);
        CHECK(only(with_recording("ftp://example.com/x"), "url-scheme").severity == Severity::error);
    }
    SUBCASE("zoom links must be https on zoom.us") {
        CHECK(only(check(season(1, "date = 2026-03-02\ntheme = \"x\"\nzoom_url = \"https://zoom.example.com/j/1\"")),
                   "zoom-url")
                  .message == "season 1 zoom_url is not a zoom.us link");
        CHECK(
            only(check(season(1, "date = 2026-03-02\ntheme = \"x\"\nzoom_url = \"http://x.zoom.us/j/1\"")), "zoom-url")
                .message == "season 1 zoom_url is not an https link");
    }
    SUBCASE("another platform's link as zoom_url: write it as meeting_url") {
        const Diagnostic d =
            only(check(season(1, "date = 2026-03-02\ntheme = \"x\"\nzoom_url = \"https://meet.google.com/a-b-c\"")),
                 "zoom-url");
        CHECK(d.message == "season 1 zoom_url is a Google Meet link, not a zoom.us link");
        CHECK(d.hint ==
              "write it as meeting_url = \"https://meet.google.com/a-b-c\", which takes a link of any platform");
    }
    SUBCASE("a meeting_url may be any platform's https link") {
        CHECK(rules_of(
                  check(season(1, "date = 2026-03-02\ntheme = \"x\"\nmeeting_url = \"https://meet.google.com/a-b-c\"")))
                  .empty());
        CHECK(rules_of(check(season(1, "date = 2026-03-02\ntheme = \"x\"\nmeeting_url = \"https://x.zoom.us/j/1\"")))
                  .empty());
        const Diagnostic http =
            only(check(season(1, "date = 2026-03-02\ntheme = \"x\"\nmeeting_url = \"http://meet.jit.si/a\"")),
                 "meeting-url");
        CHECK(http.severity == Severity::warning);
        CHECK(http.message == "season 1 meeting_url is not an https link");
        CHECK(only(check(season(1, "date = 2026-03-02\ntheme = \"x\"\nmeeting_url = \"meet.google.com/a-b-c\"")),
                   "url-invalid")
                  .message.starts_with("malformed URL in season 1 meeting_url"));
        CHECK(only(check("meeting_url = \"http://meet.jit.si/a\"\n" + season(1, "date = 2026-03-02\ntheme = \"x\"")),
                   "meeting-url")
                  .message == "series.meeting_url is not an https link");
    }
    SUBCASE("a season names its link with zoom_url or meeting_url, not both") {
        const Diagnostic d = only(check(season(1, "date = 2026-03-02\ntheme = \"x\"\n"
                                                  "meeting_url = \"https://meet.google.com/a-b-c\"\n"
                                                  "zoom_url = \"https://x.zoom.us/j/1\"")),
                                  "meeting-url");
        CHECK(d.severity == Severity::error);
        CHECK(d.message == "season 1 has both zoom_url and meeting_url");
        CHECK(d.hint == "keep meeting_url, which takes a link of any platform, and remove zoom_url");
        CHECK(d.pos.line == 11); // at zoom_url
    }
}

TEST_CASE("text hygiene points inside the value") {
    const auto d = check(
        season(1, "date = 2026-03-02\nzoom_url = \"https://x.zoom.us/j/1\"\ntheme = \"Evaluation metrics\u200B\""));
    const Diagnostic inv = only(d, "invisible-character");
    CHECK(inv.message == "invisible character U+200B ZERO WIDTH SPACE in season 1 theme");
    CHECK(inv.pos == SourcePos{10, 28});

    const auto m = check(season(1, "date = 2026-03-02\nzoom_url = \"https://x.zoom.us/j/1\"\n"
                                   "theme = \"\"\"\nDatasets\nby Jim√©nez\"\"\""));
    const Diagnostic moj = only(m, "mojibake");
    CHECK(moj.hint == "did you mean 'Jiménez'?");
    CHECK(moj.pos == SourcePos{12, 7});
}

TEST_CASE("past and coming seasons") {
    SUBCASE("a past season without recordings") {
        const auto d = check("\n[[season]]\nnumber = 1\ndate = 2025-03-03\ntheme = \"x\"\n"
                             "zoom_url = \"https://x.zoom.us/j/1\"\n\n[[episode]]\ncode = \"S01E01\"\ntitle = \"t\"\n"
                             "[[episode.speaker]]\nname = \"n\"\n\n[[episode]]\ncode = \"S01E02\"\ntitle = \"t\"\n"
                             "share_recording = false\n[[episode.speaker]]\nname = \"n\"\n");
        CHECK(only(d, "missing-recording").message == "episode S01E01 took place but has no recording link");
    }
    SUBCASE("a coming season without date or link") {
        const auto d = check(season(1, ""));
        CHECK(only(d, "season-tba").message ==
              "coming season 1 has no date, theme or Zoom link yet: it will be announced as TBA");
    }
    SUBCASE("the series' meeting_url is every season's link") {
        CHECK(only(check("meeting_url = \"https://meet.google.com/a-b-c\"\n" + season(1, "")), "season-tba").message ==
              "coming season 1 has no date or theme yet: it will be announced as TBA");
    }
    SUBCASE("a catalogue that names meeting links calls a missing one a meeting link") {
        const auto d = check(season(1, "") +
                             season(2, "date = 2026-03-02\ntheme = \"x\"\nmeeting_url = \"https://meet.jit.si/a\""));
        CHECK(only(d, "season-tba").message ==
              "coming season 1 has no date, theme or meeting link yet: it will be announced as TBA");
    }
    SUBCASE("a coming dated season needs an organiser with an email for its calendar invitation") {
        const std::string no_email = "[series]\ntitle = \"T\"\ntimezone = \"Europe/Copenhagen\"\n"
                                     "start_time = 15:00:00\n[[series.organiser]]\nname = \"O\"\n";
        Diagnostics diags;
        auto cat = parse_catalogue(no_email + season(1, "date = 2026-03-02\n" + zoom), "c.toml", diags);
        REQUIRE(cat);
        check_catalogue(*cat, *tz::parse_instant("2026-01-01T00:00:00Z"), diags);
        const Diagnostic d = only(diags, "no-calendar-organiser");
        CHECK(d.severity == Severity::warning);
        CHECK(d.message ==
              "no [[series.organiser]] has an email, so `wtool ics` cannot write the calendar invitation of season 1");
        CHECK(d.pos == SourcePos{1, 1});

        Diagnostics past;
        auto later = parse_catalogue(no_email + season(1, "date = 2026-03-02\n" + zoom), "c.toml", past);
        REQUIRE(later);
        check_catalogue(*later, *tz::parse_instant("2026-06-01T00:00:00Z"), past);
        CHECK(rules_of(past).empty());                                           // nothing left to invite to
        CHECK(rules_of(check(season(1, "date = 2026-03-02\n" + zoom))).empty()); // the header has an email
    }
}

TEST_CASE("locating offsets inside string literals") {
    const std::string src = "a = \"x\\u00e9y\"\nb = \"\"\"\nline1\nline2\"\"\"\nc = 'lit'\n";
    CHECK(locate_in_value(src, {1, 5}, 0) == SourcePos{1, 6});
    CHECK(locate_in_value(src, {1, 5}, 3) == SourcePos{1, 13}); // after the 2-byte é from \u00e9
    CHECK(locate_in_value(src, {2, 5}, 0) == SourcePos{3, 1});
    CHECK(locate_in_value(src, {2, 5}, 8) == SourcePos{4, 3});
    CHECK(locate_in_value(src, {5, 5}, 1) == SourcePos{5, 7});
}

TEST_CASE("the findings of one value are placed in one walk, across lines and escapes") {
    const auto d = check(season(1, "date = 2026-03-02\nzoom_url = \"https://x.zoom.us/j/1\"\n"
                                   "theme = \"\"\"\nx\u200B\ny\\u00ADz\u200B\"\"\""));
    std::vector<std::pair<std::string, SourcePos>> found;
    for (const Diagnostic& x : d.items()) {
        found.emplace_back(x.rule, x.pos);
    }
    CHECK(found == std::vector<std::pair<std::string, SourcePos>>{{"invisible-character", {11, 2}},
                                                                  {"newline-in-field", {11, 3}},
                                                                  {"invisible-character", {12, 2}},
                                                                  {"invisible-character", {12, 9}}});
}

TEST_CASE("the remaining rules") {
    SUBCASE("out-of-range, duplicate-time and time-seconds come from the loader") {
        Diagnostics diags;
        auto cat = parse_catalogue(header + "duration_minutes = 0\n\n[[season]]\nnumber = 1\ntime = 10:00:30\n"
                                            "date = 2026-03-02T10:00:00\n",
                                   "c.toml", diags);
        REQUIRE(cat);
        std::vector<std::string> rules;
        for (const Diagnostic& d : diags.items()) {
            rules.push_back(d.rule);
        }
        CHECK(std::count(rules.begin(), rules.end(), "out-of-range") == 1);
        CHECK(std::count(rules.begin(), rules.end(), "duplicate-time") == 1);
        CHECK(std::count(rules.begin(), rules.end(), "time-seconds") == 1);
    }
    SUBCASE("season-empty") {
        const auto d = check("\n[[season]]\nnumber = 1\ndate = 2026-03-02\n" + zoom + "\n");
        CHECK(only(d, "season-empty").hint == "add its talks with: wtool add-episode --season 1");
    }
    SUBCASE("an unusual but valid code spelling is a warning") {
        const auto d = check(season(1, "date = 2026-03-02\n" + zoom) +
                             "\n[[episode]]\ncode = \"S001E002\"\ntitle = \"t\"\n[[episode.speaker]]\nname = \"n\"\n");
        const Diagnostic code = only(d, "episode-code");
        CHECK(code.severity == Severity::warning);
        CHECK(code.hint == "write \"S01E02\"");
    }
    SUBCASE("recording-not-shared") {
        const auto d =
            check(season(1, "date = 2026-03-02\n" + zoom) +
                  "\n[[episode]]\ncode = \"S01E02\"\ntitle = \"t\"\nshare_recording = false\n"
                  "recording = \"https://www.youtube.com/watch?v=abcdefghijk\"\n[[episode.speaker]]\nname = \"n\"\n");
        CHECK(only(d, "recording-not-shared").message == "episode S01E02 has a recording but share_recording = false");
    }
    SUBCASE("control characters, blanks and line breaks in text") {
        const auto d = check(season(1, "date = 2026-03-02\n" + zoom) +
                             "\n[[episode]]\ncode = \"S01E02\"\ntitle = \"a\\u0007b\\nc \"\n[[episode.speaker]]\n"
                             "name = \" n\"\nbio = \"\"\"\nline one  \nline two\"\"\"\n");
        CHECK(only(d, "control-character").message == "control character U+0007 in S01E02 title");
        CHECK(only(d, "newline-in-field").message == "S01E02 title has a line break");
        CHECK(only(d, "leading-blank").message == "S01E02 speaker 1 name starts with a blank");
        std::size_t trailing = 0;
        for (const Diagnostic& x : d.items()) {
            trailing += x.rule == "trailing-blank" ? 1 : 0;
        }
        CHECK(trailing == 2); // the title's end, and a line of the bio
    }
}

TEST_CASE("site paths that page and news --site would refuse") {
    SUBCASE("good paths, and the defaults, are quiet") {
        const auto d = check(season(1, "date = 2026-03-02\n" + zoom) +
                             "\n[site]\nwebinar_page = \"_pages/w.md\"\ntalks_page = \"t.md\"\nnews_dir = \"\"\n");
        const auto rules = rules_of(d);
        CHECK(std::count(rules.begin(), rules.end(), "site-path") == 0);
        const auto defaults = rules_of(check(season(1, "date = 2026-03-02\n" + zoom)));
        CHECK(std::count(defaults.begin(), defaults.end(), "site-path") == 0);
    }
    SUBCASE("each bad value is an error at the value") {
        const std::string body = season(1, "date = 2026-03-02\n" + zoom) +
                                 "\n[site]\nwebinar_page = \"../w.md\"\ntalks_page = \"_pages/\"\n"
                                 "news_dir = \"/var/www/_news\"\n";
        const auto d = check(body);
        std::vector<Diagnostic> found;
        for (const Diagnostic& x : d.items()) {
            if (x.rule == "site-path") {
                found.push_back(x);
            }
        }
        REQUIRE(found.size() == 3);
        CHECK(found[0].severity == Severity::error);
        CHECK(found[0].message == "[site] webinar_page '../w.md' leaves the site folder ('..')");
        CHECK(found[0].hint == "give a file path inside the site folder, such as '_pages/webinar.md'");
        CHECK(found[0].pos.line == 20);
        CHECK(found[0].pos.column == 16);
        CHECK(found[1].message == "[site] talks_page '_pages/' names a folder, not a file");
        CHECK(found[2].message == "[site] news_dir '/var/www/_news' is an absolute path");
        CHECK(found[2].hint ==
              "give a folder inside the site folder, such as '_news' (\"\" is the site folder itself)");
    }
}

TEST_CASE("ambiguous start in the repeated autumn hour") {
    // 2026-10-25 is a Sunday (also reported), and 02:30 happens twice in Copenhagen: an error, since
    // no command could tell which of the two is meant.
    SUBCASE("with the season's own time line") {
        const auto d = check(season(1, "date = 2026-10-25\ntime = 02:30:00\n" + zoom));
        const Diagnostic amb = only(d, "ambiguous-time");
        CHECK(amb.severity == Severity::error);
        CHECK(amb.message ==
              "season 1: 2026-10-25 02:30 happens twice in Europe/Copenhagen: first at +02:00 (CEST, 00:30 UTC), "
              "then again at +01:00 (CET, 01:30 UTC)");
        CHECK(amb.hint == "write the offset in the date: date = 2026-10-25T02:30:00+02:00 for the first (00:30 UTC, "
                          "CEST) or date = 2026-10-25T02:30:00+01:00 for the second (01:30 UTC, CET), and remove the "
                          "season's time line");
    }
    SUBCASE("with the series' start time") {
        Diagnostics diags;
        auto cat = parse_catalogue("[series]\ntitle = \"T\"\ntimezone = \"Europe/Copenhagen\"\nstart_time = "
                                   "02:30:00\n" +
                                       season(1, "date = 2026-10-25\n" + zoom) + organiser,
                                   "c.toml", diags);
        REQUIRE(cat);
        check_catalogue(*cat, *tz::parse_instant("2026-01-01T00:00:00Z"), diags);
        const Diagnostic amb = only(diags, "ambiguous-time");
        CHECK(amb.hint == "write the offset in the date: date = 2026-10-25T02:30:00+02:00 for the first (00:30 UTC, "
                          "CEST) or date = 2026-10-25T02:30:00+01:00 for the second (01:30 UTC, CET)");
    }
    SUBCASE("the fix the hint gives is clean") {
        for (const std::string date : {"2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"}) {
            const auto rules = rules_of(check(season(1, "date = " + date + "\n" + zoom)));
            CHECK(rules == std::vector<std::string>{"season-weekend"});
        }
    }
}

TEST_CASE("seasons beyond the tz data") {
    const Diagnostic d = only(check(season(1, "date = 2040-07-02\n" + zoom)), "season-beyond-tz-data");
    CHECK(d.severity == Severity::error);
    CHECK(d.message.find("season 1 on 2040-07-02 is too far ahead") == 0);
    CHECK(rules_of(check(season(1, "date = 2037-12-28\n" + zoom))).empty());
}

TEST_CASE("many findings of a kind in one value are folded") {
    const auto with_theme = [](const std::string& theme) {
        return check(season(1, "date = 2026-03-02\nzoom_url = \"https://x.zoom.us/j/1\"\ntheme = \"" + theme + "\""));
    };
    SUBCASE("three reported, the rest counted at the fourth") {
        std::string theme;
        for (int i = 0; i < 2000; ++i) {
            theme += "ab\u00AD";
        }
        const auto d = with_theme(theme);
        REQUIRE(d.items().size() == 4);
        for (std::size_t i = 0; i < 3; ++i) {
            CHECK(d.items()[i].message == "invisible character U+00AD SOFT HYPHEN in season 1 theme");
            CHECK(d.items()[i].pos == SourcePos{10, static_cast<std::uint32_t>(12 + 3 * i)});
        }
        const Diagnostic& more = d.items()[3];
        CHECK(more.rule == "invisible-character");
        CHECK(more.severity == Severity::warning);
        CHECK(more.message == "and 1,997 more invisible characters U+00AD SOFT HYPHEN in season 1 theme");
        CHECK(more.hint == "delete them: they are usually pasted in by accident and break search and sorting");
        CHECK(more.pos == SourcePos{10, 21});
    }
    SUBCASE("each character counted on its own, in the value's order; a few are reported as before") {
        const auto d = with_theme("a\u00AD\u00AD\u00AD\u00ADb\u200B\u200B\u200Bc\\u0007\\u0007\\u0007\\u0007\\u0007");
        std::vector<std::string> messages;
        for (const Diagnostic& x : d.items()) {
            messages.push_back(x.message);
        }
        CHECK(messages == std::vector<std::string>{
                              "invisible character U+00AD SOFT HYPHEN in season 1 theme",
                              "invisible character U+00AD SOFT HYPHEN in season 1 theme",
                              "invisible character U+00AD SOFT HYPHEN in season 1 theme",
                              "and 1 more invisible character U+00AD SOFT HYPHEN in season 1 theme",
                              "invisible character U+200B ZERO WIDTH SPACE in season 1 theme",
                              "invisible character U+200B ZERO WIDTH SPACE in season 1 theme",
                              "invisible character U+200B ZERO WIDTH SPACE in season 1 theme",
                              "control character U+0007 in season 1 theme",
                              "control character U+0007 in season 1 theme",
                              "control character U+0007 in season 1 theme",
                              "and 2 more control characters U+0007 in season 1 theme",
                          });
        CHECK(d.items()[3].pos == SourcePos{10, 14});     // the fourth soft hyphen
        CHECK(d.items().back().pos == SourcePos{10, 38}); // the fourth \u0007
        CHECK(d.items().back().severity == Severity::error);
        CHECK(d.items().back().rule == "control-character");
        CHECK(d.items().back().hint == "delete them");
    }
    SUBCASE("line breaks and garbled words") {
        const auto d = with_theme("a\\nb\\nc\\nd\\ne\\nf");
        REQUIRE(d.items().size() == 4);
        CHECK(d.items()[3].message == "and 2 more line breaks in season 1 theme");
        CHECK(d.items()[3].rule == "newline-in-field");
        const auto m = with_theme("Jim√©nez S√°nchez Jos√© Mu√±oz");
        REQUIRE(m.items().size() == 4);
        CHECK(m.items()[3].message == "and 1 more garbled word in season 1 theme");
        CHECK(m.items()[3].rule == "mojibake");
    }
}

#include "catalogue/catalogue_append.hpp"
#include "catalogue/catalogue_loader.hpp"

#include <doctest/doctest.h>
#include <toml++/toml.h>

using namespace wtool;

namespace {

constexpr std::string_view base = R"(# A catalogue.
[series]
title = "T"
timezone = "Europe/Copenhagen"
start_time = 15:00:00

[[season]]
number = 1
theme = "One"
date = 2026-03-02
zoom_url = "https://x.zoom.us/meeting/register/abc"

[[episode]]
code = "S01E01"
title = "First"
recording = "https://www.youtube.com/watch?v=abcdefghijk"

[[episode.speaker]]
name = "Ada"
)";

Catalogue parse(std::string_view text) {
    Diagnostics diags;
    auto cat = parse_catalogue(std::string(text), "c.toml", diags);
    REQUIRE(cat);
    REQUIRE_FALSE(diags.has_errors());
    return std::move(*cat);
}

tz::Instant now() {
    return *tz::parse_instant("2026-02-01T12:00:00Z");
}

EpisodeDraft simple_episode(int season, int number) {
    EpisodeDraft e;
    e.season = season;
    e.number = number;
    e.title = "A talk";
    e.speakers.push_back({.name = "Grace", .affiliation = "Navy", .country = "USA"});
    return e;
}

std::vector<std::string> rules_of(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const Diagnostic& x : d.items()) {
        out.push_back(x.rule);
    }
    return out;
}

} // namespace

TEST_CASE("episode numbering") {
    const Catalogue cat = parse(std::string(base) + R"(
[[episode]]
code = "S01E04"
title = "Fourth"
[[episode.speaker]]
name = "B"

[[episode]]
code = "S02E07"
title = "Other season"
[[episode.speaker]]
name = "C"

[[episode]]
code = "bad"
title = "Malformed"
[[episode.speaker]]
name = "D"
)");
    SUBCASE("one more than the highest number of the season, gaps are not filled") {
        CHECK(next_episode_number(cat, 1) == 5);
    }
    SUBCASE("other seasons do not count") {
        CHECK(next_episode_number(cat, 2) == 8);
    }
    SUBCASE("a season without episodes starts at 1") {
        CHECK(next_episode_number(cat, 3) == 1);
    }
}

TEST_CASE("rendering tables") {
    SUBCASE("a full episode with two speakers, keys in documentation order") {
        EpisodeDraft e = simple_episode(10, 4);
        e.title = "Label \"noise\"";
        e.abstract = "First paragraph.\n\nSecond \"\"\" paragraph.";
        e.joint_bio = "They work together.";
        e.recording = "https://www.youtube.com/watch?v=abcdefghijk";
        e.speakers[0].honorific = "Dr.";
        e.speakers[0].homepage = "https://example.org";
        e.speakers[0].bio = "Grace's bio.";
        e.speakers.push_back({.name = "Alan", .affiliation = "Cambridge", .country = "UK"});
        CHECK(render_episode_tables(e, Newline::lf) == R"([[episode]]
code = "S10E04"
title = "Label \"noise\""
abstract = """
First paragraph.

Second \"\"" paragraph."""
bio = """
They work together."""
recording = "https://www.youtube.com/watch?v=abcdefghijk"

[[episode.speaker]]
name = "Grace"
honorific = "Dr."
affiliation = "Navy"
country = "USA"
homepage = "https://example.org"
bio = """
Grace's bio."""

[[episode.speaker]]
name = "Alan"
affiliation = "Cambridge"
country = "UK"
)");
    }
    SUBCASE("a recording that may not be shared") {
        EpisodeDraft e = simple_episode(3, 12);
        e.share_recording = false;
        CHECK(render_episode_tables(e, Newline::lf) == "[[episode]]\ncode = \"S03E12\"\ntitle = \"A talk\"\n"
                                                       "share_recording = false\n\n[[episode.speaker]]\n"
                                                       "name = \"Grace\"\naffiliation = \"Navy\"\ncountry = \"USA\"\n");
    }
    SUBCASE("CRLF files get CRLF lines and one-line escaped long texts") {
        EpisodeDraft e = simple_episode(1, 2);
        e.abstract = "a\nb";
        CHECK(render_episode_tables(e, Newline::crlf) ==
              "[[episode]]\r\ncode = \"S01E02\"\r\ntitle = \"A talk\"\r\nabstract = \"a\\nb\"\r\n\r\n"
              "[[episode.speaker]]\r\nname = \"Grace\"\r\naffiliation = \"Navy\"\r\ncountry = \"USA\"\r\n");
    }
    SUBCASE("seasons: only the values given") {
        CHECK(render_season_table({.number = 11}, Newline::lf) == "[[season]]\nnumber = 11\n");
        SeasonDraft s{.number = 11};
        s.theme = "Fairness";
        s.date = date::local_days{date::year{2026} / 6 / 1};
        s.time = std::chrono::hours{9} + std::chrono::minutes{30};
        s.zoom_url = "https://x.zoom.us/j/1";
        CHECK(render_season_table(s, Newline::lf) == "[[season]]\nnumber = 11\ntheme = \"Fairness\"\n"
                                                     "date = 2026-06-01\ntime = 09:30:00\n"
                                                     "zoom_url = \"https://x.zoom.us/j/1\"\n");
    }
}

TEST_CASE("appending text at the end of any file") {
    const std::string tables = "[[episode]]\ncode = \"S01E02\"\n";
    SUBCASE("after a final newline: one blank line") {
        CHECK(text_to_append("a = 1\n", tables, Newline::lf) == "\n" + tables);
    }
    SUBCASE("after a last line without a newline (a value, a comment, a header)") {
        CHECK(text_to_append("a = 1", tables, Newline::lf) == "\n\n" + tables);
        CHECK(text_to_append("# the end", tables, Newline::lf) == "\n\n" + tables);
        CHECK(text_to_append("[site]", tables, Newline::lf) == "\n\n" + tables);
    }
    SUBCASE("after a blank line already there: nothing more") {
        CHECK(text_to_append("a = 1\n\n", tables, Newline::lf) == tables);
        CHECK(text_to_append("a = 1\r\n\r\n", tables, Newline::crlf) == tables);
    }
    SUBCASE("CRLF files and a final bare CR") {
        CHECK(text_to_append("a = 1\r\n", tables, Newline::crlf) == "\r\n" + tables);
        CHECK(text_to_append("a = 1", tables, Newline::crlf) == "\r\n\r\n" + tables);
        CHECK(text_to_append("a = 1\r", tables, Newline::crlf) == "\n\r\n" + tables);
    }
    SUBCASE("an empty file gets only the tables") {
        CHECK(text_to_append("", tables, Newline::lf) == tables);
    }
    SUBCASE("the newline convention follows the first line") {
        CHECK(detect_newline("a\r\nb\n") == Newline::crlf);
        CHECK(detect_newline("a\nb\r\n") == Newline::lf);
        CHECK(detect_newline("no newline") == Newline::lf);
        CHECK(detect_newline("\r\n") == Newline::crlf);
    }
}

TEST_CASE("planning an addition") {
    SUBCASE("the old text is an unchanged prefix and the result validates") {
        const Catalogue cat = parse(base);
        const AppendPlan plan = plan_append(cat, {simple_episode(1, 2), std::nullopt}, now());
        CHECK(plan.code == "S01E02");
        CHECK(plan.new_text.starts_with(base));
        CHECK(plan.new_text == std::string(base) + plan.appended);
        CHECK(plan.appended.starts_with("\n[[episode]]\ncode = \"S01E02\""));
        CHECK(plan.first_line == 21); // the file has 19 lines, then one blank line
        CHECK(plan.last_line == 28);
        CHECK(rules_of(plan.diagnostics).empty());
    }
    SUBCASE("files ending in awkward ways stay valid TOML") {
        const std::vector<std::string> endings = {
            std::string(base) + "# a last comment without newline",
            std::string(base) + "bio = \"\"\"ends\nhere\"\"\"",
            std::string(base) + "\n\n\n",
            std::string(base) + "[site]",
            std::string(base) + "[site]\n# nothing in it",
            std::string(base) + "  \t",
        };
        for (const std::string& text : endings) {
            CAPTURE(text);
            const Catalogue cat = parse(text);
            const AppendPlan plan = plan_append(cat, {simple_episode(1, 2), std::nullopt}, now());
            CHECK(plan.new_text.starts_with(text));
            CHECK_FALSE(plan.has_errors());
            const toml::table parsed = toml::parse(plan.new_text);
            CHECK(parsed["episode"][1]["code"].value_or(std::string{}) == "S01E02");
        }
    }
    SUBCASE("a CRLF file gets CRLF tables") {
        std::string crlf;
        for (char c : base) {
            if (c == '\n') {
                crlf += '\r';
            }
            crlf += c;
        }
        const Catalogue cat = parse(crlf);
        EpisodeDraft e = simple_episode(1, 2);
        e.abstract = "two\nlines";
        const AppendPlan plan = plan_append(cat, {e, std::nullopt}, now());
        CHECK(plan.appended.find("\r\n[[episode]]\r\n") == 0);
        CHECK(plan.appended.find("abstract = \"two\\nlines\"\r\n") != std::string::npos);
        CHECK_FALSE(plan.has_errors());
    }
    SUBCASE("a new season comes first, and warnings the file already had are not repeated") {
        const Catalogue cat = parse(std::string(base) + "\n[[season]]\nnumber = 3\n");
        SeasonDraft s{.number = 2};
        s.date = date::local_days{date::year{2026} / 3 / 2}; // same day as season 1
        const AppendPlan plan = plan_append(cat, {simple_episode(2, 1), s}, now());
        CHECK(plan.appended.starts_with("\n[[season]]\nnumber = 2\ndate = 2026-03-02\n\n[[episode]]\n"));
        // season-empty and season-tba for season 3 exist before and after: not shown again;
        // season-tba for the new season 2 (no theme, no Zoom link) and the shared date are new
        CHECK(rules_of(plan.diagnostics) == std::vector<std::string>{"season-tba", "season-same-date"});
        CHECK_FALSE(plan.has_errors());
    }
    SUBCASE("errors of the result are reported") {
        const Catalogue cat = parse(base);
        EpisodeDraft e = simple_episode(1, 1); // S01E01 exists
        e.recording = "htp:/broken";
        const AppendPlan plan = plan_append(cat, {e, std::nullopt}, now());
        CHECK(rules_of(plan.diagnostics) == std::vector<std::string>{"duplicate-episode", "url-invalid"});
        CHECK(plan.has_errors());
        CHECK(plan.diagnostics.items()[0].pos.line == plan.first_line + 1);
    }
    SUBCASE("an episode of a season that does not exist is an error") {
        const Catalogue cat = parse(base);
        const AppendPlan plan = plan_append(cat, {simple_episode(5, 1), std::nullopt}, now());
        CHECK(rules_of(plan.diagnostics) == std::vector<std::string>{"unknown-season"});
    }
}

TEST_CASE("reading values users type") {
    SUBCASE("dates") {
        CHECK(parse_date_answer("2026-06-01") == date::local_days{date::year{2026} / 6 / 1});
        CHECK(parse_date_answer("2024-02-29"));
        CHECK(parse_date_answer("2025-02-29").error() == "'2025-02-29' is not a day of the calendar");
        CHECK(parse_date_answer("1/6/2026").error() ==
              "'1/6/2026' is not a date: write it as YYYY-MM-DD, e.g. 2026-06-01");
        CHECK_FALSE(parse_date_answer("2026-6-1"));
        CHECK_FALSE(parse_date_answer(""));
    }
    SUBCASE("times") {
        CHECK(parse_time_answer("15:00") == std::chrono::minutes{15 * 60});
        CHECK(parse_time_answer("09:30:00") == std::chrono::minutes{9 * 60 + 30});
        CHECK(parse_time_answer("09:30:15").error() == "'09:30:15' has seconds; wtool works in whole minutes");
        CHECK(parse_time_answer("3pm").error() ==
              "'3pm' is not a time: write it as HH:MM on a 24-hour clock, e.g. 15:00");
        CHECK_FALSE(parse_time_answer("24:00"));
        CHECK_FALSE(parse_time_answer("12:60"));
        CHECK(format_time_of_day(std::chrono::minutes{9 * 60 + 5}) == "09:05");
    }
    SUBCASE("texts from files") {
        CHECK(normalise_text_file("\xEF\xBB\xBF  Hello\r\n\r\nWorld \r\n\n") == "Hello\n\nWorld");
        CHECK(normalise_text_file("old\rmac") == "old\nmac");
        CHECK(normalise_text_file("keep  inner   spaces\n\tand tabs") == "keep  inner   spaces\n\tand tabs");
        CHECK(normalise_text_file(" \n\t\n") == "");
    }
}

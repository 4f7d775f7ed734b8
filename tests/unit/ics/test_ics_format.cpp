#include "ics/ics_format.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace wtool;

namespace {

// The physical lines of folded output, without their CRLF; fails when a line break is not CRLF.
std::vector<std::string> physical_lines(const std::string& folded) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < folded.size()) {
        const std::size_t crlf = folded.find("\r\n", start);
        REQUIRE(crlf != std::string::npos);
        out.push_back(folded.substr(start, crlf - start));
        CHECK(out.back().find('\n') == std::string::npos);
        CHECK(out.back().find('\r') == std::string::npos);
        start = crlf + 2;
    }
    return out;
}

// Undoes folding (RFC 5545 section 3.1): removes every CRLF followed by one space.
std::string unfold(const std::string& folded) {
    std::string out;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded.compare(i, 3, "\r\n ") == 0) {
            i += 2;
        } else {
            out += folded[i];
        }
    }
    return out;
}

const std::string a74(74, 'a');

} // namespace

TEST_CASE("folding at 75 octets") {
    SUBCASE("a short line is left alone") {
        CHECK(ics::fold_line("VERSION:2.0") == "VERSION:2.0\r\n");
    }
    SUBCASE("75 octets fit, 76 do not, and no continuation is ever empty") {
        CHECK(ics::fold_line(std::string(75, 'x')) == std::string(75, 'x') + "\r\n");
        CHECK(ics::fold_line(std::string(76, 'x')) == std::string(75, 'x') + "\r\n x\r\n");
    }
    SUBCASE("ASCII: continuation lines count their leading space") {
        const std::string line(200, 'x');
        const std::string folded = ics::fold_line(line);
        const auto lines = physical_lines(folded);
        REQUIRE(lines.size() == 3);
        CHECK(lines[0] == std::string(75, 'x'));
        CHECK(lines[1] == " " + std::string(74, 'x'));
        CHECK(lines[2] == " " + std::string(51, 'x'));
        CHECK(unfold(folded) == line + "\r\n");
    }
    SUBCASE("a two-byte sequence at the fold point moves to the next line whole") {
        CHECK(ics::fold_line(a74 + "é" + "b") == a74 + "\r\n éb\r\n");
        CHECK(ics::fold_line(std::string(73, 'a') + "é" + "b") == std::string(73, 'a') + "é\r\n b\r\n");
    }
    SUBCASE("a three-byte sequence at the fold point") {
        CHECK(ics::fold_line(std::string(73, 'a') + "…" + "b") == std::string(73, 'a') + "\r\n …b\r\n");
        CHECK(ics::fold_line(std::string(74, 'a') + "€") == std::string(74, 'a') + "\r\n €\r\n");
    }
    SUBCASE("a four-byte sequence at the fold point") {
        CHECK(ics::fold_line(std::string(72, 'a') + "👀" + "b") == std::string(72, 'a') + "\r\n 👀b\r\n");
        CHECK(ics::fold_line(std::string(71, 'a') + "👀" + "b") == std::string(71, 'a') + "👀\r\n b\r\n");
    }
    SUBCASE("every physical line is at most 75 octets and valid UTF-8 on its own") {
        std::string line = "DESCRIPTION:";
        for (int i = 0; i < 60; ++i) {
            line += "å…👀x";
        }
        const std::string folded = ics::fold_line(line);
        for (const std::string& l : physical_lines(folded)) {
            CHECK(l.size() <= 75);
            CHECK(l != " ");
            CHECK((static_cast<unsigned char>(l[l[0] == ' ' ? 1 : 0]) & 0xC0) != 0x80); // no split sequence
        }
        CHECK(unfold(folded) == line + "\r\n");
    }
    SUBCASE("a backslash escape at the fold point is never split") {
        for (const std::string escape : {"\\n", "\\\\", "\\;", "\\,"}) {
            CAPTURE(escape);
            CHECK(ics::fold_line(a74 + escape + "z") == a74 + "\r\n " + escape + "z\r\n");
        }
        // An escaped backslash followed by 'n' is "\\" then "n": the fold may fall between them.
        CHECK(ics::fold_line(std::string(73, 'a') + "\\\\n") == std::string(73, 'a') + "\\\\\r\n n\r\n");
        // A run of escaped backslashes folds between escapes, never inside one.
        const std::string run = "X:" + std::string(200, '\\');
        for (const std::string& l : physical_lines(ics::fold_line(run))) {
            const std::string body = l.substr(l[0] == ' ' ? 1 : 0);
            CHECK((body.size() - (l[0] == 'X' ? 2 : 0)) % 2 == 0);
        }
    }
    SUBCASE("a caret escape in a parameter value is never split") {
        CHECK(ics::fold_line(a74 + "^n") == a74 + "\r\n ^n\r\n");
        CHECK(ics::fold_line(a74 + "^'") == a74 + "\r\n ^'\r\n");
    }
}

TEST_CASE("escaping TEXT values") {
    CHECK(ics::escape_text("plain text") == "plain text");
    CHECK(ics::escape_text("a;b,c\\d") == "a\\;b\\,c\\\\d");
    CHECK(ics::escape_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
    CHECK(ics::escape_text("tab\tkept") == "tab\tkept");
    SUBCASE("no value can start a new line, property or component") {
        const std::string hostile = "x\r\nEND:VEVENT\nBEGIN:VEVENT\rSUMMARY:pwned";
        const std::string escaped = ics::escape_text(hostile);
        CHECK(escaped == "x\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:pwned");
        CHECK(escaped.find('\n') == std::string::npos);
        CHECK(escaped.find('\r') == std::string::npos);
    }
    SUBCASE("other control characters are dropped, bad UTF-8 is replaced") {
        CHECK(ics::escape_text(std::string("a\0b\x1b"
                                           "c\x7f",
                                           6)) == "abc");
        CHECK(ics::escape_text("caf\xE9") == "caf\xEF\xBF\xBD");
    }
    SUBCASE("an already escaped-looking value is escaped again") {
        CHECK(ics::escape_text("\\n") == "\\\\n");
        CHECK(ics::escape_text("\\;") == "\\\\\\;");
    }
    CHECK(ics::escape_text("L👀king-Glass, Jiménez") == "L👀king-Glass\\, Jiménez");
}

TEST_CASE("parameter values and URIs") {
    CHECK(ics::param_value("Amelia Jiménez-Sánchez") == "Amelia Jiménez-Sánchez");
    CHECK(ics::param_value("Doe, Jane") == "\"Doe, Jane\"");
    CHECK(ics::param_value("a;b:c") == "\"a;b:c\"");
    CHECK(ics::param_value("say \"hi\"") == "say ^'hi^'");
    CHECK(ics::param_value("x^y\nz\r\nw") == "x^^y^nz^nw");
    CHECK(ics::param_value("bell\x07") == "bell");
    CHECK(ics::uri_value("https://x.zoom.us/j/1?pwd=a,b;c") == "https://x.zoom.us/j/1?pwd=a,b;c");
    CHECK(ics::uri_value("a b\r\nEND:VEVENT") == "a%20b%0D%0AEND:VEVENT");
    CHECK(ics::uri_value("https://e.org/\"<x>\\{}|^`") == "https://e.org/%22%3Cx%3E%5C%7B%7D%7C%5E%60");
    CHECK(ics::uri_value("https://e.org/é") == "https://e.org/%C3%A9");
}

TEST_CASE("dates, offsets and durations") {
    const tz::Instant t = *tz::parse_instant("2026-03-02T14:00:00Z");
    CHECK(ics::format_utc(t) == "20260302T140000Z");
    CHECK(ics::format_local(tz::LocalTime{t.time_since_epoch() + std::chrono::hours{1}}) == "20260302T150000");
    CHECK(ics::format_utc_offset(std::chrono::hours{1}) == "+0100");
    CHECK(ics::format_utc_offset(-std::chrono::minutes{210}) == "-0330");
    CHECK(ics::format_utc_offset(std::chrono::minutes{630}) == "+1030");
    CHECK(ics::format_utc_offset(std::chrono::seconds{0}) == "+0000");
    CHECK(ics::format_utc_offset(std::chrono::seconds{3020}) == "+005020");
    CHECK(ics::format_duration(std::chrono::minutes{0}) == "PT0S");
    CHECK(ics::format_duration(-std::chrono::minutes{15}) == "-PT15M");
    CHECK(ics::format_duration(std::chrono::minutes{90}) == "PT1H30M");
    CHECK(ics::format_duration(-std::chrono::minutes{1440}) == "-P1D");
    CHECK(ics::format_duration(std::chrono::minutes{1440 + 120}) == "P1DT2H");
}

TEST_CASE("the writer escapes, encodes and folds every line") {
    ics::Writer w;
    w.begin("VEVENT");
    w.text("SUMMARY", "a, b; c");
    w.raw("DTSTART", "20260302T150000", {{"TZID", "Europe/Copenhagen"}});
    w.raw("ORGANIZER", "mailto:x@example.org", {{"CN", "Doe, Jane"}});
    w.raw("X-RAW", "no\r\nbreak");
    w.end("VEVENT");
    CHECK(w.str() == "BEGIN:VEVENT\r\n"
                     "SUMMARY:a\\, b\\; c\r\n"
                     "DTSTART;TZID=Europe/Copenhagen:20260302T150000\r\n"
                     "ORGANIZER;CN=\"Doe, Jane\":mailto:x@example.org\r\n"
                     "X-RAW:nobreak\r\n"
                     "END:VEVENT\r\n");
}

#include "support/diagnostics.hpp"
#include "support/text.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace wtool;

TEST_CASE("diagnostics render like a compiler's") {
    const std::string source = "[series]\ntittle = \"x\"\n";
    Diagnostics diags;
    diags.error("unknown-key", {2, 1}, "unknown key 'tittle' in [series]", "did you mean 'title'?");
    diags.warning("season-weekend", {}, "no position");
    diags.sort_by_position();

    SUBCASE("text") {
        const std::string text = render_diagnostics_text(diags.items(), "episodes.toml", source, Color::no);
        CHECK(text == "episodes.toml: warning: no position [season-weekend]\n"
                      "episodes.toml:2:1: error: unknown key 'tittle' in [series] [unknown-key]\n"
                      " 2 | tittle = \"x\"\n"
                      "   | ^\n"
                      "  hint: did you mean 'title'?\n");
    }
    SUBCASE("caret under a column after multi-byte characters") {
        Diagnostics d;
        d.warning("x", {1, 4}, "m");
        const std::string text = render_diagnostics_text(d.items(), "f", "éé👀x\n", Color::no);
        CHECK(text.find(" 1 | éé👀x\n   |    ^\n") != std::string::npos);
    }
    SUBCASE("no diagnostics render as nothing") {
        CHECK(render_diagnostics_text({}, "f", source, Color::yes).empty());
    }
    SUBCASE("the last line quoted without a final newline, and a line after CRLF") {
        Diagnostics d;
        d.warning("x", {2, 2}, "m");
        CHECK(render_diagnostics_text(d.items(), "f", "a\r\nbc", Color::no) == "f:2:2: warning: m [x]\n"
                                                                               " 2 | bc\n"
                                                                               "   |  ^\n");
    }
    SUBCASE("colour only when asked") {
        CHECK(render_diagnostics_text(diags.items(), "f", source, Color::no).find('\x1b') == std::string::npos);
        CHECK(render_diagnostics_text(diags.items(), "f", source, Color::yes).find("\x1b[1;31merror") !=
              std::string::npos);
    }
    SUBCASE("json") {
        const auto doc = nlohmann::json::parse(render_diagnostics_json(diags.items(), "episodes.toml"));
        CHECK(doc["errors"] == 1);
        CHECK(doc["warnings"] == 1);
        CHECK(doc["diagnostics"][1]["rule"] == "unknown-key");
        CHECK(doc["diagnostics"][1]["line"] == 2);
        CHECK(doc["diagnostics"][1]["hint"] == "did you mean 'title'?");
        CHECK(doc["diagnostics"][0]["hint"].is_null());
    }
    SUBCASE("summary") {
        CHECK(summary_line(0, 0) == "no problems");
        CHECK(summary_line(1, 2) == "1 error, 2 warnings");
    }
}

namespace {

// The quoted line and the caret line of a report of one diagnostic, without their gutters.
std::pair<std::string, std::string> quote_of(const std::string& report) {
    const auto lines = text::split_lines(report);
    REQUIRE(lines.size() >= 3);
    const auto after_bar = [](std::string_view l) { return std::string(l.substr(l.find(" | ") + 3)); };
    return {after_bar(lines[1]), after_bar(lines[2])};
}

// What the caret points at: the text of the quoted line from the caret's column on (columns in
// code points, as the terminal shows them; the padding is made of blanks).
std::string under_caret(const std::string& quoted, const std::string& caret_line) {
    const std::size_t columns = caret_line.find('^');
    std::size_t i = 0;
    for (std::size_t c = 0; c < columns && i < quoted.size(); ++c) {
        i += text::decode_utf8(quoted, i).length;
    }
    return quoted.substr(i);
}

std::string report_at(std::string_view source, SourcePos pos, std::string message = "m") {
    Diagnostics d;
    d.warning("x", pos, std::move(message));
    return render_diagnostics_text(d.items(), "f", source, Color::no);
}

} // namespace

TEST_CASE("diagnostics show control characters visibly") {
    SUBCASE("in the message, the hint and the file name") {
        Diagnostics d;
        d.error("r", {}, "unknown key 'a\x1b[2Jb'", "did you mean '\u202Eb'?");
        CHECK(render_diagnostics_text(d.items(), "f\a.toml", "", Color::no) ==
              "f\\u0007.toml: error: unknown key 'a\\u001B[2Jb' [r]\n  hint: did you mean '\\u202Eb'?\n");
    }
    SUBCASE("in the quoted line: the caret counts the escapes' width") {
        const auto [quoted, caret] = quote_of(report_at("key = \"a\x1b\u009B\u202E\xE9z\" # \a\n", {1, 13}));
        CHECK(quoted == "key = \"a\\u001B\\u009B\\u202E\\xE9z\" # \\u0007");
        CHECK(under_caret(quoted, caret) == "z\" # \\u0007");
        const auto [q2, c2] = quote_of(report_at("a\x1b"
                                                 "b\n",
                                                 {1, 2}));
        CHECK(under_caret(q2, c2) == "\\u001Bb");
    }
    SUBCASE("tabs stay tabs, and the caret line copies them") {
        CHECK(report_at("\tx\t= 1\n", {1, 4}) == "f:1:4: warning: m [x]\n"
                                                 " 1 | \tx\t= 1\n"
                                                 "   | \t \t^\n");
    }
    SUBCASE("written to a stream as they come") {
        Diagnostics d;
        d.error("a", {1, 1}, "first");
        d.warning("b", {2, 2}, "second", "h");
        std::ostringstream out;
        render_diagnostics_text(out, d.items(), "f", "x\nyz\n", Color::no);
        CHECK(out.str() == render_diagnostics_text(d.items(), "f", "x\nyz\n", Color::no));
        CHECK(out.str() == "f:1:1: error: first [a]\n 1 | x\n   | ^\n"
                           "f:2:2: warning: second [b]\n 2 | yz\n   |  ^\n  hint: h\n");
    }
}

TEST_CASE("a long source line is quoted as a window around the column") {
    // 1000 columns: "0123456789" a hundred times, with a marker character at some columns.
    std::string line;
    for (int i = 0; i < 100; ++i) {
        line += "0123456789";
    }
    SUBCASE("a line of 120 columns is quoted whole, one of 121 is cut") {
        const auto [whole, c1] = quote_of(report_at(line.substr(0, 120), {1, 120}));
        CHECK(whole == line.substr(0, 120));
        CHECK(c1 == std::string(119, ' ') + "^");
        const auto [cut, c2] = quote_of(report_at(line.substr(0, 121), {1, 1}));
        CHECK(cut == line.substr(0, 120) + "…");
        CHECK(c2 == "^");
    }
    SUBCASE("in the middle: cut at both ends, the caret under its character") {
        std::string marked = line;
        marked[500] = 'X';
        const auto [quoted, caret] = quote_of(report_at(marked, {1, 501}));
        CHECK(quoted.starts_with("…"));
        CHECK(quoted.ends_with("…"));
        CHECK(text::count_code_points(quoted) == 122); // 120 columns and two ellipses
        CHECK(under_caret(quoted, caret).starts_with("X"));
        CHECK(caret == std::string(61, ' ') + "^"); // the ellipsis and 60 columns before
    }
    SUBCASE("near the end: more context before, nothing cut after") {
        std::string marked = line;
        marked[990] = 'X';
        const auto [quoted, caret] = quote_of(report_at(marked, {1, 991}));
        CHECK(quoted == "…" + marked.substr(880));
        CHECK(under_caret(quoted, caret) == "X" + marked.substr(991));
    }
    SUBCASE("the caret past the end of the line") {
        const auto [quoted, caret] = quote_of(report_at(line, {1, 2000}));
        CHECK(quoted == "…" + line.substr(880));
        CHECK(under_caret(quoted, caret) == "");
    }
    SUBCASE("escapes count with their width, and are never cut") {
        std::string hostile;
        for (int i = 0; i < 300; ++i) {
            hostile += "\x1b";
        }
        hostile += "X";
        for (int i = 0; i < 300; ++i) {
            hostile += "\u202E";
        }
        const auto [quoted, caret] = quote_of(report_at(hostile, {1, 301}));
        CHECK(under_caret(quoted, caret).starts_with("X\\u202E"));
        CHECK(quoted.find('\x1b') == std::string::npos);
        CHECK(quoted.find("\u202E") == std::string::npos);
        // 60 columns before the caret (ten escapes of six), 120 in all (nine more after the X).
        std::string expected = "…";
        for (int i = 0; i < 10; ++i) {
            expected += "\\u001B";
        }
        expected += "X";
        for (int i = 0; i < 9; ++i) {
            expected += "\\u202E";
        }
        CHECK(quoted == expected + "…");
    }
    SUBCASE("many findings on one line, in column order and out of it") {
        Diagnostics d;
        for (std::uint32_t column = 5; column <= 1000; column += 5) {
            d.warning("x", {1, column}, "m");
        }
        d.warning("x", {1, 3}, "m"); // before the last: found again from the line's start
        const std::string out = render_diagnostics_text(d.items(), "f", line, Color::no);
        const auto lines = text::split_lines(out);
        REQUIRE(lines.size() == 201 * 3);
        for (std::size_t k = 0; k < 201; ++k) {
            const std::uint32_t column = k < 200 ? static_cast<std::uint32_t>(5 * (k + 1)) : 3;
            const std::string quoted(lines[3 * k + 1].substr(lines[3 * k + 1].find(" | ") + 3));
            const std::string caret(lines[3 * k + 2].substr(lines[3 * k + 2].find(" | ") + 3));
            const std::string expected(1, static_cast<char>('0' + (column - 1) % 10));
            CHECK_MESSAGE(under_caret(quoted, caret).starts_with(expected), "column ", column);
        }
    }
}

TEST_CASE("a message or hint that quotes megabytes of input is cut") {
    Diagnostics diags;
    const std::string key(1'000'000, 'k');
    diags.error("unknown-key", {5, 1}, "unknown key '" + key + "'", "did you mean '" + key + "'?");
    diags.warning("short", {1, 1}, "a short message", "a short hint");
    const Diagnostic& d = diags.items().front();
    CHECK(d.message.size() < 600);
    CHECK(d.message.starts_with("unknown key 'kkk"));
    CHECK(d.message.ends_with("… (999,514 more bytes)"));
    CHECK(d.hint.size() < 600);
    CHECK(diags.items().back().message == "a short message");
    CHECK(diags.items().back().hint == "a short hint");
}

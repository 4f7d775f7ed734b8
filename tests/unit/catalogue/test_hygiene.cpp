#include "catalogue/hygiene.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace wtool;
using Kind = hygiene::Finding::Kind;

TEST_CASE("mojibake is found and repaired") {
    hygiene::Checker checker;
    SUBCASE("Mac Roman, as in the seed page") {
        const auto f = checker.check("Amelia Jim√©nez-S√°nchez", hygiene::Lines::single);
        REQUIRE(f.size() == 1);
        CHECK(f[0].kind == Kind::mojibake);
        CHECK(f[0].original == "Jim√©nez-S√°nchez");
        CHECK(f[0].repaired == "Jiménez-Sánchez");
        CHECK(f[0].charset == "Mac Roman");
        CHECK(f[0].offset == 10);
    }
    SUBCASE("an emoji garbled through Mac Roman") {
        CHECK(checker.repair("L\uF8FF\u00FC\u00EB\u00C4king-Glass") == "L👀king-Glass");
    }
    SUBCASE("Windows-1252") {
        const auto f = checker.check("Universit\u00C3\u00A9 Paris", hygiene::Lines::single);
        REQUIRE(f.size() == 1);
        CHECK(f[0].repaired == "Université");
        CHECK(f[0].charset == "Windows-1252");
    }
    SUBCASE("a zero-width space garbled through Mac Roman") {
        CHECK(checker.repair("metrics\u201A\u00C4\u00F6") != std::nullopt);
    }
    SUBCASE("correct text is left alone") {
        for (const char* ok : {"Jiménez-Sánchez", "São Paulo", "Zając", "Ελληνικά", "東京", "Université Paris-Saclay",
                               "«quoted»", "King’s College", "L👀king-Glass", "👩‍🔬 science", "naïve café"}) {
            CAPTURE(ok);
            CHECK(checker.check(ok, hygiene::Lines::single).empty());
        }
    }
}

TEST_CASE("invisible characters and blanks") {
    hygiene::Checker checker;
    SUBCASE("zero-width space") {
        const auto f = checker.check("Jiménez-Sánchez\u200B", hygiene::Lines::single);
        REQUIRE(f.size() == 1);
        CHECK(f[0].kind == Kind::invisible);
        CHECK(f[0].code_point == 0x200B);
        CHECK(hygiene::invisible_name(0x200B) == "ZERO WIDTH SPACE");
    }
    SUBCASE("a joiner inside an emoji sequence is fine, elsewhere it is not") {
        CHECK(checker.check("👩\u200D🔬", hygiene::Lines::single).empty());
        CHECK(checker.check("a\u200Db", hygiene::Lines::single).size() == 1);
    }
    SUBCASE("leading and trailing blanks") {
        const auto f = checker.check(" x ", hygiene::Lines::single);
        REQUIRE(f.size() == 2);
        CHECK(f[0].kind == Kind::leading_blank);
        CHECK(f[1].kind == Kind::trailing_blank);
        CHECK(checker.check("x\u00A0", hygiene::Lines::single).size() == 1);
    }
    SUBCASE("newlines") {
        CHECK(checker.check("a\nb", hygiene::Lines::single)[0].kind == Kind::newline);
        CHECK(checker.check("a\n\nb", hygiene::Lines::multi).empty());
        CHECK(checker.check("a  \nb", hygiene::Lines::multi)[0].kind == Kind::line_trailing_blank);
    }
    SUBCASE("control characters") {
        CHECK(checker
                  .check("a\x07"
                         "b",
                         hygiene::Lines::single)[0]
                  .kind == Kind::control);
    }
}

namespace {

// What Checker::check must find, computed the slow way: every byte, then every non-ASCII code
// point, looked at one by one, as check did before it learnt to skip printable ASCII in chunks.
// One line a finding: "kind offset code-point [length]".
std::string slow_findings(hygiene::Checker& checker, std::string_view v, hygiene::Lines lines) {
    struct Found {
        Kind kind;
        std::size_t offset, length;
        char32_t cp;
    };
    std::vector<Found> out;
    if (v.empty()) {
        return {};
    }
    const auto blank = [](char32_t cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x2007 || cp == 0x202F ||
               cp == 0x3000;
    };
    const auto pictographic = [](char32_t cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F;
    };
    if (blank(text::decode_utf8(v, 0).code_point)) {
        out.push_back({Kind::leading_blank, 0, 0, text::decode_utf8(v, 0).code_point});
    }
    std::size_t last = v.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(v[last]) & 0xC0) == 0x80) {
        --last;
    }
    if (blank(text::decode_utf8(v, last).code_point) && !(last == 0 && !out.empty())) {
        out.push_back({Kind::trailing_blank, last, 0, text::decode_utf8(v, last).code_point});
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto c = static_cast<unsigned char>(v[i]);
        if (c == '\n' && lines == hygiene::Lines::single) {
            out.push_back({Kind::newline, i, 0, c});
        } else if (c == '\n' && i > 0 && (v[i - 1] == ' ' || v[i - 1] == '\t')) {
            std::size_t start = i;
            while (start > 0 && (v[start - 1] == ' ' || v[start - 1] == '\t')) {
                --start;
            }
            out.push_back({Kind::line_trailing_blank, start, 0, ' '});
        } else if ((c < 0x20 || c == 0x7F) && c != '\n' && c != '\t' && c != '\r') {
            out.push_back({Kind::control, i, 0, c});
        }
    }
    char32_t previous = 0;
    for (std::size_t i = 0; i < v.size();) {
        const text::Decoded d = text::decode_utf8(v, i);
        const char32_t cp = static_cast<unsigned char>(v[i]) < 0x80 ? 0 : d.code_point;
        if (cp >= 0x80 && cp <= 0x9F) {
            out.push_back({Kind::control, i, 0, cp});
        } else if (!hygiene::invisible_name(cp).empty() &&
                   !(cp == 0x200D && pictographic(previous) && i + d.length < v.size() &&
                     pictographic(text::decode_utf8(v, i + d.length).code_point))) {
            out.push_back({Kind::invisible, i, 0, cp});
        }
        previous = cp;
        i += d.length;
    }
    // Runs of two or more non-ASCII code points that the checker can repair, one a word.
    std::string previous_word;
    std::vector<Found> garbled;
    for (std::size_t i = 0; i < v.size();) {
        std::size_t end = i;
        std::size_t count = 0;
        while (end < v.size() && static_cast<unsigned char>(v[end]) >= 0x80) {
            end += text::decode_utf8(v, end).length;
            ++count;
        }
        if (count >= 2 && checker.repair(v.substr(i, end - i))) {
            std::size_t wb = i;
            std::size_t we = end;
            while (wb > 0 && v[wb - 1] != ' ' && v[wb - 1] != '\n' && v[wb - 1] != '\t' && v[wb - 1] != '\r') {
                --wb;
            }
            while (we < v.size() && v[we] != ' ' && v[we] != '\n' && v[we] != '\t' && v[we] != '\r') {
                ++we;
            }
            const std::string word(v.substr(wb, we - wb));
            if (garbled.empty() || word != previous_word) {
                garbled.push_back({Kind::mojibake, i, end - i, 0});
            }
            previous_word = word;
        }
        i = std::max(end, i + 1);
    }
    std::erase_if(out, [&](const Found& f) {
        return std::any_of(garbled.begin(), garbled.end(),
                           [&](const Found& g) { return f.offset >= g.offset && f.offset < g.offset + g.length; }) &&
               (f.kind == Kind::invisible || f.kind == Kind::control);
    });
    out.insert(out.end(), garbled.begin(), garbled.end());
    std::stable_sort(out.begin(), out.end(), [](const Found& a, const Found& b) { return a.offset < b.offset; });
    std::string lines_out;
    for (const Found& f : out) {
        lines_out += fmt::format("{} {} {:X} {}\n", static_cast<int>(f.kind), f.offset,
                                 static_cast<std::uint32_t>(f.cp), f.length);
    }
    return lines_out;
}

std::string fast_findings(hygiene::Checker& checker, std::string_view v, hygiene::Lines lines) {
    std::string out;
    for (const hygiene::Finding& f : checker.check(v, lines)) {
        out += fmt::format("{} {} {:X} {}\n", static_cast<int>(f.kind), f.offset,
                           static_cast<std::uint32_t>(f.code_point), f.length);
    }
    return out;
}

} // namespace

TEST_CASE("the chunked scan finds what a byte-by-byte reading finds") {
    // Pieces that straddle the eight-byte chunks in every way: controls, DEL, C1 controls, blanks,
    // invisible characters (the two-byte ones too: the scan decodes those itself), emoji with
    // joiners, mojibake, and malformed bytes (an overlong two-byte form among them).
    const std::vector<std::string_view> pieces = {
        "a",      "abcdefg", " ",      "\t",       "\n",           "\r",
        "\x7F",   "\x01",    "\x1F",   "~",        "\u0085",       "\u009F",
        "\u00A0", "\u200B",  "\u200D", "\uFEFF",   "\u00AD",       "\u034F",
        "\u061C", "\u00A1",  "\u07FF", "\xC1\xBF", "\u3000",       "é",
        "€",      "👩",       "🔬",      "\u2600",   "Ã©",           "√©",
        "\xC3",   "\x80",    "\xFF",   "\xE2\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80"};
    hygiene::Checker checker;
    std::uint32_t state = 12345;
    const auto next = [&] {
        state = state * 1103515245 + 12345;
        return (state >> 16) & 0x7FFF;
    };
    for (int round = 0; round < 4000; ++round) {
        std::string value;
        const std::size_t count = next() % 12;
        for (std::size_t k = 0; k < count; ++k) {
            value += pieces[next() % pieces.size()];
        }
        for (const hygiene::Lines lines : {hygiene::Lines::single, hygiene::Lines::multi}) {
            CAPTURE(value);
            CHECK(fast_findings(checker, value, lines) == slow_findings(checker, value, lines));
        }
    }
    SUBCASE("each special character at each place of a chunk") {
        for (const std::string_view special : pieces) {
            for (std::size_t at = 0; at <= 17; ++at) {
                const std::string value = std::string(at, 'x') + std::string(special) + std::string(17 - at, 'y');
                CAPTURE(value);
                CHECK(fast_findings(checker, value, hygiene::Lines::multi) ==
                      slow_findings(checker, value, hygiene::Lines::multi));
            }
        }
    }
}

#include "support/text.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <random>
#include <string>
#include <vector>

using namespace wtool;

TEST_CASE("utf-8 decoding") {
    SUBCASE("valid sequences of every length") {
        CHECK(text::decode_utf8("a", 0).code_point == U'a');
        CHECK(text::decode_utf8("é", 0).code_point == U'é');
        CHECK(text::decode_utf8("é", 0).length == 2);
        CHECK(text::decode_utf8("€", 0).length == 3);
        CHECK(text::decode_utf8("👀", 0).code_point == U'\U0001F440');
        CHECK(text::decode_utf8("👀", 0).length == 4);
    }
    SUBCASE("malformed sequences") {
        CHECK_FALSE(text::decode_utf8("\xC3", 0).valid);         // truncated
        CHECK_FALSE(text::decode_utf8("\xC0\xAF", 0).valid);     // overlong
        CHECK_FALSE(text::decode_utf8("\xED\xA0\x80", 0).valid); // surrogate
        CHECK_FALSE(text::decode_utf8("\xE9t\xE9", 0).valid);    // Latin-1
        CHECK_FALSE(text::is_valid_utf8("caf\xE9"));
        CHECK(text::is_valid_utf8("café 👀"));
    }
    SUBCASE("encoding round-trips") {
        for (char32_t cp : {U'a', U'é', U'€', U'\U0001F440'}) {
            std::string s;
            text::append_utf8(s, cp);
            CHECK(text::decode_utf8(s, 0).code_point == cp);
        }
    }
}

TEST_CASE("edit distance and suggestions") {
    CHECK(text::edit_distance("title", "tittle") == 1);
    CHECK(text::edit_distance("tilte", "title") == 1); // transposition
    CHECK(text::edit_distance("Title", "title") == 0);
    CHECK(text::edit_distance("", "abc") == 3);
    const std::vector<std::string> keys = {"title", "timezone", "theme", "abstract"};
    CHECK(text::closest_matches("tittle", keys) == std::vector<std::string>{"title"});
    CHECK(text::closest_matches("timezon", keys).front() == "timezone");
    CHECK(text::closest_matches("zzzzzz", keys).empty());
    CHECK(text::quoted_alternatives(std::vector<std::string>{"a", "b", "c"}) == "'a', 'b' or 'c'");
}

namespace {

// The typo score as every "did you mean" computed it before it was bounded: from the edit
// distance of any two words.
std::optional<std::size_t> unbounded_typo_score(std::string_view word, std::string_view candidate) {
    const std::size_t budget = std::max<std::size_t>(1, (word.size() + 2) / 3);
    std::size_t d = text::edit_distance(word, candidate);
    if (d > budget && word.size() >= 3 && candidate.size() > word.size() && text::starts_with_icase(candidate, word)) {
        d = budget;
    }
    return d <= budget ? std::optional(d) : std::nullopt;
}

} // namespace

TEST_CASE("typo scores: bounded in cost, the same as before for words up to max_typo_word") {
    CHECK(text::typo_score("tittle", "title") == 1);
    CHECK(text::typo_score("copen", "Copenhagen") == 2); // an abbreviation scores the limit, (5 + 2) / 3
    CHECK(text::typo_score("co", "Copenhagen") == std::nullopt);
    CHECK(text::typo_score("zzzzzz", "title") == std::nullopt);
    CHECK(text::typo_score("", "a") == 1);
    CHECK(text::typo_score(std::string(64, 'a'), std::string(70, 'a')) == 6);
    CHECK(text::typo_score(std::string(64, 'a'), std::string(86, 'a')) == 22);
    CHECK(text::typo_score(std::string(64, 'a'), std::string(87, 'a')) == 22); // as a prefix
    CHECK(text::typo_score(std::string(64, 'a'), std::string(87, 'b')) == std::nullopt);

    SUBCASE("longer words get no suggestion, whatever they are compared with") {
        CHECK(text::typo_score(std::string(65, 'a'), std::string(65, 'a')) == std::nullopt);
        const std::string huge(300'000, 'k');
        CHECK(text::typo_score(huge, huge) == std::nullopt);
        CHECK(text::typo_score("title", huge) == std::nullopt);
        CHECK(text::typo_score("title", "title" + huge) == 2);
        const std::vector<std::string> candidates = {huge, huge + "x", "title"};
        CHECK(text::closest_matches(huge, candidates).empty());
    }
    SUBCASE("random words: the bounded score is the unbounded one") {
        std::mt19937 rng(15);
        const std::string_view alphabet = "aAbB_-";
        const auto random_word = [&](std::size_t length) {
            std::string w;
            for (std::size_t i = 0; i < length; ++i) {
                w += alphabet[rng() % alphabet.size()];
            }
            return w;
        };
        int plausible = 0;
        for (int i = 0; i < 3000; ++i) {
            const std::string word = random_word(rng() % (text::max_typo_word + 1));
            std::string candidate = word;
            for (std::size_t edits = rng() % 30; edits > 0; --edits) { // deletions, insertions, changes
                const std::size_t at = candidate.empty() ? 0 : rng() % candidate.size();
                switch (rng() % 3) {
                case 0:
                    if (!candidate.empty()) {
                        candidate.erase(at, 1);
                    }
                    break;
                case 1: candidate.insert(at, random_word(1)); break;
                default: candidate.replace(at, candidate.empty() ? 0 : 1, random_word(1)); break;
                }
            }
            if (rng() % 4 == 0) {
                candidate = word + random_word(rng() % 40); // the word as an abbreviation
            }
            CAPTURE(word);
            CAPTURE(candidate);
            const auto expected = unbounded_typo_score(word, candidate);
            CHECK(text::typo_score(word, candidate) == expected);
            plausible += expected.has_value();
        }
        CHECK(plausible > 500); // the comparisons were not all trivially far apart
    }
}

TEST_CASE("ordinals") {
    CHECK(text::ordinal_suffixed(1) == "1st");
    CHECK(text::ordinal_suffixed(2) == "2nd");
    CHECK(text::ordinal_suffixed(3) == "3rd");
    CHECK(text::ordinal_suffixed(4) == "4th");
    CHECK(text::ordinal_suffixed(11) == "11th");
    CHECK(text::ordinal_suffixed(12) == "12th");
    CHECK(text::ordinal_suffixed(13) == "13th");
    CHECK(text::ordinal_suffixed(21) == "21st");
    CHECK(text::ordinal_suffixed(112) == "112th");
    CHECK(text::ordinal_word(1) == "first");
    CHECK(text::ordinal_word(4) == "fourth");
    CHECK(text::ordinal_word(9) == "ninth");
    CHECK(text::ordinal_word(12) == "twelfth");
    CHECK(text::ordinal_word(20) == "twentieth");
    CHECK(text::ordinal_word(21) == "twenty-first");
    CHECK(text::ordinal_word(99) == "ninety-ninth");
    CHECK(text::ordinal_word(100) == "one hundredth");
    CHECK(text::ordinal_word(101) == "one hundred and first");
    CHECK(text::ordinal_word(1000) == "one thousandth");
}

TEST_CASE("trim and split") {
    CHECK(text::trim("  a b \n") == "a b");
    CHECK(text::split_lines("a\nb\n").size() == 2);
    CHECK(text::split_lines("a\n\nb").size() == 3);
}

TEST_CASE("shell words") {
    CHECK(text::shell_quote("it's") == "'it'\\''s'");
    CHECK(text::shell_quote("") == "''");
    CHECK(text::shell_quote("a b") == "'a b'");
    CHECK(text::shell_word("data/episodes.toml") == "data/episodes.toml");
    CHECK(text::shell_word("my file's.toml") == "'my file'\\''s.toml'");
    CHECK(text::shell_word("$HOME") == "'$HOME'");
    CHECK(text::shell_word("") == "''");
}

TEST_CASE("English lists") {
    const std::vector<std::string> one{"date"}, two{"date", "theme"}, three{"date", "theme", "Zoom link"};
    CHECK(text::alternatives(std::vector<std::string>{}).empty());
    CHECK(text::alternatives(one) == "date");
    CHECK(text::alternatives(two) == "date or theme");
    CHECK(text::alternatives(three) == "date, theme or Zoom link");
    CHECK(text::quoted_alternatives(three) == "'date', 'theme' or 'Zoom link'");
}

TEST_CASE("ASCII and printable ASCII prefixes") {
    const auto slow = [](std::string_view s) {
        return static_cast<std::size_t>(std::find_if(s.begin(), s.end(),
                                                     [](char c) {
                                                         const auto b = static_cast<unsigned char>(c);
                                                         return b < 0x20 || b >= 0x7F;
                                                     }) -
                                        s.begin());
    };
    // Lengths that reach every way through: eight bytes at a time, and one.
    SUBCASE("every byte at every place of chunks and a tail") {
        for (const std::size_t length : {19, 27, 35}) {
            for (int byte = 0; byte < 256; ++byte) {
                for (std::size_t at = 0; at < length; ++at) {
                    // Around it printable ASCII, and DEL: ASCII, but not printable.
                    for (const char filler : {'a', '\x7F'}) {
                        std::string s(length, filler);
                        s[at] = static_cast<char>(byte);
                        CAPTURE(byte);
                        CAPTURE(at);
                        CHECK(text::printable_ascii_prefix_length(s) == slow(s));
                        CHECK(text::ascii_prefix_length(s) == (byte < 0x80 ? length : at));
                    }
                }
            }
        }
    }
    SUBCASE("the edges of the printable range next to each other") {
        for (std::string_view s : {" ~ ~ ~ ~ ~ ~ ~ ~", "~~~~~~~~\x7F", "        \x1F", "!!!!!!!!!!!!!!!!\x80", ""}) {
            CAPTURE(s);
            CHECK(text::printable_ascii_prefix_length(s) == slow(s));
        }
    }
}

TEST_CASE("utf-8 validation agrees with decoding") {
    // Valid exactly when every character decodes (the definition is_valid_utf8 had before it
    // learnt the byte ranges of well-formed sequences).
    const auto decodes = [](std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            const text::Decoded d = text::decode_utf8(s, i);
            if (!d.valid) {
                return false;
            }
            i += d.length;
        }
        return true;
    };
    // Every first and second byte; the later ones from the edges of the continuation range.
    const std::vector<int> tails = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    const auto agree = [&](std::initializer_list<int> bytes) {
        std::string s;
        for (const int b : bytes) {
            s.push_back(static_cast<char>(b));
        }
        return text::is_valid_utf8(s) == decodes(s);
    };
    std::size_t disagreements = 0;
    for (int b0 = 0x80; b0 < 0x100; ++b0) {
        for (int b1 = 0; b1 < 0x100; ++b1) {
            disagreements += agree({b0, b1}) ? 0 : 1;
            for (const int b2 : tails) {
                disagreements += agree({b0, b1, b2}) ? 0 : 1;
                for (const int b3 : tails) {
                    disagreements += b0 < 0xF0 || agree({b0, b1, b2, b3}) ? 0 : 1;
                }
            }
        }
    }
    CHECK(disagreements == 0);
    SUBCASE("after ASCII of every length, and cut short") {
        for (const std::string_view c : {"é", "€", "👀", "\U0010FFFF", "\xED\x9F\xBF", "\xEE\x80\x80"}) {
            for (std::size_t pad = 0; pad < 18; ++pad) {
                const std::string s = std::string(pad, 'a') + std::string(c);
                CHECK(text::is_valid_utf8(s));
                CHECK_FALSE(text::is_valid_utf8(s.substr(0, s.size() - 1)));
            }
        }
    }
}

TEST_CASE("visible: characters that act on a terminal are spelt out") {
    SUBCASE("nothing to escape: the text as it is") {
        CHECK(text::visible("") == "");
        CHECK(text::visible("plain ASCII, punctuation ~!@#$%^&*()") == "plain ASCII, punctuation ~!@#$%^&*()");
        CHECK(text::visible("café 👀 Ελληνικά עברית \u00AD\u200B") == "café 👀 Ελληνικά עברית \u00AD\u200B");
        CHECK(text::visible("a\\u001B stays as typed") == "a\\u001B stays as typed");
        CHECK(text::visible_prefix_length("abc") == 3);
    }
    SUBCASE("C0 controls and DEL") {
        CHECK(text::visible("\x1b[31mred\x1b[0m") == "\\u001B[31mred\\u001B[0m");
        CHECK(text::visible("bell\a") == "bell\\u0007");
        CHECK(text::visible(std::string_view("nul\0x", 5)) == "nul\\u0000x");
        CHECK(text::visible("cr\rlf\n") == "cr\\u000Dlf\\u000A");
        CHECK(text::visible("del\x7f") == "del\\u007F");
        CHECK(text::visible("\x1f") == "\\u001F");
        CHECK(text::visible_prefix_length("ab\x1b") == 2);
    }
    SUBCASE("tab and line feed as asked") {
        CHECK(text::visible("a\tb\nc") == "a\\u0009b\\u000Ac");
        CHECK(text::visible("a\tb\nc", text::Keep::tabs) == "a\tb\\u000Ac");
        CHECK(text::visible("a\tb\nc\r", text::Keep::tabs_and_newlines) == "a\tb\nc\\u000D");
    }
    SUBCASE("C1 controls") {
        CHECK(text::visible("\u0080") == "\\u0080");
        CHECK(text::visible("csi\u009B2J") == "csi\\u009B2J");
        CHECK(text::visible("\u009F") == "\\u009F");
        CHECK(text::visible("\u00A0") == "\u00A0"); // NO-BREAK SPACE is printable
    }
    SUBCASE("bidi controls and the Unicode line separators") {
        for (const char32_t cp : {U'\u061C', U'\u200E', U'\u200F', U'\u202A', U'\u202B', U'\u202C', U'\u202D',
                                  U'\u202E', U'\u2066', U'\u2067', U'\u2068', U'\u2069', U'\u2028', U'\u2029'}) {
            std::string s = "x";
            text::append_utf8(s, cp);
            CHECK(text::visible(s) == fmt::format("x\\u{:04X}", static_cast<std::uint32_t>(cp)));
        }
        CHECK(text::visible("\u2029\u202F\u2065\u206A") == "\\u2029\u202F\u2065\u206A"); // neighbours stay
        CHECK(text::visible("evil\u202Etxt.exe") == "evil\\u202Etxt.exe");
    }
    SUBCASE("malformed UTF-8, byte by byte") {
        CHECK(text::visible("caf\xE9") == "caf\\xE9");
        CHECK(text::visible("\xC0\xAF") == "\\xC0\\xAF");          // overlong
        CHECK(text::visible("\xED\xA0\x80") == "\\xED\\xA0\\x80"); // surrogate
        CHECK(text::visible("\xE2\x80") == "\\xE2\\x80");          // truncated
        CHECK(text::visible("\xFF ok") == "\\xFF ok");
    }
    SUBCASE("one character at a time, with its width") {
        const text::VisibleChar esc = text::visible_char("\x1b", 0);
        CHECK(esc.length == 1);
        CHECK(esc.columns() == 6);
        CHECK(esc.shown("\x1b", 0) == "\\u001B");
        const text::VisibleChar e = text::visible_char("é", 0);
        CHECK(e.length == 2);
        CHECK(e.columns() == 1);
        CHECK(e.shown("é", 0) == "é");
        CHECK(text::visible_char("\u202E", 0).length == 3);
        CHECK(text::visible_char("\xE9", 0).columns() == 4);
    }
    SUBCASE("long texts") {
        const std::string clean(100'000, 'a');
        CHECK(text::visible(clean) == clean);
        std::string dirty = clean + "\x1b" + clean;
        CHECK(text::visible(dirty) == clean + "\\u001B" + clean);
    }
}

TEST_CASE("thousands") {
    CHECK(text::thousands(0) == "0");
    CHECK(text::thousands(999) == "999");
    CHECK(text::thousands(1000) == "1,000");
    CHECK(text::thousands(1997) == "1,997");
    CHECK(text::thousands(1234567) == "1,234,567");
}

TEST_CASE("shortened") {
    CHECK(text::shortened("", 3) == "");
    CHECK(text::shortened("abc", 3) == "abc");
    CHECK(text::shortened("abcd", 3) == "abc… (1 more byte)");
    SUBCASE("never inside a character") {
        CHECK(text::shortened("é👀x", 2) == "é👀… (1 more byte)");
        CHECK(text::shortened("é👀x", 1) == "é… (5 more bytes)");
    }
    SUBCASE("long input") {
        const std::string big(2'000'000, 'k');
        CHECK(text::shortened(big, 500) == std::string(500, 'k') + "… (1,999,500 more bytes)");
    }
}

TEST_CASE("display width") {
    using text::display_width;
    CHECK(display_width(std::string_view("abc")) == 3);
    CHECK(display_width(std::string_view("")) == 0);
    CHECK(display_width(std::string_view("清华大学")) == 8);         // CJK ideographs: 2 each
    CHECK(display_width(std::string_view("ｗｔ")) == 4);             // fullwidth forms
    CHECK(display_width(std::string_view("한국")) == 4);             // Hangul syllables
    CHECK(display_width(std::string_view("かな")) == 4);             // Hiragana
    CHECK(display_width(std::string_view("e\u0301")) == 1);          // a combining accent takes none
    CHECK(display_width(std::string_view("a\u200Bb")) == 2);         // zero-width space
    CHECK(display_width(std::string_view("Université")) == 10);     // precomposed: one each
    CHECK(display_width(std::string_view("L\U0001F440king")) == 7); // an emoji: 2
    CHECK(display_width(std::string_view("\xFF")) == 1);             // a malformed byte: 1
    CHECK(display_width(U'\u3099') == 0);                            // combining kana mark, inside a wide block
    CHECK(display_width(U'\u303F') == 1);                            // just past a wide range
    CHECK(display_width(U'\U0002A6DF') == 2);                        // CJK extension B
}

#include "support/text.hpp"
#include "toml/toml_text.hpp"

#include <doctest/doctest.h>
#include <random>
#include <toml++/toml.h>

using namespace wtool;
using toml_text::encode_string;
using toml_text::StringForm;

namespace {

// Parses `v = <literal>` with toml++ and returns the string, or a parse error text.
std::string parse_back(const std::string& literal) {
    try {
        const toml::table t = toml::parse("v = " + literal + "\n");
        const auto* v = t.get("v");
        REQUIRE(v != nullptr);
        REQUIRE(v->is_string());
        return v->as_string()->get();
    } catch (const toml::parse_error& e) {
        FAIL("not valid TOML: " << e.description() << " in: " << literal);
    }
    return {};
}

void round_trips(std::string_view value) {
    for (const StringForm form : {StringForm::single_line, StringForm::multi_line}) {
        const std::string literal = encode_string(value, form);
        CAPTURE(literal);
        CHECK(parse_back(literal) == value);
        if (form == StringForm::single_line) {
            CHECK(literal.find('\n') == std::string::npos);
        }
        CHECK(text::is_valid_utf8(literal));
    }
}

} // namespace

TEST_CASE("toml string encoding: exact forms") {
    SUBCASE("plain text is written as itself") {
        CHECK(encode_string("Ada Lovelace", StringForm::single_line) == "\"Ada Lovelace\"");
        CHECK(encode_string("Zoë 👀", StringForm::single_line) == "\"Zoë 👀\"");
        CHECK(encode_string("", StringForm::single_line) == "\"\"");
        CHECK(encode_string("", StringForm::multi_line) == "\"\"\"\n\"\"\"");
    }
    SUBCASE("quotes and backslashes are escaped") {
        CHECK(encode_string(R"(say "hi" \o/)", StringForm::single_line) == R"("say \"hi\" \\o/")");
    }
    SUBCASE("control characters use short escapes or \\u") {
        CHECK(encode_string("a\tb\nc\rd\be\ff", StringForm::single_line) == R"("a\tb\nc\rd\be\ff")");
        CHECK(encode_string(std::string("a\0b\x1f\x7f", 5), StringForm::single_line) == R"("a\u0000b\u001F\u007F")");
    }
    SUBCASE("invisible and misleading characters are escaped for the human reader") {
        CHECK(encode_string("a\u202Eb\u2028c\uFEFFd\u0085e", StringForm::single_line) ==
              R"("a\u202Eb\u2028c\uFEFFd\u0085e")");
        // a zero-width joiner inside an emoji sequence is kept as it is
        CHECK(encode_string("👩‍🔬", StringForm::single_line) == "\"👩‍🔬\"");
    }
    SUBCASE("multi-line strings keep newlines and never form a closing delimiter") {
        CHECK(encode_string("one\n\ntwo", StringForm::multi_line) == "\"\"\"\none\n\ntwo\"\"\"");
        CHECK(encode_string(R"(a """ b)", StringForm::multi_line) == "\"\"\"\na \\\"\\\"\" b\"\"\"");
        CHECK(encode_string(R"(ends with a quote")", StringForm::multi_line) == "\"\"\"\nends with a quote\\\"\"\"\"");
        CHECK(encode_string("cr\r\nlf", StringForm::multi_line) == "\"\"\"\ncr\\r\nlf\"\"\"");
    }
    SUBCASE("bytes that are not UTF-8 become U+FFFD") {
        CHECK(encode_string("a\xff"
                            "b",
                            StringForm::single_line) == "\"a\uFFFDb\"");
    }
}

TEST_CASE("toml string encoding: round trips through toml++") {
    SUBCASE("hostile values") {
        const std::vector<std::string> values = {
            "",
            "plain",
            "\"",
            "\"\"",
            "\"\"\"",
            "\"\"\"\"\"\"\"",
            "\"starts and ends\"",
            R"(a """ in the middle)",
            "ends with a backslash\\",
            "\\\"",
            "\\\\\"\"\"",
            "line\nbreaks\n\nand paragraphs\n",
            "\nleading newline",
            "\n\n",
            "windows\r\nline\r\nendings",
            "tab\tand\vvertical tab",
            std::string("nul\0inside", 10),
            "\x01\x02\x03\x1b[31mred\x1b[0m\x7f",
            "emoji 👀 and 👩‍🔬 and flags 🇩🇰",
            "bidi \u202Eevil\u202C and \u2066isolate\u2069",
            "separators \u2028 \u2029 bom \uFEFF c1 \u0085 \u009F",
            "no-break\u00A0space and zero\u200Bwidth",
            "trailing quote before newline\"\n",
            "'single' quotes ''' too",
            "# not a comment",
            "[[episode]]\ncode = \"S01E01\"",
            "\\u0041 is not an escape here",
            "${not} {{a}} %s template",
        };
        for (const std::string& v : values) {
            CAPTURE(v);
            round_trips(v);
        }
    }
    SUBCASE("every ASCII character") {
        std::string all;
        for (int c = 0; c < 128; ++c) {
            all.push_back(static_cast<char>(c));
        }
        round_trips(all);
    }
    SUBCASE("random strings of tricky pieces") {
        const std::vector<std::string> pieces = {"\"",   "\"\"", "\\", "\n", "\r", "\r\n",   "\t",
                                                 "'",    "a",    " ",  "👀",  "é",  "\u202E", std::string(1, '\0'),
                                                 "\x1f", "\x7f"};
        std::mt19937 rng(20260201); // fixed seed: the same strings every run
        std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
        std::uniform_int_distribution<int> length(0, 12);
        for (int i = 0; i < 2000; ++i) {
            std::string v;
            for (int n = length(rng); n > 0; --n) {
                v += pieces[pick(rng)];
            }
            CAPTURE(v);
            round_trips(v);
        }
    }
}

// The bounds on a TOML document's depth: exact limits, positions, never a misreading of a valid
// document (strings, comments and quoted keys hold brackets and dots that count for nothing), and
// documents far beyond the limits answered with an error instead of a crash.

#include "toml/toml_document.hpp"
#include "toml/toml_nesting.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace wtool;
using namespace wtool::toml_tree;

namespace {

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

// "a.a.a" for 3.
std::string dotted(std::size_t parts) {
    std::string out = "a";
    for (std::size_t i = 1; i < parts; ++i) {
        out += ".a";
    }
    return out;
}

// "line:column message", or "ok".
std::string verdict(std::string_view doc) {
    const std::optional<TooDeep> e = check_nesting(doc);
    return e ? fmt::format("{}:{} {}", e->pos.line, e->pos.column, e->message) : "ok";
}

const std::string too_many_parts = "key has more than 64 parts (wtool's limit)";
const std::string too_deep = "tables and arrays nested more than 512 deep (wtool's limit)";

} // namespace

TEST_CASE("toml nesting: keys have at most 64 parts") {
    SUBCASE("dotted keys") {
        CHECK(verdict(dotted(64) + " = 1\n") == "ok");
        CHECK(verdict("x = 1\n" + dotted(65) + " = 1\n") == "2:1 " + too_many_parts);
        CHECK(verdict("  " + dotted(65) + " = 1\n") == "1:3 " + too_many_parts);
    }
    SUBCASE("table headers") {
        CHECK(verdict("[" + dotted(64) + "]\n[[" + dotted(63) + ".b]]\n") == "ok");
        CHECK(verdict("[" + dotted(65) + "]\n") == "1:2 " + too_many_parts);
        CHECK(verdict("[[ " + dotted(65) + " ]]\n") == "1:4 " + too_many_parts);
    }
    SUBCASE("keys in inline tables") {
        CHECK(verdict("x = { " + dotted(64) + " = 1 }\n") == "ok");
        CHECK(verdict("x = { b = 1, " + dotted(65) + " = 1 }\n") == "1:14 " + too_many_parts);
    }
    SUBCASE("quoted parts count one each, whatever they hold; blanks around dots are allowed") {
        CHECK(verdict("\"" + repeat("a.", 100) + "\" = 1\n") == "ok");
        CHECK(verdict("'" + repeat("[a].", 100) + "' = 1\n") == "ok");
        CHECK(verdict(repeat("\"a\\\".\" . 'b' .", 32) + " c = 1\n") == "1:1 " + too_many_parts); // 65 parts
        CHECK(verdict(repeat("\"a\\\".\" . 'b' .", 31) + " c.d = 1\n") == "ok");                  // 64 parts
    }
}

TEST_CASE("toml nesting: tables, arrays and inline tables nest at most 512 deep") {
    SUBCASE("arrays: `x = [` is at level 1") {
        CHECK(verdict("x = " + repeat("[", 512) + repeat("]", 512) + "\n") == "ok");
        CHECK(verdict("x = " + repeat("[", 513) + repeat("]", 513) + "\n") == "1:517 " + too_deep);
        CHECK(verdict("x = [1, [2, " + repeat("[", 600)) == "1:523 " + too_deep); // unclosed: still found
    }
    SUBCASE("arrays over several lines, with comments and trailing commas") {
        CHECK(verdict("x = " + repeat("[ # [[[[\n", 512) + repeat("1, ]\n,", 511) + "]\n") == "ok");
        CHECK(verdict("x = " + repeat("[ # [[[[\n", 513)) == "513:1 " + too_deep);
    }
    SUBCASE("inline tables") {
        CHECK(verdict("x = " + repeat("{a=", 512) + "1" + repeat("}", 512) + "\n") == "ok");
        CHECK(verdict("x = " + repeat("{a=", 513)) == fmt::format("1:{} {}", 4 + 3 * 512 + 1, too_deep));
    }
    SUBCASE("each part of a key is a level") {
        // [a.b] is at level 2, so x's array at 3, ...: 510 arrays reach level 512.
        CHECK(verdict("[a.b]\nx = " + repeat("[", 510)) == "ok");
        CHECK(verdict("[a.b]\nx = " + repeat("[", 511)) == "2:515 " + too_deep);
        // [[a]] is a level deeper than [a] (its array).
        CHECK(verdict("[[a]]\nx = " + repeat("[", 510)) == "ok");
        CHECK(verdict("[[a]]\nx = " + repeat("[", 511)) == "2:515 " + too_deep);
        // A dotted key's value: x.y.z = [ is at level 3.
        CHECK(verdict("x.y.z = " + repeat("[", 510)) == "ok");
        CHECK(verdict("x.y.z = " + repeat("[", 511)) == "1:519 " + too_deep);
    }
    SUBCASE("dotted keys inside nested inline tables, which toml++ does not count") {
        // An inline table is a level, and its key's parts 63 more, the last of them the next table:
        // the eighth table is at level 1 + 7 * 63 = 442 and its value at 505; the ninth table's
        // key goes beyond 512.
        const std::string level = "{" + dotted(63) + "=";
        CHECK(verdict("x = " + repeat(level, 8) + "1" + repeat("}", 8) + "\n") == "ok");
        CHECK(verdict("x = " + repeat(level, 9) + "1" + repeat("}", 9) + "\n") ==
              fmt::format("1:{} {}", 4 + 8 * level.size() + 2, too_deep)); // at the ninth table's key
        CHECK(verdict("x = " + repeat("{" + dotted(64) + "=", 250)).ends_with(too_deep));
    }
    SUBCASE("headers start again from the top") {
        CHECK(verdict(repeat("[" + dotted(64) + "]\nx = " + repeat("[", 400) + repeat("]", 400) + "\n", 5)) == "ok");
    }
}

TEST_CASE("toml nesting: strings and comments hold no structure") {
    const std::string brackets = repeat("[{", 1000);
    for (const std::string& doc : {
             "x = \"" + brackets + "\"\n",
             "x = '" + brackets + "'\n",
             "x = \"\\\"" + brackets + "\\\\\"\n",
             "x = \"\"\"\n" + brackets + "\n\"\" " + brackets + "\\\n  \"\"\"\"\"\n",
             "x = '''" + brackets + "\n''" + brackets + "'''''\n",
             "# " + brackets + "\nx = 1 # " + brackets + "\n",
             "x = [\"" + brackets + "\", '" + brackets + "', # " + brackets +
                 "\n  1.5e3, 2026-03-02 15:00:00, {a = true}]\n",
             "\"" + brackets + "\" = 1\n",
             "[\"" + brackets + "\"]\n",
         }) {
        CAPTURE(doc.substr(0, 40));
        CHECK(verdict(doc) == "ok");
    }
    // ...and they do not hide what follows them.
    CHECK(verdict("x = [\"]]]\", '}}}', \"\"\"\n]]]\"\"\", " + repeat("[", 600)) == "2:520 " + too_deep);
}

TEST_CASE("toml nesting: positions are toml++'s") {
    SUBCASE("columns count code points, lines count multi-line strings") {
        CHECK(verdict("é = \"ü\"\nx = \"\"\"\n\n\"\"\"\n  ö.é = 1\n" + dotted(65) + " = 1\n") ==
              "6:1 " + too_many_parts);
        CHECK(verdict("\"é\" = " + repeat("[", 513)) == "1:519 " + too_deep);
    }
    SUBCASE("a byte-order mark is no column, CR LF is a line end") {
        CHECK(verdict("\xEF\xBB\xBFx = " + repeat("[", 513)) == "1:517 " + too_deep);
        CHECK(verdict("a = 1\r\nb = 2\r\n" + dotted(65) + " = 1\r\n") == "3:1 " + too_many_parts);
    }
}

TEST_CASE("toml nesting: what the check does not understand it leaves to toml++") {
    for (const std::string_view doc : {"", "a = \n", "= 1\n", "[a\n", "a = \"unterminated\n", "a = [1 2]\n",
                                       "a = {b = 1,}\n", "]]]]\n", "a = 1 = 2\n", "\xEF\xBB\xBF"}) {
        CAPTURE(doc);
        CHECK(verdict(doc) == "ok");
    }
}

TEST_CASE("toml nesting: the catalogues in the repository are well within the limits") {
    int checked = 0;
    const std::filesystem::path root(WTOOL_SOURCE_DIR);
    std::vector<std::filesystem::path> paths{root / "data/episodes.toml"};
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "tests")) {
        // deep-key.toml goes beyond the limits on purpose (tests/cli/validate/deep-key.case).
        if (entry.path().extension() == ".toml" && entry.path().filename() != "deep-key.toml") {
            paths.push_back(entry.path());
        }
    }
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        CAPTURE(path.string());
        CHECK(verdict(s.str()) == "ok");
        ++checked;
    }
    CHECK(checked >= 10);
}

TEST_CASE("toml nesting: documents far beyond the limits are a syntax error, not a crash") {
    // Each of these overflowed the stack in toml++ (or in the walks of its tree) before the check.
    const std::string minimal = "[series]\ntitle = \"T\"\n";
    for (const Parser parser : {Parser::automatic, Parser::toml_plus_plus}) {
        for (const auto& [doc, expected] : {
                 std::pair{minimal + dotted(50'000) + " = 1\n", "3:1 " + too_many_parts},
                 std::pair{minimal + "[" + dotted(50'000) + "]\n", "3:2 " + too_many_parts},
                 std::pair{minimal + "[[" + dotted(50'000) + "]]\n", "3:3 " + too_many_parts},
                 // [series] is at level 1, so x's table at 2; each table's key adds 64 levels, so
                 // the eighth table is at 450 and its key's tables would reach 513.
                 std::pair{minimal + "x = " + repeat("{" + dotted(64) + "=", 250) + "1" + repeat("}", 250) + "\n",
                           fmt::format("3:{} {}", 4 + 7 * 129 + 2, too_deep)},
                 std::pair{minimal + "x = " + repeat("[", 1'000'000), "3:516 " + too_deep},
             }) {
            const auto parsed = parse_document(doc, "deep.toml", parser);
            REQUIRE_FALSE(parsed.has_value());
            CHECK(fmt::format("{}:{} {}", parsed.error().pos.line, parsed.error().pos.column, parsed.error().message) ==
                  expected);
        }
    }
}

TEST_CASE("toml nesting: the fast parser leaves headers of more than 64 parts to the check") {
    const std::string within = "[" + dotted(64) + "]\nx = 1\n";
    const auto parsed = parse_document(within, "t.toml");
    REQUIRE(parsed.has_value());
    CHECK(*parsed == *parse_document(within, "t.toml", Parser::toml_plus_plus));
    const auto beyond = parse_document("[" + dotted(65) + "]\nx = 1\n", "t.toml");
    REQUIRE_FALSE(beyond.has_value());
    CHECK(beyond.error().message == too_many_parts);
}

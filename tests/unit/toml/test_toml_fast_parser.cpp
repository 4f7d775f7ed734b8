// The fast TOML parser either declines a document or returns exactly what toml++ returns,
// positions included. Checked on every catalogue in the repository, on one document per
// construct, on invalid documents, and on thousands of mutations of documents that use every
// construct (WTOOL_FUZZ_ITERATIONS sets how many; the default keeps the suite quick).

#include "support/text.hpp"
#include "toml/toml_document.hpp"
#include "toml/toml_fast_parser.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <initializer_list>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace wtool::toml_tree;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return std::move(s).str();
}

// A readable form of a tree, with every position, for failure messages.
void dump(const Node& n, std::string& out, int indent) {
    const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
    out += fmt::format("@{}:{} ", n.pos().line, n.pos().column);
    if (const Table* t = n.as_table()) {
        out += "table\n";
        for (const Entry& e : t->entries()) {
            out += fmt::format("{}  {} (key @{}:{}) = ", pad, e.key.view(), e.key_pos.line, e.key_pos.column);
            dump(e.value, out, indent + 1);
        }
    } else if (const Array* a = n.as_array()) {
        out += "array\n";
        for (const Node& item : a->items()) {
            out += pad + "  - ";
            dump(item, out, indent + 1);
        }
    } else if (const std::string_view* s = n.as_string()) {
        out += fmt::format("string {:?}\n", *s);
    } else if (const std::int64_t* i = n.as_integer()) {
        out += fmt::format("integer {}\n", *i);
    } else if (const double* d = n.as_floating_point()) {
        out += fmt::format("float {}\n", *d);
    } else if (const bool* b = n.as_boolean()) {
        out += fmt::format("bool {}\n", *b);
    } else if (const Date* dt = n.as_date()) {
        out += fmt::format("date {}-{}-{}\n", dt->year, dt->month, dt->day);
    } else if (const Time* tm = n.as_time()) {
        out += fmt::format("time {}:{}:{}.{}\n", tm->hour, tm->minute, tm->second, tm->nanosecond);
    } else if (const DateTime* v = n.as_date_time()) {
        out += fmt::format("date-time {}-{}-{} {}:{}:{}.{} offset {}\n", v->date.year, v->date.month, v->date.day,
                           v->time.hour, v->time.minute, v->time.second, v->time.nanosecond,
                           v->offset_minutes ? std::to_string(*v->offset_minutes) : "local");
    }
}

std::string dump(const Node& n) {
    std::string out;
    dump(n, out, 0);
    return out;
}

std::optional<Node> by_toml_plus_plus(std::string_view doc) {
    auto parsed = parse_document(doc, "test.toml", Parser::toml_plus_plus);
    if (!parsed) {
        return std::nullopt;
    }
    return std::move(*parsed);
}

// The one property: when the fast parser accepts, toml++ accepts too and gives the same tree.
// Returns whether the fast parser accepted.
bool agrees(std::string_view doc) {
    const std::optional<Node> fast = parse_fast(doc);
    if (!fast) {
        return false;
    }
    const std::optional<Node> reference = by_toml_plus_plus(doc);
    INFO("document:\n", std::string(doc));
    REQUIRE_MESSAGE(reference.has_value(), "the fast parser accepted a document toml++ rejects");
    INFO("fast parser:\n", dump(*fast), "\ntoml++:\n", dump(*reference));
    REQUIRE(*fast == *reference);
    return true;
}

// Every construct the fast parser handles, in one document (also the seed for mutations).
constexpr std::string_view everything = R"toml(# A comment with é and 👀 and a	tab
title = "Datasets through the L👀king-Glass"   # after a value
"quoted key" = 'literal \ string'
'literal key' = "escapes: \" \\ \b \t \n \f \r \u00e9 \U0001F440 end"
bare-key_1 = 42
negative = -17
plus = +99
underscores = 1_000_000
zero = 0
big = 9223372036854775807
small = -9223372036854775808
yes = true
no = false
day = 2026-03-02
leap = 2024-02-29
at = 15:00:00
local = 2026-03-02T15:00:00
spaced = 2026-03-02 15:00:00
utc = 2026-03-02T14:00:00Z
lower = 2026-03-02t14:00:00z
offset = 2026-03-02T15:00:00+01:00
west = 2026-03-02T09:00:00-05:30
empty = ""
empty_literal = ''
list = [1, 2, 3]
strings = ["a", 'b', """c""", '''d''']
nested = [[1, 2], ["x"], [], [[true]]]
multi_line_list = [
  "one", # comment
  "two",

  "three",
]
inline = { a = 1, "b c" = "x", d = { e = [1, { f = 2 }] } }
empty_inline = {}
tables = [{ name = "a" }, { name = "b" }]

[series]
text = """
First line
  indented, "quoted", ""two quotes"" and a trailing backslash \
    joins this line.
Tab	inside, escapes \u00e9 \t done."""
ml_literal = '''
raw \n text with 'quotes' and ''two'''
ends_with_quotes = """x"""""
ends_with_literal_quotes = '''y'''''
empty_ml = """"""
backslash_first = """\
  trimmed"""

  [ series . "sub table" ]   # header with spaces and a quoted part
  key = 1

[[series.organiser]]
name = "A"
[[series.organiser]]
name = "B"
[series.organiser.contact]
email = "b@example.org"

[a.b.c]
deep = true
[a]
defined_later = 1
[a.b]
also = 2

[[episode]]
code = "S01E01"
[[episode.speaker]]
name = "Zając"
[[episode.speaker]]
name = "Jiménez-Sánchez"
[episode.extra]
x = 1
[[episode]]
code = "S01E02"
[[episode.speaker]]
name = "Müller"
)toml";

std::vector<std::filesystem::path> repository_catalogues() {
    std::vector<std::filesystem::path> out{std::filesystem::path(WTOOL_SOURCE_DIR) / "data/episodes.toml"};
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::filesystem::path(WTOOL_SOURCE_DIR) / "tests")) {
        if (entry.path().extension() == ".toml") {
            out.push_back(entry.path());
        }
    }
    return out;
}

} // namespace

TEST_CASE("the fast parser reads every construct it handles exactly as toml++ does") {
    CHECK(agrees(everything));
}

TEST_CASE("the fast parser's strings are views of the source unless they had escapes") {
    const std::string doc = "plain = \"Zając\"\nliteral = 'C:\\path'\nmulti = \"\"\"\nline one\nline two\"\"\"\n"
                            "escaped = \"a\\tb\"\nfolded = \"\"\"\\\n  joined\"\"\"\n"
                            "items = [\"x\", \"y\\u00e9\", \"z\"]\n";
    const std::optional<Node> root = parse_fast(doc);
    REQUIRE(root);
    const auto in_source = [&doc](const std::string_view* s) {
        return s != nullptr && s->data() >= doc.data() && s->data() + s->size() <= doc.data() + doc.size();
    };
    const Table& t = *root->as_table();
    CHECK(in_source(t.get("plain")->as_string()));
    CHECK(in_source(t.get("literal")->as_string()));
    CHECK(in_source(t.get("multi")->as_string()));
    CHECK(*t.get("multi")->as_string() == "line one\nline two");
    CHECK_FALSE(in_source(t.get("escaped")->as_string()));
    CHECK(*t.get("escaped")->as_string() == "a\tb");
    CHECK_FALSE(in_source(t.get("folded")->as_string()));
    CHECK(*t.get("folded")->as_string() == "joined");
    // Decoded strings keep their text when the nodes holding them move (the array grew).
    const auto& items = t.get("items")->as_array()->items();
    REQUIRE(items.size() == 3);
    CHECK(*items[1].as_string() == "yé");
    CHECK(in_source(items[0].as_string()));
    CHECK(in_source(items[2].as_string()));
}

TEST_CASE("the fast parser agrees with toml++ on every catalogue in the repository") {
    int accepted = 0;
    int valid = 0;
    for (const auto& path : repository_catalogues()) {
        std::string doc = slurp(path);
        if (!wtool::text::is_valid_utf8(doc)) {
            continue;
        }
        if (doc.starts_with(wtool::text::byte_order_mark)) { // the loader reads past it
            doc.erase(0, wtool::text::byte_order_mark.size());
        }
        CAPTURE(path.string());
        valid += by_toml_plus_plus(doc).has_value();
        accepted += agrees(doc);
    }
    CHECK(agrees(slurp(std::filesystem::path(WTOOL_SOURCE_DIR) / "data/episodes.toml")));
    CHECK(valid >= 10);
    CHECK(accepted == valid); // every valid catalogue here is in the fast parser's reach
}

TEST_CASE("the fast parser leaves what it does not handle to toml++") {
    for (const std::string_view doc : {
             "a = 1.5\n", "a = 1e3\n", "a = inf\n", "a = nan\n", "a = 0x1F\n", "a = 0o17\n", "a = 0b101\n",
             "a.b = 1\n",          // dotted key
             "a = { b.c = 1 }\n",  // dotted key in an inline table
             "a = 1\r\nb = 2\r\n", // CR LF line ends
             "\xEF\xBB\xBF"
             "a = 1\n",          // byte-order mark
             "t = 15:00:00.5\n", // fraction of a second
             "d = 2026-03-02T15:00:00.123Z\n",
             "s = \"\\u0000\"\n", // escaped control character
         }) {
        CAPTURE(doc);
        CHECK_FALSE(parse_fast(doc).has_value());
        auto parsed = parse_document(doc, "test.toml");
        REQUIRE(parsed.has_value()); // toml++ reads them
        CHECK(*parsed == *by_toml_plus_plus(doc));
    }
}

TEST_CASE("the fast parser declines invalid TOML, so toml++ reports the error") {
    for (const std::string_view doc : {
             "a = 1\na = 2\n",             // duplicate key
             "[a]\n[a]\n",                 // table defined twice
             "[a.b]\nx = 1\n[a]\nb = 1\n", // key clashes with an implied table
             "a = 1\n[a]\n",               // a value used as a table
             "a = []\n[[a]]\n",            // appending to a static array
             "[a]\n[[a]]\n",               // a table used as an array of tables
             "[[a]]\n[a]\n",               // an array of tables used as a table
             "a = {b = 1}\n[a.c]\n",       // extending an inline table
             "a = {b = 1, b = 2}\n",       // duplicate key in an inline table
             "a = {b = 1,}\n",             // trailing comma in an inline table
             "a = {b = 1,\nc = 2}\n",      // line end in an inline table
             "a = \"unterminated\n",       // line end in a basic string
             "a = \"x \\\n  y\"\n",        // a line-ending backslash outside a multi-line string
             "a = 'unterminated\n",
             "a = \"\"\"never closed\n",
             "a = '''never closed\n",
             "a = \"bad \\q escape\"\n",
             "a = \"\\uD800\"\n",
             "a = \"\\U00110000\"\n",
             "a = \"\\u12\"\n",
             "a = \"tab\x01\"\n",
             "# comment \x7F\n",
             "a = '\x1F'\n",
             "a = 2023-02-29\n",
             "a = 2026-13-01\n",
             "a = 2026-00-10\n",
             "a = 2026-04-31\n",
             "a = 24:00:00\n",
             "a = 12:60:00\n",
             "a = 12:00:60\n",
             "a = 2026-03-02T15:00:00+24:00\n",
             "a = 012\n",
             "a = 1__0\n",
             "a = _1\n",
             "a = 1_\n",
             "a = 9223372036854775808\n",
             "a = -9223372036854775809\n",
             "a = 12abc\n",
             "a = truex\n",
             "a = tru\n",
             "a = \n",
             "a\n",
             "= 1\n",
             "a = 1 b = 2\n",
             "a = [1 2]\n",
             "a = [1,,2]\n",
             "a = [,]\n",
             "a = [1\n",
             "[a\n",
             "[[a]\n",
             "[a]]\n",
             "[]\n",
             "[a.]\n",
             "[ [a] ]\n",
             "a = \"\"\"x\"\"\"\"\"\"\n",
             "é = 1\n",
         }) {
        CAPTURE(doc);
        CHECK_FALSE(parse_fast(doc).has_value());
        CHECK_FALSE(by_toml_plus_plus(doc).has_value());
    }
}

TEST_CASE("the fast parser agrees with toml++ on mutated documents") {
    // Byte-level mutations of documents that use every construct and of the tests' small
    // catalogues: most mutants are invalid or
    // outside the fast parser's reach; every mutant it accepts must equal toml++'s reading.
    std::vector<std::string> seeds = {std::string(everything)};
    for (const auto& path : repository_catalogues()) {
        if (std::filesystem::file_size(path) < 4096) {
            seeds.push_back(slurp(path)); // the small catalogues of the tests, broken ones included
        }
    }
    constexpr std::string_view alphabet = "\"'[]{}=,.#\n\\ \t tTzZ:+-_019eE aé\x7f";
    int iterations = 3000;
    if (const char* env = std::getenv("WTOOL_FUZZ_ITERATIONS")) {
        iterations = std::atoi(env);
    }
    std::mt19937 rng(20261127);
    int accepted = 0;
    for (int i = 0; i < iterations; ++i) {
        std::string doc = seeds[static_cast<std::size_t>(i) % seeds.size()];
        const int edits = 1 + static_cast<int>(rng() % 3);
        for (int e = 0; e < edits && !doc.empty(); ++e) {
            const std::size_t at = rng() % doc.size();
            switch (rng() % 4) {
            case 0: doc.erase(at, 1 + rng() % 3); break;
            case 1: doc.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
            case 2: doc[at] = alphabet[rng() % alphabet.size()]; break;
            default: { // repeat a line elsewhere
                const std::size_t start = doc.rfind('\n', at) == std::string::npos ? 0 : doc.rfind('\n', at) + 1;
                const std::size_t end = doc.find('\n', at);
                const std::string line = doc.substr(start, end == std::string::npos ? end : end - start + 1);
                doc.insert(rng() % doc.size(), line);
            }
            }
        }
        if (!wtool::text::is_valid_utf8(doc)) {
            continue; // the loader reports invalid UTF-8 before any parser runs
        }
        accepted += agrees(doc);
    }
    MESSAGE(fmt::format("{} of {} mutants accepted by the fast parser", accepted, iterations));
    CHECK(accepted > iterations / 20); // the mutations reach the fast parser's accepting paths
}

TEST_CASE("the fast parser finds quotes, escapes and line ends at every offset of a string") {
    // Strings are scanned eight bytes at a time: put each special character at every
    // offset of several blocks.
    for (std::size_t at = 0; at < 40; ++at) {
        const std::string before(at, 'x');
        const std::string after(40 - at, 'y');
        for (const std::string& doc : {
                 "a = \"" + before + "\\\"" + after + "\"\n",      // escaped quote
                 "a = \"" + before + "\\\\" + after + "\"\n",      // escaped backslash
                 "a = \"" + before + "\t\u00e9'" + after + "\"\n", // tab, non-ASCII, the other quote
                 "a = \"" + before + "\"\n",                       // the closing quote itself
                 "a = '" + before + "\"\\" + after + "'\n",        // literal: quote and backslash are text
                 "a = '''" + before + "'" + after + "'''\n",
                 "a = \"\"\"\n" + before + "\n\"" + after + "\"\"\"\n",
             }) {
            CAPTURE(doc);
            CHECK(agrees(doc)); // accepted, and equal to toml++'s reading
        }
        CHECK_FALSE(parse_fast("a = \"" + before + "\x01" + after + "\"\n").has_value());
        CHECK_FALSE(parse_fast("a = \"" + before + "\x1F" + after + "\"\n").has_value()); // the last control
        CHECK_FALSE(parse_fast("a = \"" + before + "\x7F" + after + "\"\n").has_value());
        CHECK_FALSE(parse_fast("a = '" + before + "\n" + after + "'\n").has_value());
    }
}

namespace {

// Random documents built from TOML's grammar (keys, headers, every kind of value, with valid and
// invalid variants), so that tables, arrays of tables and keys meet in many combinations.
class DocumentGenerator {
  public:
    explicit DocumentGenerator(std::uint32_t seed) : rng_(seed) {}

    std::string document() {
        std::string out;
        const int lines = 1 + pick(12);
        for (int i = 0; i < lines; ++i) {
            const int r = pick(100);
            if (r < 30) {
                const bool array = pick(10) < 4;
                out += one_of({"", "  ", "\t"}) + (array ? "[[" : "[") + one_of({"", " "}) + path(3) +
                       one_of({"", " "}) + (array ? "]]" : "]") + one_of({"", " # h"});
            } else if (r < 35) {
                out += one_of({"", "# comment é", "   "});
            } else {
                out += one_of({"", " "}) + (pick(10) == 0 ? path(2) : key()) + one_of({"=", " = ", "\t=\t"}) +
                       value(0) + one_of({"", " # c", "  "});
            }
            out += '\n';
        }
        return out;
    }

  private:
    int pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint32_t>(n)); }
    std::string one_of(std::initializer_list<std::string_view> choices) {
        return std::string(choices.begin()[pick(static_cast<int>(choices.size()))]);
    }
    std::string repeat(std::initializer_list<std::string_view> parts, int most) {
        std::string out;
        for (int i = pick(most + 1); i > 0; --i) {
            out += one_of(parts);
        }
        return out;
    }
    std::string key() { return one_of({"a", "b", "c", "\"q k\"", "'lit'", "\"a\"", "x-y", "1", "\"é\"", "\"\""}); }
    std::string path(int most) {
        std::string out = key();
        for (int i = pick(most); i > 0; --i) {
            out += one_of({".", " . "}) + key();
        }
        return out;
    }
    std::string value(int depth) {
        const int r = pick(100);
        if (depth < 3 && r < 12) {
            std::string out = "[" + one_of({"", "\n", " "});
            for (int i = pick(4); i > 0; --i) {
                out += value(depth + 1) + (i > 1 ? one_of({", ", ",", ",\n  ", " , # c\n"}) : "");
            }
            return out + one_of({"", ",", " ", "\n"}) + "]";
        }
        if (depth < 3 && r < 20) {
            std::string out = "{" + one_of({"", " "});
            for (int i = pick(4); i > 0; --i) {
                out += key() + " = " + value(depth + 1) + (i > 1 ? ", " : "");
            }
            return out + one_of({"", " "}) + "}";
        }
        switch (pick(9)) {
        case 0:
        case 1:
            return "\"" +
                   repeat({"x", " ", "é", "👀", "\\\"", "\\\\", "\\n", "\\t", "\\u00e9", "\\U0001F440", "'", "\t", "#",
                           "\\b", "\\f", "\\r", "\\q", "\\u0001"},
                          6) +
                   "\"";
        case 2:
            return "\"\"\"" + one_of({"", "\n"}) +
                   repeat({"x", "\n", " ", "\"", "\"\"", "é", "\\\n   ", "\\  \n\n ", "\\\"", "\\\\", "\t", "'"}, 8) +
                   one_of({"", "\"", "\"\""}) + "\"\"\"";
        case 3: return "'" + repeat({"x", " ", "\"", "\\", "é", "\t"}, 5) + "'";
        case 4:
            return "'''" + one_of({"", "\n"}) + repeat({"x", "\n", "'", "''", "\\", "é"}, 6) + one_of({"", "'", "''"}) +
                   "'''";
        case 5:
            return one_of({"0", "1", "42", "1_000", "-7", "+3", "9223372036854775807", "-9223372036854775808", "007",
                           "1__2", "12_", "-0", "+0", "1.5", "0x1F"});
        case 6: {
            std::string date = one_of({"2024", "2023", "1979", "0001", "9999"}) + "-" +
                               one_of({"01", "02", "12", "13"}) + "-" + one_of({"01", "28", "29", "30", "31"});
            if (pick(10) < 4) {
                return date;
            }
            return date + one_of({"T", "t", " "}) +
                   one_of({"00:00:00", "23:59:59", "07:32:00", "24:00:00", "12:60:00"}) +
                   one_of({"", "Z", "z", "+01:00", "-05:30", "+23:59", "+24:00", ".5"});
        }
        case 7: return one_of({"07:32:00", "00:00:00", "23:59:59", "24:00:00", "07:32"});
        default: return one_of({"true", "false"});
        }
    }

    std::mt19937 rng_;
};

} // namespace

TEST_CASE("the fast parser agrees with toml++ on generated documents") {
    int iterations = 3000;
    if (const char* env = std::getenv("WTOOL_FUZZ_ITERATIONS")) {
        iterations = std::atoi(env);
    }
    DocumentGenerator generate(20261127);
    int valid = 0;
    int accepted = 0;
    for (int i = 0; i < iterations; ++i) {
        const std::string doc = generate.document();
        valid += by_toml_plus_plus(doc).has_value();
        accepted += agrees(doc);
    }
    MESSAGE(
        fmt::format("{} of {} generated documents valid, {} accepted by the fast parser", valid, iterations, accepted));
    CHECK(accepted > valid / 2); // most valid documents are within the fast parser's reach
}

#include "toml/toml_value_span.hpp"

#include <doctest/doctest.h>
#include <string>

using wtool::toml_text::value_end;

namespace {

// The value text after "k = " up to where value_end says it ends.
std::string value_of(const std::string& line) {
    const std::size_t begin = line.find("= ") + 2;
    const auto end = value_end(line, begin);
    return end ? line.substr(begin, *end - begin) : "<none>";
}

} // namespace

TEST_CASE("the end of a TOML value") {
    CHECK(value_of("k = 42\n") == "42");
    CHECK(value_of("k = 42  # answer\n") == "42");
    CHECK(value_of("k = true\n") == "true");
    CHECK(value_of("k = 2026-03-02\n") == "2026-03-02");
    CHECK(value_of("k = 2026-03-02T15:00:00+01:00 # c\n") == "2026-03-02T15:00:00+01:00");
    CHECK(value_of("k = 1979-05-27 07:32:00\n") == "1979-05-27 07:32:00");
    CHECK(value_of("k = 1979-05-27 # a comment\n") == "1979-05-27");
    CHECK(value_of("k = 15:00:00\n") == "15:00:00");
    CHECK(value_of("k = \"a \\\" # b\" # c\n") == "\"a \\\" # b\"");
    CHECK(value_of("k = 'C:\\path' # c\n") == "'C:\\path'");
    CHECK(value_of("k = \"\"\"\nline \"\"\n\\\"\"\" x\"\"\"\"\" # c\n") == "\"\"\"\nline \"\"\n\\\"\"\" x\"\"\"\"\"");
    CHECK(value_of("k = '''\na ''' # c\n") == "'''\na '''");
    CHECK(value_of("k = [1, [2, \"]\"], # c ]\n 3]\n") == "[1, [2, \"]\"], # c ]\n 3]");
    CHECK(value_of("k = { a = \"}\", b = [1] } # c\n") == "{ a = \"}\", b = [1] }");
    CHECK(value_of("k = \"open\n") == "<none>");
    CHECK(value_of("k = [1, 2\n") == "<none>");
    CHECK(value_of("k = ]\n") == "<none>");
    CHECK(!value_end("k = 1", 99));
}

TEST_CASE("deep arrays cost no stack") {
    const std::string deep = "k = " + std::string(100000, '[') + std::string(100000, ']') + "\n";
    CHECK(value_end(deep, 4) == deep.size() - 1);
}

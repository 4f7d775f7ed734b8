#include "toml_write.hpp"

#include <doctest/doctest.h>
#include <toml++/toml.h>

using namespace wtool;

namespace {
// Writes `value` with quote() and reads it back with toml++.
std::string round_trip(std::string_view value) {
    const toml::table t = toml::parse("k = " + toml_write::quote(value));
    return std::string(t["k"].value<std::string>().value_or("<not a string>"));
}
} // namespace

TEST_CASE("TOML string quoting") {
    SUBCASE("plain text and emoji are written as they are") {
        CHECK(toml_write::quote("Data Matters") == "\"Data Matters\"");
        CHECK(toml_write::quote("L👀king-Glass") == "\"L👀king-Glass\"");
        CHECK(toml_write::quote("") == "\"\"");
    }
    SUBCASE("quotes, backslashes and control characters are escaped") {
        CHECK(toml_write::quote("say \"hi\"") == R"("say \"hi\"")");
        CHECK(toml_write::quote(R"(C:\path)") == R"("C:\\path")");
        CHECK(toml_write::quote("a\nb\tc\r") == R"("a\nb\tc\r")");
        CHECK(toml_write::quote(std::string_view("\x01\x1f\x7f", 3)) == R"("\u0001\u001F\u007F")");
        CHECK(toml_write::quote(std::string_view("nul\0x", 5)) == R"("nul\u0000x")");
    }
    SUBCASE("malformed UTF-8 becomes U+FFFD") {
        CHECK(toml_write::quote("a\xff"
                                "b") == "\"a\uFFFDb\"");
    }
    SUBCASE("hostile values read back unchanged") {
        for (const std::string_view v :
             {std::string_view("\"\"\" triple quotes \"\"\""), std::string_view("back\\slash \\n not a newline"),
              std::string_view("line one\nline two\n"), std::string_view("# not a comment"),
              std::string_view("'single' and ''' literal'''"), std::string_view("[section]\nkey = \"injected\""),
              std::string_view("tab\there 👀 \u00e9\u200b")}) {
            CAPTURE(v);
            CHECK(round_trip(v) == v);
        }
    }
    SUBCASE("arrays of strings") {
        const std::vector<std::string> zones = {"America/New_York", "Asia/Kolkata"};
        CHECK(toml_write::string_array(zones) == R"(["America/New_York", "Asia/Kolkata"])");
        CHECK(toml_write::string_array({}) == "[]");
    }
    SUBCASE("bare keys") {
        CHECK(toml_write::is_bare_key("start_time"));
        CHECK(toml_write::is_bare_key("a-b_9"));
        CHECK_FALSE(toml_write::is_bare_key(""));
        CHECK_FALSE(toml_write::is_bare_key("a b"));
        CHECK_FALSE(toml_write::is_bare_key("é"));
    }
}

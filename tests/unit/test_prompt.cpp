#include "prompt.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace wtool;

TEST_CASE("prompting") {
    std::ostringstream shown;
    SUBCASE("an answer is trimmed; an empty one takes the default") {
        std::istringstream in("  Data Matters  \n\n");
        Prompter p(in, shown);
        CHECK(p.ask("Series title") == "Data Matters");
        CHECK(p.ask("Minutes", "60") == "60");
        CHECK(shown.str() == "Series title: Minutes [60]: ");
    }
    SUBCASE("the end of the input gives nullopt") {
        std::istringstream in("");
        Prompter p(in, shown);
        CHECK_FALSE(p.ask("Series title").has_value());
    }
    SUBCASE("ask_valid asks again after each error") {
        std::istringstream in("abc\n0\n90\n");
        Prompter p(in, shown);
        const auto parse = [](const std::string &s) -> std::expected<int, std::string> {
            if (s == "90") {
                return 90;
            }
            return std::unexpected("'" + s + "' is not 90");
        };
        CHECK(p.ask_valid("Minutes", "60", parse) == 90);
        CHECK(shown.str() == "Minutes [60]:   'abc' is not 90\nMinutes [60]:   '0' is not 90\nMinutes [60]: ");
    }
}

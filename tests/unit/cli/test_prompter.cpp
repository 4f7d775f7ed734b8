#include "cli/prompter.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace wtool;

TEST_CASE("prompting") {
    std::istringstream in;
    std::ostringstream out;
    Prompter p(in, out);
    SUBCASE("one line: answer, default, clear, end of input") {
        in.str("Ada\n\n-\n-\n");
        CHECK(p.line("Name") == "Ada");
        CHECK(p.line("Country", "UK") == "UK");
        CHECK(p.line("Honorific", "Dr.", Clearable::yes) == "");
        CHECK(p.line("Required", "x") == "-"); // '-' clears optional fields only
        CHECK(p.line("More") == std::nullopt);
        CHECK(out.str() == "Name: Country [UK]: Honorific [Dr.]: Required [x]: More: \n");
    }
    SUBCASE("a last line without a newline and CRLF answers") {
        in.str("one\r\ntwo");
        CHECK(p.line("A") == "one");
        CHECK(p.line("B") == "two");
    }
    SUBCASE("multi-line text ends at an empty line") {
        in.str("first line\nsecond line\n\nnext answer\n");
        CHECK(p.text("Abstract") == "first line\nsecond line");
        CHECK(p.line("Next") == "next answer");
        CHECK(out.str() == "Abstract; end with an empty line or Ctrl-D:\nNext: ");
    }
    SUBCASE("multi-line text ends at end of input") {
        in.str("only line\nno newline at the end");
        CHECK(p.text("Bio") == "only line\nno newline at the end");
    }
    SUBCASE("multi-line text: empty keeps the default, '-' clears it") {
        in.str("\n-\n");
        CHECK(p.text("Bio", "old bio") == "old bio");
        CHECK(p.text("Bio", "old bio") == "");
        CHECK(p.text("Bio", "old bio") == "old bio"); // end of input at once
        CHECK(out.str().starts_with("Bio (empty line: keep the current text; '-': none); end with"));
    }
    SUBCASE("yes or no") {
        in.str("\nY\nno\nmaybe\nyes\n");
        CHECK(p.yes_no("Add?", true) == true);
        CHECK(p.yes_no("Add?", false) == true);
        CHECK(p.yes_no("Add?", true) == false);
        CHECK(p.yes_no("Add?", false) == true);
        CHECK(p.yes_no("Add?", false) == std::nullopt);
        CHECK(out.str() == "Add? [Y/n]: Add? [y/N]: Add? [Y/n]: Add? [y/N]: please answer y or n\n"
                           "Add? [y/N]: Add? [y/N]: \n");
    }
    SUBCASE("messages end with a newline") {
        p.say("hello");
        p.say("there\n");
        CHECK(out.str() == "hello\nthere\n");
    }
}

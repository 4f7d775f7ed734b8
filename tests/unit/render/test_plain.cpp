#include "render/plain.hpp"

#include <doctest/doctest.h>

using namespace wtool;

TEST_CASE("one-line values") {
    CHECK(plain::one_line("  a\tb \n c  ") == "a b c");
    CHECK(plain::one_line("line\r\nbreak") == "line break");
    CHECK(plain::one_line("a\u2028b\u2029c\u0085d") == "a b c d");
    CHECK(plain::one_line("bell\x07 and\x7f del") == "bell and del");
    CHECK(plain::one_line("no\u00a0break kept") == "no\u00a0break kept");
    CHECK(plain::one_line("") == "");
    CHECK(plain::one_line(" \n ") == "");
}

TEST_CASE("paragraphs") {
    CHECK(plain::paragraphs("one\ntwo\n\n\nthree  \n") == std::vector<std::string>{"one two", "three"});
    CHECK(plain::paragraphs("a\n \t \nb") == std::vector<std::string>{"a", "b"});
    CHECK(plain::paragraphs("a\u2029b") == std::vector<std::string>{"a", "b"});
    CHECK(plain::paragraphs("\n\n").empty());
    CHECK(plain::paragraph_text("p1 line\ncontinued\n\np2") == "p1 line continued\n\np2");
}

TEST_CASE("URLs as one token") {
    CHECK(plain::url_token(" https://x.example/a b ") == "https://x.example/a%20b");
    CHECK(plain::url_token("https://x.example/a\nb") == "https://x.example/a%0Ab");
    CHECK(plain::url_token("https://x.example/(a)") == "https://x.example/(a)");
}

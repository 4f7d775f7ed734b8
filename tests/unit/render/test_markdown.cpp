#include "render/markdown.hpp"

#include <doctest/doctest.h>

using namespace wtool;

TEST_CASE("markdown: inline syntax is escaped") {
    CHECK(markdown::escape_line("**bold** _em_ `code`") == "\\*\\*bold\\*\\* \\_em\\_ \\`code\\`");
    CHECK(markdown::escape_line("a ] [b](c)") == "a \\] \\[b\\](c)");
    CHECK(markdown::escape_line("<script>x</script>") == "\\<script\\>x\\</script\\>");
    CHECK(markdown::escape_line("a|b $$x$$ \\") == "a\\|b \\$\\$x\\$\\$ \\\\");
    CHECK(markdown::escape_line("~~gone~~") == "&#126;&#126;gone&#126;&#126;");
    CHECK(markdown::escape_line("{{ site.title }} {% raw %}") == "&#123;&#123; site.title }} &#123;% raw %}");
    CHECK(markdown::escape_line("C# and F#") == "C\\# and F\\#");
}

TEST_CASE("markdown: character references are not read as such") {
    CHECK(markdown::escape_line("&copy; &#169; &#x1F440;") == "&amp;copy; &amp;\\#169; &amp;\\#x1F440;");
    CHECK(markdown::escape_line("Signal & Image, SGGSIE&T, a&b;") == "Signal & Image, SGGSIE&T, a&amp;b;");
}

TEST_CASE("markdown: block syntax at the start of a line is escaped") {
    CHECK(markdown::escape_line("# heading") == "\\# heading");
    CHECK(markdown::escape_line("- item") == "\\- item");
    CHECK(markdown::escape_line("+ item") == "\\+ item");
    CHECK(markdown::escape_line("=== setext") == "\\=== setext");
    CHECK(markdown::escape_line(": definition") == "\\: definition");
    CHECK(markdown::escape_line("> quote") == "\\> quote");
    CHECK(markdown::escape_line("1. first") == "1\\. first");
    CHECK(markdown::escape_line("2023) year") == "2023\\) year");
    CHECK(markdown::escape_line("3D imaging") == "3D imaging");
    CHECK(markdown::escape_line("Self-supervised - a talk") == "Self-supervised - a talk");
    CHECK(markdown::escape_line("    indented") == "indented");
}

TEST_CASE("markdown: line breaks cannot start a new block") {
    CHECK(markdown::escape_line("title\n# heading\n\n- item") == "title \\# heading - item");
    CHECK(markdown::escape_paragraphs("# one\nstill one\n\n- two\n\n    three") ==
          "\\# one still one\n\n\\- two\n\nthree");
    CHECK(markdown::escape_paragraphs("") == "");
}

TEST_CASE("markdown: URLs for link destinations") {
    CHECK(markdown::escape_url("https://www.youtube.com/watch?v=abc&list=x") ==
          "https://www.youtube.com/watch?v=abc&list=x");
    CHECK(markdown::escape_url("https://x.example/a b)c") == "https://x.example/a%20b%29c");
    CHECK(markdown::escape_url("https://x.example/<x>\"{y}|`^\\") == "https://x.example/%3Cx%3E%22%7By%7D%7C%60%5E%5C");
    CHECK(markdown::escape_url("https://x.example/a_b*c") == "https://x.example/a_b*c");
}

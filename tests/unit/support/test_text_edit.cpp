#include "support/text_edit.hpp"

#include <doctest/doctest.h>

using namespace wtool;

TEST_CASE("applying edits") {
    const std::string text = "a = 1\nb = 2\nc = 3\n";
    CHECK(apply_edits(text, {}) == text);
    CHECK(apply_edits(text, {{10, 11, "20"}, {4, 5, "10"}}) == "a = 10\nb = 20\nc = 3\n"); // any order
    CHECK(apply_edits(text, {{6, 12, ""}}) == "a = 1\nc = 3\n");
    CHECK(apply_edits(text, {{12, 12, "x = 9\n"}}) == "a = 1\nb = 2\nx = 9\nc = 3\n");
    CHECK(apply_edits(text, {{18, 18, "d = 4\n"}}) == text + "d = 4\n");
}

TEST_CASE("unified diff of edits") {
    std::string text;
    for (int i = 1; i <= 20; ++i) {
        text += "line " + std::to_string(i) + "\n";
    }
    const auto offset = [&](int line) { return text.find("line " + std::to_string(line) + "\n"); };

    SUBCASE("nothing changes") {
        CHECK(unified_diff(text, {}, "f.toml").empty());
        CHECK(unified_diff(text, {{offset(3), offset(3) + 4, "line"}}, "f.toml").empty()); // same bytes
    }
    SUBCASE("one value on one line, with three lines of context") {
        const std::size_t at = offset(10) + 5;
        CHECK(unified_diff(text, {{at, at + 2, "ten"}}, "f.toml") == "--- f.toml\n+++ f.toml\n"
                                                                    "@@ -7,7 +7,7 @@\n"
                                                                    " line 7\n line 8\n line 9\n"
                                                                    "-line 10\n+line ten\n"
                                                                    " line 11\n line 12\n line 13\n");
    }
    SUBCASE("an inserted line and a removed one, far apart: two hunks, the second renumbered") {
        const std::string diff =
            unified_diff(text, {{offset(2), offset(2), "new\n"}, {offset(15), offset(16), ""}}, "f.toml");
        CHECK(diff == "--- f.toml\n+++ f.toml\n"
                      "@@ -1,4 +1,5 @@\n line 1\n+new\n line 2\n line 3\n line 4\n"
                      "@@ -12,7 +13,6 @@\n line 12\n line 13\n line 14\n-line 15\n line 16\n line 17\n line 18\n");
    }
    SUBCASE("changes whose context touches share a hunk") {
        const std::string diff =
            unified_diff(text, {{offset(5), offset(6), "five\n"}, {offset(11), offset(12), "eleven\n"}}, "f");
        CHECK(diff.find("@@ -2,13 +2,13 @@\n") != std::string::npos);
        CHECK(diff.find("\n@@", diff.find("@@ -2")) == std::string::npos); // one hunk only
    }
    SUBCASE("two edits on one line are one change") {
        const std::string diff = unified_diff("a = 1, b = 2\n", {{4, 5, "7"}, {11, 12, "8"}}, "f");
        CHECK(diff == "--- f\n+++ f\n@@ -1,1 +1,1 @@\n-a = 1, b = 2\n+a = 7, b = 8\n");
    }
    SUBCASE("appending to a text without a final line break") {
        const std::string diff = unified_diff("a = 1", {{5, 5, "\nb = 2\n"}}, "f");
        CHECK(diff == "--- f\n+++ f\n@@ -1,1 +1,2 @@\n-a = 1\n\\ No newline at end of file\n+a = 1\n+b = 2\n");
    }
    SUBCASE("inserting at the end") {
        const std::string diff = unified_diff("a = 1\n", {{6, 6, "b = 2\n"}}, "f");
        CHECK(diff == "--- f\n+++ f\n@@ -1,1 +1,2 @@\n a = 1\n+b = 2\n");
    }
}

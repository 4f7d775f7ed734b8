#include "hygiene.hpp"

#include <doctest/doctest.h>

using namespace wtool;
using Kind = hygiene::Finding::Kind;

TEST_CASE("mojibake is found and repaired") {
    hygiene::Checker checker;
    SUBCASE("Mac Roman, as in the seed page") {
        const auto f = checker.check("Amelia Jim√©nez-S√°nchez", hygiene::Lines::single);
        REQUIRE(f.size() == 1);
        CHECK(f[0].kind == Kind::mojibake);
        CHECK(f[0].original == "Jim√©nez-S√°nchez");
        CHECK(f[0].repaired == "Jiménez-Sánchez");
        CHECK(f[0].charset == "Mac Roman");
        CHECK(f[0].offset == 10);
    }
    SUBCASE("an emoji garbled through Mac Roman") {
        CHECK(checker.repair("L\uF8FF\u00FC\u00EB\u00C4king-Glass") == "L👀king-Glass");
    }
    SUBCASE("Windows-1252") {
        const auto f = checker.check("Universit\u00C3\u00A9 Paris", hygiene::Lines::single);
        REQUIRE(f.size() == 1);
        CHECK(f[0].repaired == "Université");
        CHECK(f[0].charset == "Windows-1252");
    }
    SUBCASE("a zero-width space garbled through Mac Roman") {
        CHECK(checker.repair("metrics\u201A\u00C4\u00F6") != std::nullopt);
    }
    SUBCASE("correct text is left alone") {
        for (const char* ok : {"Jiménez-Sánchez", "São Paulo", "Zając", "Ελληνικά", "東京", "Université Paris-Saclay",
                               "«quoted»", "King’s College", "L👀king-Glass", "👩‍🔬 science", "naïve café"}) {
            CAPTURE(ok);
            CHECK(checker.check(ok, hygiene::Lines::single).empty());
        }
    }
}

TEST_CASE("invisible characters and blanks") {
    hygiene::Checker checker;
    SUBCASE("zero-width space") {
        const auto f = checker.check("Jiménez-Sánchez\u200B", hygiene::Lines::single);
        REQUIRE(f.size() == 1);
        CHECK(f[0].kind == Kind::invisible);
        CHECK(f[0].code_point == 0x200B);
        CHECK(hygiene::invisible_name(0x200B) == "ZERO WIDTH SPACE");
    }
    SUBCASE("a joiner inside an emoji sequence is fine, elsewhere it is not") {
        CHECK(checker.check("👩\u200D🔬", hygiene::Lines::single).empty());
        CHECK(checker.check("a\u200Db", hygiene::Lines::single).size() == 1);
    }
    SUBCASE("leading and trailing blanks") {
        const auto f = checker.check(" x ", hygiene::Lines::single);
        REQUIRE(f.size() == 2);
        CHECK(f[0].kind == Kind::leading_blank);
        CHECK(f[1].kind == Kind::trailing_blank);
        CHECK(checker.check("x\u00A0", hygiene::Lines::single).size() == 1);
    }
    SUBCASE("newlines") {
        CHECK(checker.check("a\nb", hygiene::Lines::single)[0].kind == Kind::newline);
        CHECK(checker.check("a\n\nb", hygiene::Lines::multi).empty());
        CHECK(checker.check("a  \nb", hygiene::Lines::multi)[0].kind == Kind::line_trailing_blank);
    }
    SUBCASE("control characters") {
        CHECK(checker
                  .check("a\x07"
                         "b",
                         hygiene::Lines::single)[0]
                  .kind == Kind::control);
    }
}

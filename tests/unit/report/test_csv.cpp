#include "report/csv.hpp"

#include <doctest/doctest.h>
#include <vector>

using namespace wtool;

TEST_CASE("CSV fields and records (RFC 4180)") {
    SUBCASE("a field is quoted only when it must be") {
        CHECK(csv::field("plain") == "plain");
        CHECK(csv::field("") == "");
        CHECK(csv::field("a,b") == "\"a,b\"");
        CHECK(csv::field("say \"hi\"") == "\"say \"\"hi\"\"\"");
        CHECK(csv::field("two\nlines") == "\"two\nlines\"");
        CHECK(csv::field("cr\r") == "\"cr\r\"");
        CHECK(csv::field("semi; colon") == "semi; colon");
        CHECK(csv::field("Université") == "Université");
    }
    SUBCASE("formula injection is neutralised with a leading apostrophe") {
        CHECK(csv::neutralise_formula("=1+1") == "'=1+1");
        CHECK(csv::neutralise_formula("+49 30") == "'+49 30");
        CHECK(csv::neutralise_formula("-2") == "'-2");
        CHECK(csv::neutralise_formula("@SUM(A1)") == "'@SUM(A1)");
        CHECK(csv::neutralise_formula("\tx") == "'\tx");
        CHECK(csv::neutralise_formula("\rx") == "'\rx");
        CHECK(csv::neutralise_formula("a=b") == "a=b");
        CHECK(csv::neutralise_formula("") == "");
    }
    SUBCASE("a record joins fields with commas and ends with CRLF") {
        const std::vector<std::string> fields = {"S01E01", "=HYPERLINK(\"http://x\",\"y\")", "a,b", ""};
        CHECK(csv::record(fields) == "S01E01,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"a,b\",\r\n");
        CHECK(csv::record(fields, csv::FormulaGuard::off) ==
              "S01E01,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"a,b\",\r\n");
    }
}

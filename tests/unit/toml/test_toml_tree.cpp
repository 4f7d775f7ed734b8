// toml_tree::Table: keys found in order for small tables and through an index for large ones,
// with the same answers either way.
#include "toml/toml_fast_parser.hpp"
#include "toml/toml_tree.hpp"

#include <doctest/doctest.h>
#include <string>
#include <utility>
#include <vector>

using namespace wtool;
using namespace wtool::toml_tree;

TEST_CASE("a table finds every key it holds, however many") {
    for (const int count : {1, 32, 33, 34, 1000}) {
        CAPTURE(count);
        std::vector<std::string> keys;
        for (int i = 0; i < count; ++i) {
            keys.push_back("key" + std::to_string(i));
        }
        Table table;
        for (int i = 0; i < count; ++i) {
            table.add(String(keys[static_cast<std::size_t>(i)]), {1, 1}, Node(std::int64_t{i}, {1, 1}));
        }
        for (int i = 0; i < count; ++i) {
            const Node* node = std::as_const(table).get(keys[static_cast<std::size_t>(i)]);
            REQUIRE(node != nullptr);
            CHECK(*node->as_integer() == i);
            CHECK(table.get(keys[static_cast<std::size_t>(i)]) == node);
        }
        CHECK(table.get("key") == nullptr);
        CHECK(table.get("key" + std::to_string(count)) == nullptr);
        CHECK(table.entries().size() == static_cast<std::size_t>(count));
    }
}

TEST_CASE("the fast parser finds a repeated key in a large table") {
    std::string doc = "[t]\n";
    for (int i = 0; i < 200; ++i) {
        doc += "k" + std::to_string(i) + " = 1\n";
    }
    CHECK(parse_fast(doc).has_value());
    doc += "k7 = 2\n"; // defined twice: an error, which the fast parser leaves to toml++
    CHECK_FALSE(parse_fast(doc).has_value());
}

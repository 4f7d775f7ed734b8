// The JSON Schema of the catalogue (docs/catalogue.schema.json) must list exactly the keys the
// loader knows, in the same order, for every kind of table: so that they cannot drift apart.
#include "catalogue/catalogue_keys.hpp"
#include "catalogue/catalogue_loader.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace wtool;

namespace {
nlohmann::ordered_json load_schema() {
    std::ifstream in(std::string(WTOOL_SOURCE_DIR) + "/docs/catalogue.schema.json");
    REQUIRE(in);
    return nlohmann::ordered_json::parse(in);
}

// Where each table kind's properties are in the schema.
std::string pointer_to(std::string_view kind) {
    if (kind == "root") {
        return "/properties";
    }
    const std::string_view last = kind.substr(kind.rfind('.') + 1);
    return "/definitions/" + std::string(last) + "/properties";
}
} // namespace

TEST_CASE("the JSON Schema knows the loader's keys") {
    const nlohmann::ordered_json schema = load_schema();
    CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
    for (const std::string_view kind : table_kinds()) {
        CAPTURE(kind);
        const nlohmann::json::json_pointer ptr(pointer_to(kind));
        REQUIRE(schema.contains(ptr));
        std::vector<std::string> schema_keys;
        for (const auto& [key, value] : schema[ptr].items()) {
            schema_keys.push_back(key);
        }
        const std::span<const std::string_view> loader = known_keys(kind);
        CHECK(schema_keys == std::vector<std::string>(loader.begin(), loader.end()));
        // Every table refuses keys it does not know, as the loader does.
        const nlohmann::json::json_pointer parent = ptr.parent_pointer();
        CHECK(schema[parent]["additionalProperties"] == false);
    }
    SUBCASE("the arrays of tables point at the right definitions") {
        CHECK(schema["/properties/season/items/$ref"_json_pointer] == "#/definitions/season");
        CHECK(schema["/properties/episode/items/$ref"_json_pointer] == "#/definitions/episode");
        CHECK(schema["/definitions/series/properties/organiser/items/$ref"_json_pointer] == "#/definitions/organiser");
        CHECK(schema["/definitions/series/properties/text/$ref"_json_pointer] == "#/definitions/text");
        CHECK(schema["/definitions/episode/properties/speaker/items/$ref"_json_pointer] == "#/definitions/speaker");
    }
}

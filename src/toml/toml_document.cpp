#include "toml/toml_document.hpp"

#include "toml/toml_fast_parser.hpp"
#include "toml/toml_nesting.hpp"

#include <toml++/toml.h>

namespace wtool::toml_tree {

namespace {

SourcePos pos_of(const toml::node& n) {
    return {n.source().begin.line, n.source().begin.column};
}

// toml++'s tree as ours; strings are moved out of it (each then owns its text).
Node convert(toml::node& n) {
    const SourcePos pos = pos_of(n);
    switch (n.type()) {
    case toml::node_type::table: {
        auto table = std::make_unique<Table>();
        for (auto&& [key, value] : *n.as_table()) {
            table->add(String(std::string(key.str())), {key.source().begin.line, key.source().begin.column},
                       convert(value));
        }
        return {std::move(table), pos};
    }
    case toml::node_type::array: {
        auto array = std::make_unique<Array>();
        for (toml::node& item : *n.as_array()) {
            array->items().push_back(convert(item));
        }
        return {std::move(array), pos};
    }
    case toml::node_type::string: return {String(std::move(n.as_string()->get())), pos};
    case toml::node_type::integer: return {n.as_integer()->get(), pos};
    case toml::node_type::floating_point: return {n.as_floating_point()->get(), pos};
    case toml::node_type::boolean: return {n.as_boolean()->get(), pos};
    case toml::node_type::date: {
        const toml::date d = n.as_date()->get();
        return Node(Date{d.year, d.month, d.day}, pos);
    }
    case toml::node_type::time: {
        const toml::time t = n.as_time()->get();
        return Node(Time{t.hour, t.minute, t.second, t.nanosecond}, pos);
    }
    case toml::node_type::date_time: {
        const toml::date_time v = n.as_date_time()->get();
        DateTime dt{{v.date.year, v.date.month, v.date.day},
                    {v.time.hour, v.time.minute, v.time.second, v.time.nanosecond},
                    std::nullopt};
        if (v.offset) {
            dt.offset_minutes = v.offset->minutes;
        }
        return {std::make_unique<DateTime>(dt), pos};
    }
    case toml::node_type::none: break;
    }
    return {String(), pos}; // toml++ never gives an untyped node in a parsed document
}

} // namespace

std::expected<Node, SyntaxError> parse_document(std::string_view source, std::string_view name, Parser parser) {
    if (parser == Parser::automatic) {
        if (std::optional<Node> fast = parse_fast(source)) {
            return std::move(*fast);
        }
    }
    // toml++ (and convert above) would recurse once per level of a deeper document.
    if (std::optional<TooDeep> too_deep = check_nesting(source)) {
        return std::unexpected(SyntaxError{too_deep->pos, std::move(too_deep->message)});
    }
    try {
        const std::string_view source_path = name; // toml++ names the file in its errors
        toml::table doc = toml::parse(source, source_path);
        return convert(doc);
    } catch (const toml::parse_error& e) {
        return std::unexpected(
            SyntaxError{{e.source().begin.line, e.source().begin.column}, std::string(e.description())});
    }
}

} // namespace wtool::toml_tree

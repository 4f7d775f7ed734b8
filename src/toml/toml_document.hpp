// Parsing TOML text into a tree (toml_tree.hpp): with wtool's fast parser when it handles the
// text, else with toml++, which then also reports syntax errors (with its message and position).
#pragma once

#include "support/source_pos.hpp"
#include "toml/toml_tree.hpp"

#include <expected>
#include <string>
#include <string_view>

namespace wtool::toml_tree {

struct SyntaxError {
    SourcePos pos;
    std::string message;
};

enum class Parser {
    automatic,     // the fast parser, and toml++ when it declines
    toml_plus_plus // toml++ only (to compare the two in tests)
};

// Parses `source` (valid UTF-8); `name` is the file name toml++ puts in its messages.
std::expected<Node, SyntaxError> parse_document(std::string_view source, std::string_view name,
                                                Parser parser = Parser::automatic);

} // namespace wtool::toml_tree

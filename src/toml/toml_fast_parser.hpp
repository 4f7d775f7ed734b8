// wtool's own TOML parser for the documents catalogues are made of, about twenty times faster
// than toml++ (docs/performance.md). It is deliberately partial and never the last word: it
// handles comments, bare and quoted keys, [table] and [[array]] headers (dotted, with quoted
// parts), basic, literal and multi-line strings with every TOML 1.0 escape, decimal integers,
// booleans, dates, times and date-times with whole seconds, arrays and inline tables. For
// anything else (floats, hexadecimal, octal or binary integers, dotted keys before '=', fractions
// of a second, CR line ends, a byte-order mark, control characters, headers of more than
// toml_nesting.hpp's max_key_parts parts) and for every error, it returns nothing, and the caller
// parses the text with toml++, whose result or error message is then the answer
// (toml_document.hpp). What it does return is exactly what toml++ returns for the
// same text, positions included: the tests compare the two on every catalogue in the repository
// and on thousands of generated and mutated documents.
#pragma once

#include "toml/toml_tree.hpp"

#include <optional>
#include <string_view>

namespace wtool::toml_tree {

// Parses `source`, which must be valid UTF-8. Returns the root table, or nothing when the text
// is not one this parser handles (see above) or not valid TOML.
std::optional<Node> parse_fast(std::string_view source);

} // namespace wtool::toml_tree

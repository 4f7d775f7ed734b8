// Where a value ends in TOML text: the lexical extent of the value that starts at a given byte,
// for edits that replace or remove one value and keep every other byte of the file (the
// catalogue editor, catalogue/catalogue_edit.hpp). The text must be valid TOML: this is not a
// parser, it only skips strings (all four forms), arrays and inline tables (with their comments
// and line breaks) and bare values (numbers, booleans, dates and times, including the
// "1979-05-27 07:32:00" form with a space) to the byte after the value. Iterative: nesting depth
// costs no stack.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace wtool::toml_text {

// The byte just after the value starting at `begin` in `text`; nullopt when `begin` does not
// start a value or the value does not end (a string or array left open).
std::optional<std::size_t> value_end(std::string_view text, std::size_t begin);

} // namespace wtool::toml_text

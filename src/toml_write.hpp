// Writing TOML values as text: the quoting that turns any string into a TOML basic string that a
// TOML parser reads back byte for byte. Used wherever wtool writes catalogue text (`wtool init`).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace wtool::toml_write {

// `s` as a TOML basic string, with its double quotes: "Ada \"the\" Countess\n". Escapes the
// backslash, the double quote and every control character (U+0000-U+001F and U+007F, as \n, \t,
// ... or \uXXXX); everything else, emoji included, is written as it is. Input must be UTF-8:
// a malformed byte is written as U+FFFD so that the result is always valid TOML.
std::string quote(std::string_view s);

// An inline array of strings: ["a", "b"]; [] when empty.
std::string string_array(std::span<const std::string> items);

// Whether `key` can be written bare (A-Z a-z 0-9 _ -, not empty); otherwise it needs quote().
bool is_bare_key(std::string_view key);

} // namespace wtool::toml_write

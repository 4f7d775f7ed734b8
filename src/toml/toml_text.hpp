// Writing text values as TOML string literals, for code that adds to a catalogue by appending
// text (wtool add-episode). Whatever a value holds — quotes, backslashes, control characters,
// newlines, emoji, a `"""` — the literal parses back (with any TOML 1.0 parser) to exactly the
// same string.
//
// Only basic strings ("...", """...""") are produced; literal strings ('...') cannot hold every
// value. Characters that TOML forbids raw (U+0000–U+001F except the newline of a multi-line
// string, U+007F) are escaped, and so are characters that are valid but would be invisible or
// misleading in an editor: the C1 controls (U+0080–U+009F), the line and paragraph separators
// (U+2028, U+2029), the bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069) and the byte order mark (U+FEFF). Everything else, emoji included, is written
// as itself.
#pragma once

#include <string>
#include <string_view>

namespace wtool::toml_text {

enum class StringForm {
    // "..." on one line; a newline in the value is written as \n.
    single_line,
    // """ followed by a newline (which TOML drops), the value with its newlines written as
    // themselves, then """. For long texts such as abstracts and bios.
    multi_line,
};

// Encodes `value` as a TOML basic string literal of the given form. `value` should be UTF-8; a
// byte that is not part of a well-formed UTF-8 sequence is written as U+FFFD (the result is
// always valid TOML). In the multi-line form, a carriage return is written as \r, so the
// literal's own line breaks are always a bare LF.
std::string encode_string(std::string_view value, StringForm form);

} // namespace wtool::toml_text

// TOML's classes of characters, for the fast parser (toml_fast_parser.cpp): bare keys, the control
// characters TOML forbids, and the scan over the plain bytes of a string. Inline: they are in the
// parser's innermost loops.
#pragma once

#include "support/byte_scan.hpp"

#include <cstdint>
#include <string_view>

namespace wtool::toml_tree {

inline bool is_bare_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// A control character TOML allows nowhere except as TAB (and as a line end in multi-line strings).
inline bool is_forbidden_control(unsigned char c) {
    return (c < 0x20 && c != '\t') || c == 0x7F;
}

// The first byte in [p, end) that string scanning must look at: `quote`, a backslash, a control
// character (line ends included) or DEL. Non-ASCII bytes are plain.
inline const char* skip_plain(const char* p, const char* end, char quote) {
    using namespace byte_scan;
    const auto ends = [quote](unsigned char c) {
        return c == static_cast<unsigned char>(quote) || c == '\\' || c < 0x20 || c == 0x7F;
    };
    return p + prefix_length(
                   std::string_view(p, static_cast<std::size_t>(end - p)),
                   [quote](std::uint64_t w) {
                       return bytes_equal(w, static_cast<unsigned char>(quote)) | bytes_equal(w, '\\') |
                              bytes_equal(w, 0x7F) | bytes_below(w, 0x20);
                   },
                   ends);
}

} // namespace wtool::toml_tree

// Lines of a source text, indexed once: byte offset <-> line:column (1-based, columns in Unicode
// code points, as toml++ and the diagnostics count them). Every lookup costs one line's length
// (plus a binary search), not the file's, so positioning many findings or links in a large
// catalogue stays linear. A byte-order mark at the start belongs to no line: line 1 starts after
// it, so columns on line 1 count from the character after it, as toml++ counts them.
#pragma once

#include "support/source_pos.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace wtool {

class LineIndex {
  public:
    // Indexes `source`, which must outlive the index.
    explicit LineIndex(std::string_view source);

    // Byte offset of `pos`; npos when the line is unknown or beyond the text. A column beyond its
    // line's end gives the offset of the line's end (its '\n', or the end of the text).
    [[nodiscard]] std::size_t offset_of(SourcePos pos) const;

    // Line and column of byte `offset` (clamped to the text's size, and to line 1's start), which
    // should be the first byte of a character.
    [[nodiscard]] SourcePos position_at(std::size_t offset) const;

    // Line `line` without its line ending ("\n" or "\r\n"); empty when out of range.
    [[nodiscard]] std::string_view line(std::uint32_t line) const;

    // Number of lines: a text of n newlines has n + 1 (the last may be empty).
    [[nodiscard]] std::size_t line_count() const { return starts_.size(); }
    [[nodiscard]] std::string_view source() const { return source_; }

  private:
    std::string_view source_;
    std::vector<std::size_t> starts_; // byte offset of each line's first byte
};

} // namespace wtool

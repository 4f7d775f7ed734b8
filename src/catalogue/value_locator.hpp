// Source positions inside a string value of the catalogue: the position of the byte at an offset
// of the decoded value, following TOML's quoting and escapes. Findings in a value (rules.cpp,
// text_findings.cpp) point at the character itself, not at the start of the value.
#pragma once

#include "support/line_index.hpp"
#include "support/source_pos.hpp"

#include <cstddef>
#include <string_view>

namespace wtool {

// The source positions of byte offsets of a string value (as decoded), found by walking its
// literal once: ask for offsets in increasing order, and many findings in a long value cost the
// value's length once, not once each. A value that is not a string literal gives its own position.
class ValueLocator {
  public:
    ValueLocator(const LineIndex& index, SourcePos value_pos);

    // The position of byte `offset` of the value; no smaller than the last one asked for.
    SourcePos at(std::size_t offset);

  private:
    void advance(std::size_t bytes);

    std::string_view src_;
    SourcePos pos_;           // of byte i_ of the source
    std::size_t i_ = 0;       // in the source
    std::size_t decoded_ = 0; // bytes of the value before i_
    char quote_ = '"';
    bool literal_ = false;
    bool multi_ = false;
    bool string_ = false; // a string literal starts at the value's position
};

// Points into a string value: the position of the byte at `offset` of the value whose literal
// starts at `value_pos` in `source`, following TOML's quoting and escapes. Falls back to
// `value_pos` when the literal cannot be followed.
SourcePos locate_in_value(std::string_view source, SourcePos value_pos, std::size_t offset);

} // namespace wtool

// A position in a source file: 1-based line and column (in Unicode code points, as toml++
// counts them). A zero line means "unknown" (for example, a value that is absent).
#pragma once

#include <compare>
#include <cstdint>

namespace wtool {

struct SourcePos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    [[nodiscard]] bool known() const { return line != 0; }
    friend bool operator==(const SourcePos&, const SourcePos&) = default;
    friend auto operator<=>(const SourcePos&, const SourcePos&) = default;
};

} // namespace wtool

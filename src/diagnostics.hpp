// Diagnostics in the style of a compiler: every problem found in an input, with its position,
// severity, a stable rule id, a message and, where one is known, a hint that fixes it.
// Library code collects diagnostics; commands decide how and where to print them.
#pragma once

#include "source_pos.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wtool {

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string rule;    // stable id, e.g. "season-weekend"; documented in docs/validate.md
    std::string message; // lower-case, no trailing period, user input quoted
    std::string hint;    // a fix, or empty
    SourcePos pos;       // where in the file; unknown for whole-file problems
};

// An ordered collection of diagnostics for one file.
class Diagnostics {
  public:
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void error(std::string rule, SourcePos pos, std::string message, std::string hint = {});
    void warning(std::string rule, SourcePos pos, std::string message, std::string hint = {});

    [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
    [[nodiscard]] std::size_t error_count() const;
    [[nodiscard]] std::size_t warning_count() const;
    [[nodiscard]] bool has_errors() const { return error_count() != 0; }
    [[nodiscard]] bool empty() const { return items_.empty(); }

    // Orders by position (unknown positions first), keeping the order of equal positions.
    void sort_by_position();

  private:
    std::vector<Diagnostic> items_;
};

// Whether output may use ANSI colours.
enum class Color { no, yes };

// Renders diagnostics the way compilers do:
//   episodes.toml:12:9: warning: 2026-03-07 is a Saturday [season-weekend]
//      12 | date = 2026-03-07
//         |        ^
//     hint: ...
// `source` is the file's text, used to quote the offending line; `file` is the name shown.
std::string render_diagnostics_text(const std::vector<Diagnostic>& diags, std::string_view file,
                                    std::string_view source, Color color);

// One summary line, e.g. "2 errors, 1 warning" or "no problems".
std::string summary_line(std::size_t errors, std::size_t warnings);

// The same diagnostics as a JSON document:
//   {"file": ..., "errors": N, "warnings": N, "diagnostics": [{"file","line","column",
//    "severity","rule","message","hint"}...]}
std::string render_diagnostics_json(const std::vector<Diagnostic>& diags, std::string_view file);

std::string_view severity_name(Severity s);

} // namespace wtool

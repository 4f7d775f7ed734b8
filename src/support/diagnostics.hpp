// Diagnostics in the style of a compiler: every problem found in an input, with its position,
// severity, a stable rule id, a message and, where one is known, a hint that fixes it.
// Library code collects diagnostics; commands decide how and where to print them.
#pragma once

#include "support/line_index.hpp"
#include "support/source_pos.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
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
    // Adds a diagnostic; a message or hint longer than 500 characters is cut (text::shortened).
    void add(Diagnostic d);
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
// Every text shown (the name, messages, hints, the quoted line) has its control characters made
// visible (text::visible; tabs of the quoted line stay tabs, and the caret line copies them). A
// source line wider than 120 columns is quoted as a window of about 120 columns around the
// column, with "…" where it is cut; the caret stays under its character.
class DiagnosticWriter {
  public:
    // `out` receives each diagnostic as it is written; `source` must outlive the writer.
    DiagnosticWriter(std::ostream& out, std::string_view file, std::string_view source, Color color);

    void write(const Diagnostic& d);

  private:
    // Where the last quoted caret was: the next diagnostic on the same line, further right (they
    // come sorted by position), looks for its column from there, so that many findings on one long
    // line cost the line's length once, not once each.
    struct Cursor {
        std::uint32_t line = 0;
        std::uint32_t column = 1;
        std::size_t offset = 0; // in the line
    };

    std::size_t caret_offset(std::string_view line, SourcePos pos);

    std::ostream& out_;
    std::string file_; // as shown
    std::string_view source_;
    Color color_;
    std::optional<LineIndex> lines_; // indexed when the first diagnostic quotes a line
    Cursor cursor_;
    std::string buffer_; // one diagnostic's text, reused
};

// Writes each diagnostic of `diags` with a DiagnosticWriter.
void render_diagnostics_text(std::ostream& out, const std::vector<Diagnostic>& diags, std::string_view file,
                             std::string_view source, Color color);
// The same as one string (for small reports and tests).
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

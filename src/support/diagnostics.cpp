#include "support/diagnostics.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace wtool {

namespace {

// A message or hint that quotes outside input (an unknown key, a zone name) is cut to this many
// characters: a file may hold a megabyte-long key, and its diagnostic must stay readable.
constexpr std::size_t max_message_code_points = 500;

void bound(std::string& text) {
    if (text.size() > max_message_code_points) {
        text = text::shortened(text, max_message_code_points);
    }
}

} // namespace

void Diagnostics::add(Diagnostic d) {
    bound(d.message);
    bound(d.hint);
    items_.push_back(std::move(d));
}

void Diagnostics::error(std::string rule, SourcePos pos, std::string message, std::string hint) {
    add({Severity::error, std::move(rule), std::move(message), std::move(hint), pos});
}

void Diagnostics::warning(std::string rule, SourcePos pos, std::string message, std::string hint) {
    add({Severity::warning, std::move(rule), std::move(message), std::move(hint), pos});
}

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const auto& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
    return items_.size() - error_count();
}

void Diagnostics::sort_by_position() {
    std::stable_sort(items_.begin(), items_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.pos < b.pos; });
}

std::string_view severity_name(Severity s) {
    return s == Severity::error ? "error" : "warning";
}

namespace {

struct Style {
    std::string_view bold, red, magenta, cyan, green, reset;
};

Style style_for(Color color) {
    if (color == Color::yes) {
        return {"\x1b[1m", "\x1b[1;31m", "\x1b[1;35m", "\x1b[1;36m", "\x1b[32m", "\x1b[0m"};
    }
    return {};
}

// A quoted source line: at most this many columns, of which at least `quote_context` before the
// caret when the line is cut (more when the line ends soon after the caret).
constexpr std::size_t quote_columns = 120;
constexpr std::size_t quote_context = 60;
constexpr std::string_view ellipsis = "…";

// The columns `line[from, to)` takes once shown, counting no further than `cap`.
std::size_t shown_columns(std::string_view line, std::size_t from, std::size_t to, std::size_t cap) {
    std::size_t columns = 0;
    for (std::size_t i = from; i < to && columns <= cap;) {
        const text::VisibleChar c = text::visible_char(line, i, text::Keep::tabs);
        columns += c.columns();
        i += c.length;
    }
    return columns;
}

// The start of the character that ends at `end` (> 0) in `line`: the lead byte of the well-formed
// sequence that ends there, else the single (malformed) byte before it. Every byte that is not a
// continuation byte starts a character when `line` is read forward, so this agrees with that.
std::size_t previous_char(std::string_view line, std::size_t end) {
    for (std::size_t back = 1; back <= 4 && back <= end; ++back) {
        const auto byte = static_cast<unsigned char>(line[end - back]);
        if ((byte & 0xC0) != 0x80) {
            const text::Decoded d = text::decode_utf8(line, end - back);
            return d.valid && d.length == back ? end - back : end - 1;
        }
    }
    return end - 1;
}

// A source line as quoted, and the caret line under it (without the gutter and the caret).
struct Quote {
    std::string line;
    std::string padding;
};

// Quotes `line` with the caret before byte `caret` (a character's start, or the line's end).
Quote quote_line(std::string_view line, std::size_t caret) {
    std::size_t start = 0;
    std::size_t end = line.size();
    if (shown_columns(line, 0, line.size(), quote_columns) > quote_columns) {
        // A window: the context before the caret, as much of the rest as fits.
        const std::size_t after = shown_columns(line, caret, line.size(), quote_columns);
        const std::size_t before = std::max(quote_context, quote_columns - std::min(after, quote_columns));
        std::size_t columns = 0;
        for (start = caret; start > 0;) {
            const std::size_t previous = previous_char(line, start);
            columns += text::visible_char(line, previous, text::Keep::tabs).columns();
            if (columns > before) {
                break;
            }
            start = previous;
        }
        columns = 0;
        for (end = start; end < line.size();) {
            const text::VisibleChar c = text::visible_char(line, end, text::Keep::tabs);
            if (columns + c.columns() > quote_columns && end > caret) {
                break;
            }
            columns += c.columns();
            end += c.length;
        }
    }
    Quote q;
    if (start > 0) {
        q.line += ellipsis;
        q.padding += ' ';
    }
    for (std::size_t i = start; i < end;) {
        const text::VisibleChar c = text::visible_char(line, i, text::Keep::tabs);
        q.line += c.shown(line, i);
        if (i < caret) {
            q.padding.append(c.columns(), line[i] == '\t' ? '\t' : ' ');
        }
        i += c.length;
    }
    if (end < line.size()) {
        q.line += ellipsis;
    }
    return q;
}

} // namespace

DiagnosticWriter::DiagnosticWriter(std::ostream& out, std::string_view file, std::string_view source, Color color)
    : out_(out), file_(text::visible(file)), source_(source), color_(color) {}

std::size_t DiagnosticWriter::caret_offset(std::string_view line, SourcePos pos) {
    if (cursor_.line != pos.line || cursor_.column > pos.column) {
        cursor_ = {pos.line, 1, 0};
    }
    while (cursor_.column < pos.column && cursor_.offset < line.size()) {
        cursor_.offset += text::decode_utf8(line, cursor_.offset).length;
        ++cursor_.column;
    }
    return cursor_.offset;
}

void DiagnosticWriter::write(const Diagnostic& d) {
    const Style st = style_for(color_);
    const std::string_view sev_color = d.severity == Severity::error ? st.red : st.magenta;
    buffer_.clear();
    if (d.pos.known()) {
        buffer_ += fmt::format("{}{}:{}:{}:{} ", st.bold, file_, d.pos.line, d.pos.column, st.reset);
    } else {
        buffer_ += fmt::format("{}{}:{} ", st.bold, file_, st.reset);
    }
    buffer_ += fmt::format("{}{}:{} {}{}{} [{}]\n", sev_color, severity_name(d.severity), st.reset, st.bold,
                           text::visible(d.message), st.reset, text::visible(d.rule));
    if (d.pos.known()) {
        if (!lines_) {
            lines_.emplace(source_);
        }
        const std::string_view line = lines_->line(d.pos.line);
        if (!line.empty()) {
            const Quote q = quote_line(line, caret_offset(line, d.pos));
            const std::string number = std::to_string(d.pos.line);
            const std::string gutter(number.size(), ' ');
            buffer_ += fmt::format(" {} | {}\n", number, q.line);
            buffer_ += fmt::format(" {} | {}{}^{}\n", gutter, q.padding, st.green, st.reset);
        }
    }
    if (!d.hint.empty()) {
        buffer_ += fmt::format("  {}hint:{} {}\n", st.cyan, st.reset, text::visible(d.hint));
    }
    out_ << buffer_;
}

void render_diagnostics_text(std::ostream& out, const std::vector<Diagnostic>& diags, std::string_view file,
                             std::string_view source, Color color) {
    DiagnosticWriter writer(out, file, source, color);
    for (const Diagnostic& d : diags) {
        writer.write(d);
    }
}

std::string render_diagnostics_text(const std::vector<Diagnostic>& diags, std::string_view file,
                                    std::string_view source, Color color) {
    std::ostringstream out;
    render_diagnostics_text(out, diags, file, source, color);
    return std::move(out).str();
}

std::string summary_line(std::size_t errors, std::size_t warnings) {
    if (errors == 0 && warnings == 0) {
        return "no problems";
    }
    const auto plural = [](std::size_t n, std::string_view word) {
        return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
    };
    return plural(errors, "error") + ", " + plural(warnings, "warning");
}

std::string render_diagnostics_json(const std::vector<Diagnostic>& diags, std::string_view file) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    std::size_t errors = 0;
    for (const Diagnostic& d : diags) {
        errors += d.severity == Severity::error ? 1 : 0;
        nlohmann::ordered_json item;
        item["file"] = file;
        item["line"] = d.pos.line;
        item["column"] = d.pos.column;
        item["severity"] = severity_name(d.severity);
        item["rule"] = d.rule;
        item["message"] = d.message;
        item["hint"] = d.hint.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.hint);
        list.push_back(std::move(item));
    }
    nlohmann::ordered_json doc;
    doc["file"] = file;
    doc["errors"] = errors;
    doc["warnings"] = diags.size() - errors;
    doc["diagnostics"] = std::move(list);
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace wtool

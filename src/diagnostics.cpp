#include "diagnostics.hpp"

#include "line_index.hpp"
#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace wtool {

void Diagnostics::error(std::string rule, SourcePos pos, std::string message, std::string hint) {
    items_.push_back({Severity::error, std::move(rule), std::move(message), std::move(hint), pos});
}

void Diagnostics::warning(std::string rule, SourcePos pos, std::string message, std::string hint) {
    items_.push_back({Severity::warning, std::move(rule), std::move(message), std::move(hint), pos});
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

// The caret line: spaces (tabs kept as tabs) up to the column, then '^'.
std::string caret_padding(std::string_view line, std::uint32_t column) {
    std::string pad;
    std::size_t cp = 1;
    for (std::size_t i = 0; i < line.size() && cp < column; ++cp) {
        const auto d = text::decode_utf8(line, i);
        pad.push_back(line[i] == '\t' ? '\t' : ' ');
        i += d.length;
    }
    return pad;
}

} // namespace

std::string render_diagnostics_text(const std::vector<Diagnostic>& diags, std::string_view file,
                                    std::string_view source, Color color) {
    if (diags.empty()) { // nothing to quote: spare indexing the lines of a large file
        return {};
    }
    const Style st = style_for(color);
    const LineIndex lines(source);
    std::string out;
    for (const Diagnostic& d : diags) {
        const std::string_view sev_color = d.severity == Severity::error ? st.red : st.magenta;
        if (d.pos.known()) {
            out += fmt::format("{}{}:{}:{}:{} ", st.bold, file, d.pos.line, d.pos.column, st.reset);
        } else {
            out += fmt::format("{}{}:{} ", st.bold, file, st.reset);
        }
        out += fmt::format("{}{}:{} {}{}{} [{}]\n", sev_color, severity_name(d.severity), st.reset, st.bold, d.message,
                           st.reset, d.rule);
        const std::string_view line = lines.line(d.pos.line);
        if (d.pos.known() && !line.empty()) {
            const std::string number = std::to_string(d.pos.line);
            const std::string gutter(number.size(), ' ');
            out += fmt::format(" {} | {}\n", number, line);
            out += fmt::format(" {} | {}{}^{}\n", gutter, caret_padding(line, d.pos.column), st.green, st.reset);
        }
        if (!d.hint.empty()) {
            out += fmt::format("  {}hint:{} {}\n", st.cyan, st.reset, d.hint);
        }
    }
    return out;
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

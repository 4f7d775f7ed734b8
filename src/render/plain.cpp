#include "render/plain.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

namespace wtool::plain {

namespace {

enum class CharClass { keep, blank, line_break, paragraph_break, drop };

CharClass classify(char32_t cp) {
    switch (cp) {
    case U' ':
    case U'\t':
    case U'\v':
    case U'\f': return CharClass::blank;
    case U'\n':
    case U'\r':
    case U'\u0085':
    case U'\u2028': return CharClass::line_break;
    case U'\u2029': return CharClass::paragraph_break;
    default: break;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
        return CharClass::drop;
    }
    return CharClass::keep;
}

// Appends `s` to `out` with blank runs collapsed to one space (leading ones dropped when `out`
// is empty); trailing blanks are left for the caller to trim.
void append_collapsed(std::string& out, std::string_view s) {
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        const text::Decoded d = text::decode_utf8(s, i);
        const std::string_view bytes = s.substr(i, d.length);
        i += d.length;
        if (!d.valid) {
            out += bytes;
            continue;
        }
        switch (classify(d.code_point)) {
        case CharClass::blank:
        case CharClass::line_break:
        case CharClass::paragraph_break: pending_space = true; break;
        case CharClass::drop: break;
        case CharClass::keep:
            if (pending_space && !out.empty()) {
                out += ' ';
            }
            pending_space = false;
            out += bytes;
            break;
        }
    }
}

} // namespace

std::string one_line(std::string_view s) {
    std::string out;
    append_collapsed(out, s);
    return out;
}

std::vector<std::string> paragraphs(std::string_view s) {
    // Split into lines (any line break), remembering U+2029 as an explicit paragraph break.
    std::vector<std::string> result;
    std::string current;
    bool line_has_content = false;
    bool paragraph_open = false;
    std::string line;
    const auto end_paragraph = [&] {
        std::string p = one_line(current);
        if (!p.empty()) {
            result.push_back(std::move(p));
        }
        current.clear();
        paragraph_open = false;
    };
    const auto end_line = [&] {
        if (line_has_content) {
            if (paragraph_open) {
                current += ' ';
            }
            current += line;
            paragraph_open = true;
        } else {
            end_paragraph(); // a blank line separates paragraphs
        }
        line.clear();
        line_has_content = false;
    };
    for (std::size_t i = 0; i < s.size();) {
        const text::Decoded d = text::decode_utf8(s, i);
        const std::string_view bytes = s.substr(i, d.length);
        i += d.length;
        const CharClass cls = d.valid ? classify(d.code_point) : CharClass::keep;
        if (cls == CharClass::line_break) {
            if (d.code_point == U'\r' && i < s.size() && s[i] == '\n') {
                ++i; // CR LF is one break
            }
            end_line();
        } else if (cls == CharClass::paragraph_break) {
            end_line();
            end_paragraph();
        } else {
            line += bytes;
            line_has_content = line_has_content || cls == CharClass::keep;
        }
    }
    end_line();
    end_paragraph();
    return result;
}

std::string paragraph_text(std::string_view s) {
    std::string out;
    for (const std::string& p : paragraphs(s)) {
        if (!out.empty()) {
            out += "\n\n";
        }
        out += p;
    }
    return out;
}

std::string url_token(std::string_view s) {
    const std::string_view trimmed = text::trim(s);
    std::string out;
    for (std::size_t i = 0; i < trimmed.size();) {
        const text::Decoded d = text::decode_utf8(trimmed, i);
        const std::string_view bytes = trimmed.substr(i, d.length);
        i += d.length;
        if (d.valid && classify(d.code_point) != CharClass::keep) {
            for (const char c : bytes) {
                out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
            }
        } else {
            out += bytes;
        }
    }
    return out;
}

} // namespace wtool::plain

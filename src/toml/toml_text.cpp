#include "toml/toml_text.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

namespace wtool::toml_text {

namespace {

// Whether a code point is written as an escape although TOML would accept it raw.
bool escape_for_readability(char32_t cp) {
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

void append_escape(std::string& out, char32_t cp) {
    switch (cp) {
    case U'\b': out += "\\b"; return;
    case U'\t': out += "\\t"; return;
    case U'\n': out += "\\n"; return;
    case U'\f': out += "\\f"; return;
    case U'\r': out += "\\r"; return;
    case U'"': out += "\\\""; return;
    case U'\\': out += "\\\\"; return;
    default: break;
    }
    out += cp > 0xFFFF ? fmt::format("\\U{:08X}", static_cast<std::uint32_t>(cp))
                       : fmt::format("\\u{:04X}", static_cast<std::uint32_t>(cp));
}

} // namespace

std::string encode_string(std::string_view value, StringForm form) {
    const bool multi = form == StringForm::multi_line;
    std::string out = multi ? "\"\"\"\n" : "\"";
    out.reserve(out.size() + value.size() + 8);
    for (std::size_t i = 0; i < value.size();) {
        const text::Decoded d = text::decode_utf8(value, i);
        const char32_t cp = d.valid ? d.code_point : U'\uFFFD';
        const std::size_t next = i + d.length;
        if (cp == U'\n' && multi) {
            out += '\n';
        } else if (cp == U'"' && multi) {
            // A raw quote is never followed by another raw quote, so no `"""` can form, and the
            // value's last quote never touches the closing delimiter.
            const bool quote_follows = next < value.size() && value[next] == '"';
            if (quote_follows || next == value.size()) {
                out += "\\\"";
            } else {
                out += '"';
            }
        } else if (cp < 0x20 || cp == 0x7F || cp == U'"' || cp == U'\\' || escape_for_readability(cp)) {
            append_escape(out, cp);
        } else if (d.valid) {
            out.append(value.substr(i, d.length));
        } else {
            text::append_utf8(out, cp);
        }
        i = next;
    }
    out += multi ? R"(""")" : R"(")";
    return out;
}

} // namespace wtool::toml_text

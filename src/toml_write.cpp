#include "toml_write.hpp"

#include "text.hpp"

#include <fmt/format.h>

namespace wtool::toml_write {

std::string quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const text::Decoded d = text::decode_utf8(s, i);
        if (!d.valid) {
            out += "\uFFFD";
            i += d.length;
            continue;
        }
        const char32_t cp = d.code_point;
        switch (cp) {
        case U'"': out += "\\\""; break;
        case U'\\': out += "\\\\"; break;
        case U'\b': out += "\\b"; break;
        case U'\t': out += "\\t"; break;
        case U'\n': out += "\\n"; break;
        case U'\f': out += "\\f"; break;
        case U'\r': out += "\\r"; break;
        default:
            if (cp < 0x20 || cp == 0x7F) {
                out += fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
            } else {
                out.append(s.substr(i, d.length));
            }
        }
        i += d.length;
    }
    out += '"';
    return out;
}

std::string string_array(std::span<const std::string> items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i != 0) {
            out += ", ";
        }
        out += quote(items[i]);
    }
    out += ']';
    return out;
}

bool is_bare_key(std::string_view key) {
    if (key.empty()) {
        return false;
    }
    for (const char c : key) {
        const bool ok =
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

} // namespace wtool::toml_write

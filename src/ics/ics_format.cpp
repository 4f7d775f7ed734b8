#include "ics/ics_format.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

namespace wtool::ics {

namespace {

bool is_control(unsigned char c) {
    return c < 0x20 || c == 0x7F;
}

// Appends the code point at `i` (or U+FFFD for a malformed byte) and returns its length.
std::size_t copy_code_point(std::string& out, std::string_view s, std::size_t i) {
    const text::Decoded d = text::decode_utf8(s, i);
    if (d.valid) {
        out.append(s.substr(i, d.length));
    } else {
        text::append_utf8(out, U'\uFFFD');
    }
    return d.length;
}

// The length of the indivisible unit starting at `i` of a content line: a backslash escape of
// TEXT (\\ \; \, \n \N), a caret escape of a parameter value (^^ ^n ^')
// or one UTF-8 sequence (one byte when malformed). The two escape kinds never share a character,
// so reading a line from its start finds every escape whole.
std::size_t unit_length(std::string_view line, std::size_t i) {
    if (i + 1 < line.size()) {
        const char next = line[i + 1];
        if (line[i] == '\\' && std::string_view("\\;,nN").find(next) != std::string_view::npos) {
            return 2;
        }
        if (line[i] == '^' && std::string_view("^n'").find(next) != std::string_view::npos) {
            return 2;
        }
    }
    return text::decode_utf8(line, i).length;
}

} // namespace

std::string escape_text(std::string_view value) {
    std::string out;
    out.reserve(value.size() + value.size() / 8);
    for (std::size_t i = 0; i < value.size();) {
        const auto c = static_cast<unsigned char>(value[i]);
        switch (c) {
        case '\\': out += "\\\\"; break;
        case ';': out += "\\;"; break;
        case ',': out += "\\,"; break;
        case '\n': out += "\\n"; break;
        case '\r':
            out += "\\n";
            if (i + 1 < value.size() && value[i + 1] == '\n') {
                ++i;
            }
            break;
        case '\t': out += '\t'; break;
        default:
            if (is_control(c)) {
                break;
            }
            i += copy_code_point(out, value, i);
            continue;
        }
        ++i;
    }
    return out;
}

std::string param_value(std::string_view value) {
    std::string out;
    bool quote = false;
    for (std::size_t i = 0; i < value.size();) {
        const auto c = static_cast<unsigned char>(value[i]);
        switch (c) {
        case '^': out += "^^"; break;
        case '"': out += "^'"; break;
        case '\n': out += "^n"; break;
        case '\r':
            out += "^n";
            if (i + 1 < value.size() && value[i + 1] == '\n') {
                ++i;
            }
            break;
        case ';':
        case ':':
        case ',':
            quote = true;
            out += static_cast<char>(c);
            break;
        case '\t': out += '\t'; break;
        default:
            if (is_control(c)) {
                break;
            }
            i += copy_code_point(out, value, i);
            continue;
        }
        ++i;
    }
    return quote ? "\"" + out + "\"" : out;
}

std::string uri_value(std::string_view uri) {
    static constexpr std::string_view unsafe = "\"<>\\^`{|}";
    std::string out;
    for (const char ch : uri) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7F || unsafe.find(ch) != std::string_view::npos) {
            out += fmt::format("%{:02X}", c);
        } else {
            out += ch;
        }
    }
    return out;
}

std::string fold_line(std::string_view line) {
    constexpr std::size_t max_octets = 75;
    std::string out;
    out.reserve(line.size() + line.size() / 70 * 3 + 2);
    std::size_t used = 0; // octets on the current physical line
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t n = std::min(unit_length(line, i), line.size() - i);
        if (used + n > max_octets && used > 1) {
            out += "\r\n ";
            used = 1;
        }
        out.append(line.substr(i, n));
        used += n;
        i += n;
    }
    out += "\r\n";
    return out;
}

std::string format_utc(tz::Instant t) {
    return date::format("%Y%m%dT%H%M%SZ", t);
}

std::string format_local(tz::LocalTime t) {
    return date::format("%Y%m%dT%H%M%S", t);
}

std::string format_utc_offset(std::chrono::seconds offset) {
    const char sign = offset < std::chrono::seconds{0} ? '-' : '+';
    const auto total = std::chrono::abs(offset).count();
    const auto h = total / 3600;
    const auto m = total / 60 % 60;
    const auto s = total % 60;
    return s == 0 ? fmt::format("{}{:02}{:02}", sign, h, m) : fmt::format("{}{:02}{:02}{:02}", sign, h, m, s);
}

std::string format_duration(std::chrono::minutes d) {
    if (d == std::chrono::minutes{0}) {
        return "PT0S";
    }
    std::string out = d < std::chrono::minutes{0} ? "-P" : "P";
    const auto total = std::chrono::abs(d).count();
    const auto days = total / 1440;
    const auto hours = total / 60 % 24;
    const auto minutes = total % 60;
    if (days > 0) {
        out += fmt::format("{}D", days);
    }
    if (hours > 0 || minutes > 0) {
        out += 'T';
        if (hours > 0) {
            out += fmt::format("{}H", hours);
        }
        if (minutes > 0) {
            out += fmt::format("{}M", minutes);
        }
    }
    return out;
}

void Writer::begin(std::string_view component) {
    line("BEGIN", {}, component);
}

void Writer::end(std::string_view component) {
    line("END", {}, component);
}

void Writer::raw(std::string_view name, std::string_view value, std::initializer_list<Param> params) {
    std::string clean;
    for (const char c : value) {
        if (!is_control(static_cast<unsigned char>(c))) {
            clean += c;
        }
    }
    line(name, params, clean);
}

void Writer::text(std::string_view name, std::string_view value, std::initializer_list<Param> params) {
    line(name, params, escape_text(value));
}

void Writer::line(std::string_view name, std::initializer_list<Param> params, std::string_view value) {
    std::string content(name);
    for (const Param& p : params) {
        content += fmt::format(";{}={}", p.name, param_value(p.value));
    }
    content += ':';
    content += value;
    out_ += fold_line(content);
}

} // namespace wtool::ics

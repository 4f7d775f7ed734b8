#include "render/markdown.hpp"

#include "render/plain.hpp"

#include <cctype>
#include <fmt/format.h>

namespace wtool::markdown {

namespace {

bool is_ascii_alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Whether s[at] == '&' starts something a Markdown renderer would read as a character
// reference: &name; &#123; &#x1F;
bool starts_character_reference(std::string_view s, std::size_t at) {
    std::size_t i = at + 1;
    if (i < s.size() && s[i] == '#') {
        ++i;
        if (i < s.size() && (s[i] == 'x' || s[i] == 'X')) {
            ++i;
        }
    }
    const std::size_t first = i;
    while (i < s.size() && is_ascii_alnum(s[i])) {
        ++i;
    }
    return i > first && i < s.size() && s[i] == ';';
}

// Escapes one line of plain text (no line breaks in it).
std::string escape_one_line(std::string_view line) {
    std::string out;
    out.reserve(line.size() + 8);
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '#':
        case '|':
        case '$':
            out += '\\';
            out += c;
            break;
        case '~': out += "&#126;"; break;
        case '{': out += "&#123;"; break;
        case '&': out += starts_character_reference(line, i) ? "&amp;" : "&"; break;
        default: out += c; break;
        }
    }
    // Block syntax that only counts at the start of a line.
    if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=' || out[0] == ':')) {
        out.insert(0, 1, '\\');
    } else {
        std::size_t digits = 0;
        while (digits < out.size() && std::isdigit(static_cast<unsigned char>(out[digits])) != 0) {
            ++digits;
        }
        if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) {
            out.insert(digits, 1, '\\');
        }
    }
    return out;
}

} // namespace

std::string escape_line(std::string_view value) {
    return escape_one_line(plain::one_line(value));
}

std::string escape_paragraphs(std::string_view value) {
    std::string out;
    for (const std::string& p : plain::paragraphs(value)) {
        if (!out.empty()) {
            out += "\n\n";
        }
        out += escape_one_line(p);
    }
    return out;
}

std::string escape_url(std::string_view url) {
    const std::string token = plain::url_token(url);
    std::string out;
    out.reserve(token.size());
    for (const char c : token) {
        switch (c) {
        case '(':
        case ')':
        case '<':
        case '>':
        case '\\':
        case '`':
        case '{':
        case '}':
        case '|':
        case '^':
        case '"': out += fmt::format("%{:02X}", static_cast<unsigned char>(c)); break;
        default: out += c; break;
        }
    }
    return out;
}

} // namespace wtool::markdown

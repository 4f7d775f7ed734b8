#include "toml/toml_value_span.hpp"

namespace wtool::toml_text {

namespace {

constexpr std::size_t npos = std::string_view::npos;

// The byte after the string literal that starts at `i` (at its first quote), or npos.
std::size_t string_end(std::string_view text, std::size_t i) {
    const char quote = text[i];
    const bool basic = quote == '"';
    if (text.substr(i, 3) == std::string_view(basic ? R"(""")" : "'''")) {
        // Multi-line: ends at the first run of three quotes not escaped; up to two more quotes
        // right before the closing three belong to the value.
        std::size_t j = i + 3;
        while (j < text.size()) {
            if (basic && text[j] == '\\') {
                j += 2;
                continue;
            }
            if (text[j] == quote && text.substr(j, 3) == std::string_view(basic ? R"(""")" : "'''")) {
                std::size_t end = j + 3;
                while (end < text.size() && end < j + 5 && text[end] == quote) {
                    ++end;
                }
                return end;
            }
            ++j;
        }
        return npos;
    }
    for (std::size_t j = i + 1; j < text.size(); ++j) {
        if (text[j] == '\n') {
            return npos;
        }
        if (basic && text[j] == '\\') {
            ++j;
        } else if (text[j] == quote) {
            return j + 1;
        }
    }
    return npos;
}

bool digit(char c) {
    return c >= '0' && c <= '9';
}

// The byte after the bare value (number, boolean, date, time) that starts at `i`.
std::size_t bare_end(std::string_view text, std::size_t i) {
    const auto stops = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ']' || c == '}' || c == '#';
    };
    std::size_t j = i;
    while (j < text.size() && !stops(text[j])) {
        ++j;
    }
    // A date followed by a space and a time is one value: 1979-05-27 07:32:00.
    const std::string_view word = text.substr(i, j - i);
    if (word.size() == 10 && word[4] == '-' && word[7] == '-' && j + 3 < text.size() && text[j] == ' ' &&
        digit(text[j + 1]) && digit(text[j + 2]) && text[j + 3] == ':') {
        j += 1;
        while (j < text.size() && !stops(text[j])) {
            ++j;
        }
    }
    return j;
}

} // namespace

std::optional<std::size_t> value_end(std::string_view text, std::size_t begin) {
    if (begin >= text.size()) {
        return std::nullopt;
    }
    std::size_t depth = 0; // open arrays and inline tables
    std::size_t i = begin;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            i = string_end(text, i);
            if (i == npos) {
                return std::nullopt;
            }
        } else if (c == '[' || c == '{') {
            ++depth;
            ++i;
        } else if (c == ']' || c == '}') {
            if (depth == 0) {
                return std::nullopt;
            }
            --depth;
            ++i;
        } else if (depth > 0 && c == '#') {
            while (i < text.size() && text[i] != '\n') {
                ++i;
            }
        } else if (depth > 0 && (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == '=')) {
            ++i;
        } else if (depth > 0) {
            // A key of an inline table or a bare value inside a container.
            const std::size_t end = bare_end(text, i);
            i = end == i ? i + 1 : end;
        } else {
            const std::size_t end = bare_end(text, i);
            return end == i ? std::nullopt : std::optional<std::size_t>(end);
        }
        if (depth == 0) {
            return i;
        }
    }
    return std::nullopt;
}

} // namespace wtool::toml_text

#include "toml/toml_nesting.hpp"

#include "support/text.hpp"

#include <cstdint>
#include <fmt/format.h>
#include <vector>

namespace wtool::toml_tree {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// A byte that ends a bare key part. Anything else belongs to it: more than TOML allows, so that
// no valid key is misread.
bool ends_bare_key(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F || c == '.' || c == '=' || c == '[' || c == ']' || c == '{' || c == '}' || c == ',' ||
           c == '#' || c == '"' || c == '\'';
}

// A byte that ends a value that is neither a string, an array nor an inline table (a number, a
// boolean, a date or time: none of them contains one of these).
bool ends_bare_value(char c) {
    return c == ',' || c == ']' || c == '}' || c == '#' || c == '\n' || c == '\r';
}

// One pass over the text. Each function returns false when the scan stops: at a limit (error_
// is then set) or at text it does not understand.
class Scanner {
  public:
    explicit Scanner(std::string_view source)
        : p_(source.data()), end_(source.data() + source.size()), line_start_(source.data()) {
        if (source.starts_with(text::byte_order_mark)) { // toml++ skips it, counting no column
            p_ += text::byte_order_mark.size();
            line_start_ = p_;
        }
    }

    std::optional<TooDeep> run() {
        std::size_t table_level = 0; // of the table the last header opened
        for (;;) {
            skip_blank();
            if (p_ == end_) {
                return std::nullopt;
            }
            const bool ok = *p_ == '[' ? header(table_level) : key_value(table_level);
            if (!ok) {
                return std::move(error_);
            }
        }
    }

  private:
    struct Open {
        char close;        // ']' or '}'
        std::size_t level; // of the array or inline table
    };

    // Line and column of `at`, on the current line, in code points as toml++ counts them.
    [[nodiscard]] SourcePos pos_at(const char* at) const {
        std::uint32_t column = 1;
        for (const char* c = line_start_; c < at; ++c) {
            column += static_cast<std::uint32_t>((static_cast<unsigned char>(*c) & 0xC0) != 0x80);
        }
        return {line_, column};
    }
    [[nodiscard]] char peek() const { return p_ < end_ ? *p_ : '\0'; }

    bool fail(const char* at, std::string message) {
        error_ = TooDeep{pos_at(at), std::move(message)};
        return false;
    }

    void newline() { // at '\n'
        ++p_;
        ++line_;
        line_start_ = p_;
    }
    void skip_ws() {
        while (p_ < end_ && is_blank(*p_)) {
            ++p_;
        }
    }
    // Blanks, comments and line ends (also where TOML allows no line end: more than TOML, so
    // nothing valid is misread).
    void skip_blank() {
        while (p_ < end_) {
            if (is_blank(*p_) || *p_ == '\r') {
                ++p_;
            } else if (*p_ == '\n') {
                newline();
            } else if (*p_ == '#') {
                while (p_ < end_ && *p_ != '\n') {
                    ++p_;
                }
            } else {
                return;
            }
        }
    }

    // A key of one or more parts, in a table at `level`; `parts` is set to their number. Stops at
    // more than max_key_parts parts, or where the tables the parts make would go beyond
    // max_nesting.
    bool key(std::size_t level, std::size_t& parts) {
        skip_ws();
        const char* start = p_;
        parts = 0;
        for (;;) {
            skip_ws();
            if (!word(ends_bare_key)) {
                return false;
            }
            if (++parts > max_key_parts) {
                return fail(start, fmt::format("key has more than {} parts (wtool's limit)", max_key_parts));
            }
            if (level + parts - 1 > max_nesting) { // the tables all parts but the last make
                return too_deep(start);
            }
            skip_ws();
            if (peek() != '.') {
                return true;
            }
            ++p_;
        }
    }

    bool too_deep(const char* at) {
        return fail(at, fmt::format("tables and arrays nested more than {} deep (wtool's limit)", max_nesting));
    }

    // [a.b] or [[a.b]], at its '['.
    bool header(std::size_t& table_level) {
        ++p_;
        const bool array = peek() == '[';
        if (array) {
            ++p_;
        }
        std::size_t parts = 0;
        if (!key(0, parts)) {
            return false;
        }
        static_assert(max_key_parts + 1 <= max_nesting, "a header is never too deep by itself");
        table_level = parts + (array ? 1 : 0);
        for (int i = array ? 2 : 1; i > 0; --i) {
            if (peek() != ']') {
                return false;
            }
            ++p_;
        }
        return true;
    }

    // key = value, in a table at `level`.
    bool key_value(std::size_t level) { return key_equals(level) && value(level); }

    // A value whose array or inline table would be at `level`, with everything inside it: without
    // recursion, the arrays and inline tables it is inside of are on `open_`.
    bool value(std::size_t level) {
        open_.clear();
        for (;;) {
            // At a value, at `level`.
            skip_blank();
            const char c = peek();
            if (c == '[' || c == '{') {
                if (level > max_nesting) {
                    return too_deep(p_);
                }
                ++p_;
                open_.push_back({c == '[' ? ']' : '}', level});
                skip_blank();
                if (peek() == open_.back().close) {
                    ++p_;
                    open_.pop_back();
                } else if (c == '[') {
                    level = open_.back().level + 1;
                    continue;
                } else {
                    if (!key_equals(level)) {
                        return false;
                    }
                    continue;
                }
            } else if (!word(ends_bare_value)) {
                return false;
            }
            // After a value: close what ends here, up to the next value.
            for (;;) {
                if (open_.empty()) {
                    return true;
                }
                const Open inside = open_.back();
                skip_blank();
                if (peek() == inside.close) {
                    ++p_;
                    open_.pop_back();
                    continue;
                }
                if (peek() != ',') {
                    return false;
                }
                ++p_;
                skip_blank();
                if (inside.close == '}') {
                    level = inside.level;
                    if (!key_equals(level)) {
                        return false;
                    }
                    break;
                }
                if (peek() == ']') { // a trailing comma
                    continue;
                }
                level = inside.level + 1;
                break;
            }
        }
    }

    // `key =` in a table (or inline table) at `level`; `level` becomes that of the value.
    bool key_equals(std::size_t& level) {
        std::size_t parts = 0;
        if (!key(level, parts)) {
            return false;
        }
        if (peek() != '=') {
            return false;
        }
        ++p_;
        level += parts;
        return true;
    }

    // A string, or a run of bytes up to one that `ends`: a key part, or a value that is neither an
    // array nor an inline table. False when there is neither.
    bool word(bool (*ends)(char)) {
        if (peek() == '"' || peek() == '\'') {
            return string();
        }
        const char* start = p_;
        while (p_ < end_ && !ends(*p_)) {
            ++p_;
        }
        return p_ != start;
    }

    // A string of any kind, at its opening quote.
    bool string() {
        const char quote = *p_;
        const bool multi_line = end_ - p_ >= 3 && p_[1] == quote && p_[2] == quote;
        p_ += multi_line ? 3 : 1;
        while (p_ < end_) {
            const char c = *p_;
            if (c == quote) {
                if (!multi_line) {
                    ++p_;
                    return true;
                }
                const char* run = p_;
                while (p_ < end_ && *p_ == quote) {
                    ++p_;
                }
                if (p_ - run >= 3) { // the closing quotes, after up to two that belong to the text
                    return true;
                }
            } else if (c == '\\' && quote == '"') {
                p_ += end_ - p_ >= 2 && p_[1] != '\n' ? 2 : 1; // an escaped character, or a line-ending backslash
            } else if (c == '\n') {
                if (!multi_line) {
                    return false;
                }
                newline();
            } else {
                ++p_;
            }
        }
        return false;
    }

    const char* p_;
    const char* end_;
    const char* line_start_;
    std::uint32_t line_ = 1;
    std::vector<Open> open_; // the arrays and inline tables the scan is inside of, outermost first
    std::optional<TooDeep> error_;
};

} // namespace

std::optional<TooDeep> check_nesting(std::string_view source) {
    return Scanner(source).run();
}

} // namespace wtool::toml_tree

#include "toml/toml_fast_parser.hpp"

#include "support/text.hpp"
#include "toml/toml_chars.hpp"
#include "toml/toml_nesting.hpp"

#include <cstdint>
#include <cstring>
#include <date/date.h>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace wtool::toml_tree {

namespace {

// Thrown inside the parser when the text is outside what it handles (or invalid); parse_fast
// turns it into "nothing", so toml++ decides.
struct Unsupported {};

[[noreturn]] void unsupported() {
    throw Unsupported{};
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

template <class T, class... A> Node make(SourcePos pos, A&&... args) {
    return {Node::Value(std::in_place_type<T>, std::forward<A>(args)...), pos};
}

constexpr int max_depth = 64; // arrays and inline tables nested deeper are left to toml++

class Parser {
  public:
    explicit Parser(std::string_view source)
        : p_(source.data()), end_(source.data() + source.size()), line_start_(source.data()),
          counted_to_(source.data()) {}

    Node document() {
        if (end_ - p_ >= 3 && p_[0] == '\xEF' && p_[1] == '\xBB' && p_[2] == '\xBF') {
            unsupported(); // a byte-order mark
        }
        auto root = std::make_unique<Table>();
        root->explicit_ = true;
        Table* current = root.get();
        for (;;) {
            skip_blank();
            if (p_ == end_) {
                break;
            }
            if (*p_ == '[') {
                current = &header(*root);
            } else {
                key_value(*current);
            }
            end_of_line();
        }
        return make<std::unique_ptr<Table>>({1, 1}, std::move(root));
    }

  private:
    struct Key {
        String name; // a view of the source unless the key is quoted with escapes
        SourcePos pos;
    };

    // Line and column (in code points) of `at`, which is on the current line. Columns are counted
    // on from the last position asked for on the line (positions are asked for in the order of
    // the text), so a long line with many values costs its length once, not once per value.
    [[nodiscard]] SourcePos pos_at(const char* at) {
        if (counted_to_ < line_start_ || counted_to_ > at) {
            counted_to_ = line_start_;
            column_ = 1;
        }
        for (; counted_to_ < at; ++counted_to_) {
            column_ += static_cast<std::uint32_t>((static_cast<unsigned char>(*counted_to_) & 0xC0) != 0x80);
        }
        return {line_, column_};
    }
    [[nodiscard]] SourcePos here() { return pos_at(p_); }
    [[nodiscard]] char peek() const { return p_ < end_ ? *p_ : '\0'; }
    [[nodiscard]] bool starts_with(std::string_view s) const {
        return static_cast<std::size_t>(end_ - p_) >= s.size() && std::string_view(p_, s.size()) == s;
    }
    void expect(char c) {
        if (peek() != c) {
            unsupported();
        }
        ++p_;
    }

    void newline() { // at '\n'
        ++p_;
        ++line_;
        line_start_ = p_;
    }
    void skip_ws() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\t')) {
            ++p_;
        }
    }
    void skip_comment() { // at '#'
        for (++p_; p_ < end_ && *p_ != '\n'; ++p_) {
            if (is_forbidden_control(static_cast<unsigned char>(*p_))) {
                unsupported();
            }
        }
    }
    // Blanks, comments and line ends: between statements and inside arrays.
    void skip_blank() {
        for (;;) {
            skip_ws();
            if (p_ == end_) {
                return;
            }
            if (*p_ == '#') {
                skip_comment();
            } else if (*p_ == '\n') {
                newline();
            } else {
                return;
            }
        }
    }
    // What may follow a statement: blanks, a comment, the line end.
    void end_of_line() {
        skip_ws();
        if (p_ < end_ && *p_ == '#') {
            skip_comment();
        }
        if (p_ < end_) {
            if (*p_ != '\n') {
                unsupported();
            }
            newline();
        }
    }

    Key key() {
        const SourcePos pos = here();
        if (peek() == '"') {
            return {string_value('"', false), pos};
        }
        if (peek() == '\'') {
            return {string_value('\'', false), pos};
        }
        const char* start = p_;
        while (p_ < end_ && is_bare_key_char(*p_)) {
            ++p_;
        }
        if (p_ == start) {
            unsupported();
        }
        return {String(std::string_view(start, static_cast<std::size_t>(p_ - start))), pos};
    }

    void key_value(Table& table) {
        Key k = key();
        skip_ws();
        expect('='); // a dotted key ends up here too: toml++ reads those
        skip_ws();
        Node value = this->value(0);
        if (table.get(k.name.view()) != nullptr) {
            unsupported();
        }
        table.add(std::move(k.name), k.pos, std::move(value));
    }

    // [a.b] or [[a.b]]: returns the table that the following keys go into.
    Table& header(Table& root) {
        const SourcePos pos = here();
        ++p_;
        const bool array = peek() == '[';
        if (array) {
            ++p_;
        }
        keys_.clear();
        for (;;) {
            skip_ws();
            if (keys_.size() == max_key_parts) {
                unsupported(); // toml_document's check reports it
            }
            keys_.push_back(key());
            skip_ws();
            if (peek() != '.') {
                break;
            }
            ++p_;
        }
        expect(']');
        if (array) {
            expect(']');
        }
        Table* table = &root;
        for (std::size_t i = 0; i + 1 < keys_.size(); ++i) {
            table = &descend(*table, keys_[i], pos);
        }
        Key& last = keys_.back();
        Node* node = table->get(last.name.view());
        if (!array) {
            if (node == nullptr) {
                node = &table->add(std::move(last.name), last.pos, make<std::unique_ptr<Table>>(pos, new Table));
            } else if (Table* t = node->as_table(); t == nullptr || t->inline_ || t->explicit_) {
                unsupported(); // defined twice, or not a table
            } else {
                node->set_pos(pos); // a table so far implied by [last.more] headers, now defined
            }
            Table& defined = *node->as_table();
            defined.explicit_ = true;
            return defined;
        }
        if (node == nullptr) {
            auto created = std::make_unique<Array>();
            created->of_headers = true;
            node = &table->add(std::move(last.name), last.pos, make<std::unique_ptr<Array>>(pos, std::move(created)));
        }
        Array* tables = node->as_array();
        if (tables == nullptr || !tables->of_headers) {
            unsupported();
        }
        auto element = std::make_unique<Table>();
        element->explicit_ = true;
        Table& added = *element;
        tables->items().push_back(make<std::unique_ptr<Table>>(pos, std::move(element)));
        return added;
    }

    // One step of a header's path: into a table (made when missing) or an array of tables' last.
    static Table& descend(Table& table, Key& key, SourcePos header_pos) {
        Node* node = table.get(key.name.view());
        if (node == nullptr) {
            return *table.add(std::move(key.name), key.pos, make<std::unique_ptr<Table>>(header_pos, new Table))
                        .as_table();
        }
        if (Table* t = node->as_table(); t != nullptr && !t->inline_) {
            return *t;
        }
        if (Array* a = node->as_array(); a != nullptr && a->of_headers) {
            return *a->items().back().as_table();
        }
        unsupported();
    }

    Node value(int depth) {
        if (depth > max_depth) {
            unsupported();
        }
        const SourcePos pos = here();
        switch (peek()) {
        case '"': return make<String>(pos, string_value('"', starts_with(R"(""")")));
        case '\'': return make<String>(pos, string_value('\'', starts_with("'''")));
        case 't':
            if (!starts_with("true")) {
                unsupported();
            }
            p_ += 4;
            return make<bool>(pos, true);
        case 'f':
            if (!starts_with("false")) {
                unsupported();
            }
            p_ += 5;
            return make<bool>(pos, false);
        case '[': return array(depth, pos);
        case '{': return inline_table(depth, pos);
        default: return number_or_date(pos);
        }
    }

    Node array(int depth, SourcePos pos) {
        ++p_;
        auto array = std::make_unique<Array>();
        for (;;) {
            skip_blank();
            if (peek() == ']') {
                break;
            }
            array->items().push_back(value(depth + 1));
            skip_blank();
            if (peek() != ',') {
                break;
            }
            ++p_;
        }
        expect(']');
        return make<std::unique_ptr<Array>>(pos, std::move(array));
    }

    Node inline_table(int depth, SourcePos pos) {
        ++p_;
        auto table = std::make_unique<Table>();
        table->explicit_ = true;
        table->inline_ = true;
        skip_ws();
        if (peek() != '}') {
            for (;;) {
                skip_ws();
                Key k = key();
                skip_ws();
                expect('=');
                skip_ws();
                Node value = this->value(depth + 1);
                if (table->get(k.name.view()) != nullptr) {
                    unsupported();
                }
                table->add(std::move(k.name), k.pos, std::move(value));
                skip_ws();
                if (peek() != ',') {
                    break;
                }
                ++p_;
            }
        }
        expect('}');
        return make<std::unique_ptr<Table>>(pos, std::move(table));
    }

    // \x escapes of basic strings, at the backslash.
    void escape(std::string& out) {
        ++p_;
        const char e = peek();
        ++p_;
        switch (e) {
        case 'b': out += '\b'; return;
        case 't': out += '\t'; return;
        case 'n': out += '\n'; return;
        case 'f': out += '\f'; return;
        case 'r': out += '\r'; return;
        case '"': out += '"'; return;
        case '\\': out += '\\'; return;
        case 'u': text::append_utf8(out, static_cast<char32_t>(code_point(4))); return;
        case 'U': text::append_utf8(out, static_cast<char32_t>(code_point(8))); return;
        default: unsupported();
        }
    }

    std::uint32_t code_point(int digits) {
        std::uint32_t cp = 0;
        for (int i = 0; i < digits; ++i, ++p_) {
            const char c = peek();
            int v = 0;
            if (is_digit(c)) {
                v = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                v = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                v = c - 'A' + 10;
            } else {
                unsupported();
            }
            cp = cp * 16 + static_cast<std::uint32_t>(v);
        }
        // Not a Unicode scalar value, or a control character: left to toml++.
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp < 0x20 || cp == 0x7F) {
            unsupported();
        }
        return cp;
    }

    // A string of any of TOML's four kinds, at its opening quote: basic ('"') or literal ('\''),
    // on one line or multi-line. A view of the source when it has no escapes, else decoded.
    String string_value(char quote, bool multi_line) {
        const bool escapes = quote == '"';
        p_ += multi_line ? 3 : 1;
        if (multi_line && peek() == '\n') {
            newline(); // a line end right after the opening quotes is not part of the text
        }
        std::string out; // the text decoded so far, once there was an escape
        bool decoded = false;
        const char* run = p_; // the start of the text not yet in `out`
        for (;;) {
            p_ = skip_plain(p_, end_, quote);
            if (p_ == end_) {
                unsupported();
            }
            const auto c = static_cast<unsigned char>(*p_);
            if (c == static_cast<unsigned char>(quote)) {
                if (!multi_line) {
                    const char* text_end = p_;
                    ++p_;
                    return text(decoded, out, run, text_end);
                }
                if (starts_with(escapes ? R"(""")" : "'''")) {
                    std::size_t n = 3; // up to two more quotes belong to the text
                    while (n < 5 && p_ + n < end_ && p_[n] == quote) {
                        ++n;
                    }
                    const char* text_end = p_ + (n - 3);
                    p_ += n;
                    return text(decoded, out, run, text_end);
                }
                ++p_;
            } else if (c == '\\' && escapes) {
                out.append(run, p_);
                decoded = true;
                if (!multi_line || !line_ending_backslash()) {
                    escape(out);
                }
                run = p_;
            } else if (c == '\n' && multi_line) {
                newline();
            } else if (is_forbidden_control(c)) { // a line end in a one-line string too
                unsupported();
            } else {
                ++p_;
            }
        }
    }

    // The string whose text is `out` (when decoded) followed by [run, end) of the source.
    static String text(bool decoded, std::string& out, const char* run, const char* end) {
        if (!decoded) {
            return String(std::string_view(run, static_cast<std::size_t>(end - run)));
        }
        out.append(run, end);
        return String(std::move(out));
    }

    // At a backslash in a multi-line basic string: when only blanks follow it on its line, skips
    // it and every blank and line end after it, and returns true.
    bool line_ending_backslash() {
        const char* q = p_ + 1;
        while (q < end_ && (*q == ' ' || *q == '\t')) {
            ++q;
        }
        if (q == end_ || *q != '\n') {
            return false;
        }
        p_ = q;
        for (;;) {
            if (p_ < end_ && (*p_ == ' ' || *p_ == '\t')) {
                ++p_;
            } else if (p_ < end_ && *p_ == '\n') {
                newline();
            } else {
                return true;
            }
        }
    }

    // `n` digits as a number.
    int digits(int n) {
        int v = 0;
        for (int i = 0; i < n; ++i, ++p_) {
            if (!is_digit(peek())) {
                unsupported();
            }
            v = v * 10 + (*p_ - '0');
        }
        return v;
    }

    Time time() {
        Time t;
        t.hour = digits(2);
        expect(':');
        t.minute = digits(2);
        expect(':');
        t.second = digits(2);
        if (t.hour > 23 || t.minute > 59 || t.second > 59 || peek() == '.') {
            unsupported(); // fractions of a second too
        }
        return t;
    }

    Node number_or_date(SourcePos pos) {
        const auto left = end_ - p_;
        if (left >= 5 && is_digit(p_[0]) && is_digit(p_[1]) && is_digit(p_[2]) && is_digit(p_[3]) && p_[4] == '-') {
            return date_or_date_time(pos);
        }
        if (left >= 3 && is_digit(p_[0]) && is_digit(p_[1]) && p_[2] == ':') {
            return make<Time>(pos, time());
        }
        return make<std::int64_t>(pos, integer());
    }

    Node date_or_date_time(SourcePos pos) {
        Date d;
        d.year = digits(4);
        expect('-');
        d.month = digits(2);
        expect('-');
        d.day = digits(2);
        const date::year_month_day day{date::year{d.year}, date::month{static_cast<unsigned>(d.month)},
                                       date::day{static_cast<unsigned>(d.day)}};
        if (d.year == 0 || !day.ok()) { // a day of the calendar, leap years by date/tz's rule
            unsupported();
        }
        const char c = peek();
        const bool time_follows =
            c == 'T' || c == 't' || (c == ' ' && end_ - p_ >= 4 && is_digit(p_[1]) && is_digit(p_[2]) && p_[3] == ':');
        if (!time_follows) {
            return make<Date>(pos, d);
        }
        ++p_;
        DateTime dt{d, time(), std::nullopt};
        if (peek() == 'Z' || peek() == 'z') {
            ++p_;
            dt.offset_minutes = 0;
        } else if (peek() == '+' || peek() == '-') {
            const int sign = *p_++ == '-' ? -1 : 1;
            const int hours = digits(2);
            expect(':');
            const int minutes = digits(2);
            if (hours > 23 || minutes > 59) {
                unsupported();
            }
            dt.offset_minutes = sign * (hours * 60 + minutes);
        }
        return make<std::unique_ptr<DateTime>>(pos, std::make_unique<DateTime>(dt));
    }

    // A decimal integer; anything else that starts like a number (floats, 0x..., inf) is left
    // to toml++.
    std::int64_t integer() {
        const bool negative = peek() == '-';
        if (peek() == '-' || peek() == '+') {
            ++p_;
        }
        if (!is_digit(peek())) {
            unsupported();
        }
        if (*p_ == '0' && p_ + 1 < end_ && (is_digit(p_[1]) || p_[1] == '_')) {
            unsupported(); // leading zeros
        }
        const std::uint64_t limit =
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + static_cast<std::uint64_t>(negative);
        std::uint64_t v = 0;
        for (;;) {
            if (is_digit(peek())) {
                const auto d = static_cast<std::uint64_t>(*p_ - '0');
                if (v > (limit - d) / 10) {
                    unsupported();
                }
                v = v * 10 + d;
                ++p_;
            } else if (peek() == '_' && p_ + 1 < end_ && is_digit(p_[1]) && is_digit(p_[-1])) {
                ++p_;
            } else {
                break;
            }
        }
        const char c = peek();
        if (c == '.' || c == 'e' || c == 'E' || c == '_' || is_bare_key_char(c)) {
            unsupported(); // a float, 0x.., or a number run into letters
        }
        if (negative) {
            return v == 0 ? 0 : -static_cast<std::int64_t>(v - 1) - 1;
        }
        return static_cast<std::int64_t>(v);
    }

    const char* p_;
    const char* end_;
    const char* line_start_;
    std::uint32_t line_ = 1;
    const char* counted_to_; // pos_at's last position: column_ is its column
    std::uint32_t column_ = 1;
    std::vector<Key> keys_; // a header's path, reused
};

} // namespace

std::optional<Node> parse_fast(std::string_view source) {
    try {
        return Parser(source).document();
    } catch (const Unsupported&) {
        return std::nullopt;
    }
}

} // namespace wtool::toml_tree

#include "time/when.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

namespace wtool::tz {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A left-to-right reader over the text.
class Cursor {
  public:
    explicit Cursor(std::string_view s) : s_(s) {}

    [[nodiscard]] bool done() const { return i_ >= s_.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
    [[nodiscard]] std::string_view rest() const { return s_.substr(std::min(i_, s_.size())); }
    void skip(std::size_t n = 1) { i_ += n; }
    void skip_blanks() {
        while (peek() == ' ' || peek() == '\t') {
            ++i_;
        }
    }
    // Reads exactly `count` digits, or nullopt (and reads nothing).
    std::optional<int> digits(std::size_t count) {
        int value = 0;
        for (std::size_t k = 0; k < count; ++k) {
            if (!is_digit(peek(k))) {
                return std::nullopt;
            }
            value = value * 10 + (peek(k) - '0');
        }
        i_ += count;
        return value;
    }
    // Reads one or two digits, or nullopt.
    std::optional<int> one_or_two_digits() {
        if (!is_digit(peek())) {
            return std::nullopt;
        }
        return is_digit(peek(1)) ? digits(2) : digits(1);
    }

  private:
    std::string_view s_;
    std::size_t i_ = 0;
};

std::string not_a_time(std::string_view text) {
    return fmt::format("'{}' is not a time: write it like 15:00, 3pm, 3:30pm or 2026-03-02 15:00, optionally "
                       "followed by a zone such as CET, Europe/Copenhagen or +01:00",
                       text);
}

// Whether the cursor is at "am" or "pm" (any case) that ends a word; returns 'a' or 'p'.
char meridiem_at(const Cursor& c) {
    const char first = static_cast<char>(c.peek() | 0x20);
    const char second = static_cast<char>(c.peek(1) | 0x20);
    if ((first == 'a' || first == 'p') && second == 'm' && !is_letter(c.peek(2))) {
        return first;
    }
    return '\0';
}

} // namespace

std::expected<date::local_days, std::string> parse_date(std::string_view text) {
    Cursor c(text);
    const auto y = c.digits(4);
    const bool dash1 = c.peek() == '-';
    c.skip();
    const auto m = c.digits(2);
    const bool dash2 = c.peek() == '-';
    c.skip();
    const auto d = c.digits(2);
    if (!y || !dash1 || !m || !dash2 || !d || !c.done()) {
        return std::unexpected(fmt::format("'{}' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-02", text));
    }
    const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                   date::day{static_cast<unsigned>(*d)}};
    if (!ymd.month().ok()) {
        return std::unexpected(fmt::format("'{}' is not a date: months go from 01 to 12", text));
    }
    if (!ymd.ok()) {
        return std::unexpected(fmt::format("'{}' is not a date: {} has no day {}", text,
                                           date::format("%B %Y", date::year_month{ymd.year(), ymd.month()}), *d));
    }
    return date::local_days{ymd};
}

namespace {

// [DATE ('T' | ' ')] at the start of `text`: a word that starts like a year ("2026-"). Nothing is
// read when there is none.
std::expected<std::optional<date::local_days>, std::string> read_date_prefix(std::string_view text, Cursor& c) {
    if (text.size() < 5 || !is_digit(text[0]) || !is_digit(text[1]) || !is_digit(text[2]) || !is_digit(text[3]) ||
        text[4] != '-') {
        return std::nullopt;
    }
    const std::size_t end = text.find_first_of(" \tTt");
    const std::string_view word = text.substr(0, end);
    auto day = parse_date(word);
    if (!day) {
        return std::unexpected(day.error());
    }
    c.skip(word.size());
    if (c.done()) {
        return std::unexpected(fmt::format("'{}' has no time of day: add one, e.g. '{} 15:00'", text, text));
    }
    if (c.peek() == 'T' || c.peek() == 't') {
        c.skip();
    } else {
        c.skip_blanks();
    }
    return *day;
}

// The digits of a time: H, H:MM or H:MM:SS.
struct Clock {
    int hour = 0;
    std::optional<int> minute;
    std::optional<int> second;
};

std::optional<Clock> read_clock(Cursor& c) {
    const auto hour = c.one_or_two_digits();
    if (!hour) {
        return std::nullopt;
    }
    Clock clock{*hour, std::nullopt, std::nullopt};
    if (c.peek() == ':') {
        c.skip();
        clock.minute = c.digits(2);
        if (!clock.minute) {
            return std::nullopt;
        }
        if (c.peek() == ':') {
            c.skip();
            clock.second = c.digits(2);
            if (!clock.second) {
                return std::nullopt;
            }
        }
    }
    return clock;
}

// A 12-hour time ("3pm", "3:30 am") as `typed`, with its meridiem ('a' or 'p').
std::expected<std::chrono::minutes, std::string> twelve_hour(const Clock& clock, std::string_view typed,
                                                             char meridiem) {
    if (clock.second) {
        return std::unexpected(fmt::format("'{}' has seconds: wtool works to the minute, write it like 3:30pm", typed));
    }
    if (clock.hour < 1 || clock.hour > 12) {
        return std::unexpected(fmt::format("'{}' is not a 12-hour time: hours go from 1 to 12 before am or pm", typed));
    }
    if (clock.minute && *clock.minute > 59) {
        return std::unexpected(fmt::format("'{}' is not a time of day: minutes go from 00 to 59", typed));
    }
    const int h24 = (clock.hour % 12) + (meridiem == 'p' ? 12 : 0);
    return std::chrono::hours{h24} + std::chrono::minutes{clock.minute.value_or(0)};
}

// A 24-hour time ("15:00") as `typed`: `clock` with its `minute`.
std::expected<std::chrono::minutes, std::string> twenty_four_hour(const Clock& clock, int minute,
                                                                  std::string_view typed) {
    if (clock.hour > 23) {
        return std::unexpected(fmt::format("'{}' is not a time of day: hours go from 00 to 23", typed));
    }
    if (minute > 59) {
        return std::unexpected(fmt::format("'{}' is not a time of day: minutes go from 00 to 59", typed));
    }
    if (clock.second && *clock.second != 0) {
        return std::unexpected(
            fmt::format("'{}' has seconds: wtool works to the minute, write it without them", typed));
    }
    return std::chrono::hours{clock.hour} + std::chrono::minutes{minute};
}

// The word at the start of `rest` (letters only), when a blank, '+', '-' or the end follows it.
std::string_view leading_word(std::string_view rest) {
    std::size_t n = 0;
    while (n < rest.size() && is_letter(rest[n])) {
        ++n;
    }
    const char after = n < rest.size() ? rest[n] : ' ';
    return after == ' ' || after == '\t' || after == '+' || after == '-' ? rest.substr(0, n) : std::string_view{};
}

// TIME: a 24-hour time, a 12-hour one with am or pm (after blanks or not), or "noon" ("midday").
// "midnight" is refused: people mean the start of a day by it as often as its end.
std::expected<std::chrono::minutes, std::string> read_time_of_day(std::string_view text, Cursor& c) {
    const std::string_view time_start = c.rest();
    const std::string_view word = leading_word(time_start);
    if (text::iequals_ascii(word, "noon") || text::iequals_ascii(word, "midday")) {
        c.skip(word.size());
        return std::chrono::hours{12};
    }
    if (text::iequals_ascii(word, "midnight")) {
        return std::unexpected(fmt::format("'{}' could be the start or the end of a day: write 00:00 (or 12am) "
                                           "with the date of the day it starts",
                                           word));
    }
    const auto clock = read_clock(c);
    if (!clock) {
        return std::unexpected(not_a_time(text));
    }
    const std::size_t time_length = time_start.size() - c.rest().size();
    Cursor probe = c;
    probe.skip_blanks();
    const char meridiem = meridiem_at(probe);
    if (meridiem != '\0') {
        c = probe;
        c.skip(2);
        return twelve_hour(*clock, time_start.substr(0, time_start.size() - c.rest().size()), meridiem);
    }
    if (!clock->minute) {
        if (!c.done() && c.peek() != ' ' && c.peek() != '\t') {
            return std::unexpected(not_a_time(text));
        }
        return std::unexpected(fmt::format("'{}' is not a time: write {:02}:00, or add am or pm",
                                           time_start.substr(0, time_length), clock->hour));
    }
    return twenty_four_hour(*clock, *clock->minute, time_start.substr(0, time_length));
}

} // namespace

std::expected<When, std::string> parse_when(std::string_view input) {
    const std::string_view text = text::trim(input);
    if (text.empty()) {
        return std::unexpected(std::string(
            "empty time: write it like 15:00, 3pm, 3:30pm or 2026-03-02 15:00, optionally followed by a zone"));
    }
    When when;
    Cursor c(text);
    auto day = read_date_prefix(text, c);
    if (!day) {
        return std::unexpected(day.error());
    }
    when.date = *day;
    auto time_of_day = read_time_of_day(text, c);
    if (!time_of_day) {
        return std::unexpected(time_of_day.error());
    }
    when.time_of_day = *time_of_day;

    // [ZONE]: after blanks, or directly when it is an offset or 'Z'.
    const char next = c.peek();
    if (!c.done() && next != ' ' && next != '\t' && next != '+' && next != '-' && next != 'Z' && next != 'z') {
        return std::unexpected(not_a_time(text));
    }
    when.zone = std::string(text::trim(c.rest()));
    return when;
}

} // namespace wtool::tz

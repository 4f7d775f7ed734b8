#include "catalogue/time_hints.hpp"

#include "support/text.hpp"
#include "time/timezone.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace wtool {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Whether `s` is `count` digits.
bool digits(std::string_view s, std::size_t count) {
    return s.size() == count && std::all_of(s.begin(), s.end(), is_digit);
}

// "H:MM" or "HH:MM" (00:00 to 23:59) at the start of `s`, as "HH:MM" (the length read in
// `length`); nullopt otherwise.
std::optional<std::string> hours_and_minutes(std::string_view s, std::size_t& length) {
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || !digits(s.substr(0, colon), colon) ||
        !digits(s.substr(colon + 1, 2), 2)) {
        return std::nullopt;
    }
    const int hours = colon == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
    if (hours > 23 || s[colon + 1] > '5') {
        return std::nullopt;
    }
    length = colon + 3;
    return (colon == 1 ? "0" : "") + std::string(s.substr(0, length));
}

} // namespace

std::optional<std::string> missing_seconds_hint(std::string_view line) {
    constexpr std::size_t longest_line = 200;
    const std::size_t equals = line.find('=');
    if (line.size() > longest_line || equals == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view key = text::trim(line.substr(0, equals));
    std::string_view value = line.substr(equals + 1);
    if (const std::size_t hash = value.find('#'); hash != std::string_view::npos) {
        value = value.substr(0, hash);
    }
    value = text::trim(value);
    if (key.empty() || value.empty()) {
        return std::nullopt;
    }
    // A date before the time: 2026-03-02T17:00 or 2026-03-02 17:00.
    std::string date;
    if (value.size() > 11 && digits(value.substr(0, 4), 4) && value[4] == '-' && digits(value.substr(5, 2), 2) &&
        value[7] == '-' && digits(value.substr(8, 2), 2) &&
        (value[10] == 'T' || value[10] == 't' || value[10] == ' ')) {
        date = std::string(value.substr(0, 11));
        value.remove_prefix(11);
    }
    std::size_t length = 0;
    const std::optional<std::string> clock = hours_and_minutes(value, length);
    const std::string_view rest = clock ? value.substr(length) : std::string_view{};
    // After the minutes: nothing, or (in a date-time) an offset.
    const bool offset_follows =
        !date.empty() && !rest.empty() && (rest == "Z" || rest == "z" || rest[0] == '+' || rest[0] == '-');
    if (!clock || (!rest.empty() && !offset_follows)) {
        return std::nullopt;
    }
    return fmt::format("write {} = {}{}:00{}: TOML times have seconds", key, date, *clock, rest);
}

std::string quoted_time_hint(std::string_view key, std::string_view value, const date::time_zone* series_zone) {
    std::size_t length = 0;
    const std::string clock = hours_and_minutes(text::trim(value), length).value_or("15:00");
    const std::string fix = fmt::format("write it without quotes and without a zone, e.g. {} = {}:00", key, clock);
    if (series_zone == nullptr) {
        return fix + ": times are local times in the series' time zone";
    }
    const std::vector<std::string> abbrevs = tz::abbreviations_in_use(*series_zone);
    if (abbrevs.size() == 2) {
        return fmt::format("{}: times are local {} time, and wtool works out {} or {} for each date itself", fix,
                           series_zone->name(), abbrevs[0], abbrevs[1]);
    }
    return fmt::format("{}: times are local {} time ({})", fix, series_zone->name(), fmt::join(abbrevs, ", "));
}

} // namespace wtool

// ISO 8601 instants ("2026-02-01T12:00:00Z", with an offset, or a date alone) and UTC offsets
// written for people (timezone.hpp).
#include "time/timezone.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <sstream>

namespace wtool::tz {

namespace {
std::string not_an_instant(std::string_view text) {
    return fmt::format("'{}' is not an ISO 8601 time with a zone, like 2026-02-01T12:00:00Z", text);
}

// Whether `s` has the shape given to date::parse: YYYY-MM-DD, or that with THH:MM[:SS] and then
// nothing, Z, or a sign followed by digits and colons. date.h (3.0.1) turns a field it cannot read
// into a NaN and converts it to an integer (undefined behaviour, found by fuzz_time with
// "2026-03-02T15:00:penhagen...:00 UTC"), so nothing else may reach it.
bool parseable_shape(std::string_view s) {
    const auto digits_at = [&](std::size_t at, std::size_t count) {
        return at + count <= s.size() && std::all_of(s.begin() + static_cast<std::ptrdiff_t>(at),
                                                     s.begin() + static_cast<std::ptrdiff_t>(at + count),
                                                     [](char c) { return c >= '0' && c <= '9'; });
    };
    const auto char_at = [&](std::size_t at, char c) { return at < s.size() && s[at] == c; };
    if (!digits_at(0, 4) || !char_at(4, '-') || !digits_at(5, 2) || !char_at(7, '-') || !digits_at(8, 2)) {
        return false;
    }
    if (s.size() == 10) {
        return true;
    }
    if (!char_at(10, 'T') || !digits_at(11, 2) || !char_at(13, ':') || !digits_at(14, 2)) {
        return false;
    }
    std::size_t end = 16;
    if (char_at(end, ':')) {
        if (!digits_at(end + 1, 2)) {
            return false;
        }
        end += 3;
    }
    const std::string_view rest = s.substr(end);
    return rest.empty() || rest == "Z" ||
           ((rest.front() == '+' || rest.front() == '-') && rest.size() > 1 &&
            rest.find_first_not_of("0123456789:", 1) == std::string_view::npos);
}
} // namespace

std::expected<Instant, std::string> parse_instant(std::string_view text) {
    std::string s(text::trim(text));
    if (s.empty()) {
        return std::unexpected(std::string("empty time"));
    }
    // Accept a space between date and time, and a lower-case 'z'.
    if (s.size() > 10 && s[10] == ' ') {
        s[10] = 'T';
    }
    if (!s.empty() && s.back() == 'z') {
        s.back() = 'Z';
    }
    if (!parseable_shape(s)) {
        return std::unexpected(not_an_instant(text));
    }
    // date.h (3.0.1) negates an offset it could not read when a '-' stands where one begins
    // ("15:00-x"): undefined behaviour. So every sign must be followed by a digit, and the forms
    // that read two-digit hours (%z) are tried only when every sign after the time has two.
    std::size_t offset_digits = 2;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+' || s[i] == '-') {
            std::size_t digits = 0;
            while (i + 1 + digits < s.size() && s[i + 1 + digits] >= '0' && s[i + 1 + digits] <= '9') {
                ++digits;
            }
            if (digits == 0) {
                return std::unexpected(not_an_instant(text));
            }
            if (i > 10) {
                offset_digits = std::min(offset_digits, digits);
            }
        }
    }
    const auto try_parse = [&](const char* format, bool has_offset) -> std::optional<Instant> {
        std::istringstream in(s);
        date::sys_seconds tp;
        std::chrono::minutes offset{0};
        if (has_offset) {
            in >> date::parse(format, tp, offset);
        } else {
            in >> date::parse(format, tp);
        }
        if (in.fail() || in.peek() != std::char_traits<char>::eof()) {
            return std::nullopt;
        }
        return tp; // date::parse already applied a parsed %z offset
    };
    if (s.back() == 'Z') {
        s.pop_back();
        for (const char* f : {"%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"}) {
            if (auto t = try_parse(f, false)) {
                return *t;
            }
        }
    } else if (s.size() == 10) {
        if (auto t = try_parse("%Y-%m-%d", false)) {
            return *t;
        }
    } else {
        for (const char* f : {"%Y-%m-%dT%H:%M:%S%Ez", "%Y-%m-%dT%H:%M%Ez", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z"}) {
            if (offset_digits < 2 && std::string_view(f).ends_with("%z")) {
                continue;
            }
            if (auto t = try_parse(f, true)) {
                return *t;
            }
        }
    }
    return std::unexpected(not_an_instant(text));
}

std::string format_offset(std::chrono::seconds offset) {
    const char sign = offset < std::chrono::seconds{0} ? '-' : '+';
    const auto total = std::chrono::abs(offset);
    const auto h = std::chrono::duration_cast<std::chrono::hours>(total);
    const auto m = std::chrono::duration_cast<std::chrono::minutes>(total - h);
    return fmt::format("{}{:02}:{:02}", sign, h.count(), m.count());
}

std::string format_utc(Instant t) {
    return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

} // namespace wtool::tz

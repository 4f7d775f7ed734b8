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

#include "time/time_format.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

namespace wtool::tz {

namespace {
// Hours and minutes of a local time's time of day.
date::hh_mm_ss<std::chrono::seconds> time_of_day(LocalTime t) {
    return date::make_time(t - date::floor<date::days>(t));
}
} // namespace

std::string format_clock_12h(LocalTime t, ClockMinutes minutes) {
    const auto tod = time_of_day(t);
    const long hour24 = tod.hours().count();
    const long minute = tod.minutes().count();
    const long hour12 = hour24 % 12 == 0 ? 12 : hour24 % 12;
    const char* suffix = hour24 < 12 ? "am" : "pm";
    if (minutes == ClockMinutes::when_nonzero && minute == 0) {
        return fmt::format("{}{}", hour12, suffix);
    }
    return fmt::format("{}:{:02}{}", hour12, minute, suffix);
}

std::string format_clock_24h(LocalTime t) {
    const auto tod = time_of_day(t);
    return fmt::format("{:02}:{:02}", tod.hours().count(), tod.minutes().count());
}

std::string format_long_date(date::local_days day, DayStyle style) {
    const date::year_month_day ymd{day};
    const auto d = static_cast<unsigned>(ymd.day());
    std::string day_text;
    switch (style) {
    case DayStyle::two_digit: day_text = fmt::format("{:02}", d); break;
    case DayStyle::plain: day_text = std::to_string(d); break;
    case DayStyle::ordinal: day_text = text::ordinal_suffixed(static_cast<long>(d)); break;
    }
    return day_text + date::format(" %B %Y", day);
}

std::string format_iso_date(date::local_days day) {
    return date::format("%Y-%m-%d", day);
}

std::string format_weekday(date::local_days day, NameLength length) {
    return date::format(length == NameLength::full ? "%A" : "%a", day);
}

date::local_days local_day(LocalTime t) {
    return date::floor<date::days>(t);
}

std::string format_iso_local(const ZonedView& view) {
    return date::format("%Y-%m-%dT%H:%M:%S", view.local) + format_offset(view.offset);
}

std::string format_utc_offset(std::chrono::seconds offset) {
    return "UTC" + format_offset(offset);
}

std::string format_day_difference(int days) {
    if (days == 0) {
        return {};
    }
    return fmt::format("{:+} day{}", days, days == 1 || days == -1 ? "" : "s");
}

std::string format_compact_offset(std::chrono::seconds offset) {
    const char sign = offset < std::chrono::seconds{0} ? '-' : '+';
    const long minutes = std::chrono::duration_cast<std::chrono::minutes>(std::chrono::abs(offset)).count();
    return fmt::format("{}{:02}{:02}", sign, minutes / 60, minutes % 60);
}

std::string format_zone_label(const ZonedView& view) {
    const bool numeric = view.abbrev.empty() || view.abbrev.front() == '+' || view.abbrev.front() == '-';
    if (!numeric) {
        return view.abbrev;
    }
    const char sign = view.offset < std::chrono::seconds{0} ? '-' : '+';
    const long minutes = std::chrono::duration_cast<std::chrono::minutes>(std::chrono::abs(view.offset)).count();
    if (minutes % 60 == 0) {
        return fmt::format("UTC{}{}", sign, minutes / 60);
    }
    return fmt::format("UTC{}{}:{:02}", sign, minutes / 60, minutes % 60);
}

} // namespace wtool::tz

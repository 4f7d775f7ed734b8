#include "display_time.hpp"

#include "text.hpp"

#include <array>
#include <fmt/format.h>

namespace wtool::display {

namespace {
constexpr std::array<std::string_view, 12> month_names = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};
constexpr std::array<std::string_view, 7> weekday_names = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                           "Thursday", "Friday", "Saturday"};
} // namespace

std::string_view month_name(date::month m) {
    const auto index = static_cast<unsigned>(m);
    return index >= 1 && index <= 12 ? month_names[index - 1] : std::string_view{};
}

std::string_view weekday_name(date::weekday wd) {
    return weekday_names[wd.c_encoding() % 7];
}

std::string long_date(date::year_month_day ymd) {
    return fmt::format("{:02} {} {}", static_cast<unsigned>(ymd.day()), month_name(ymd.month()),
                       static_cast<int>(ymd.year()));
}

std::string ordinal_date(date::year_month_day ymd) {
    return fmt::format("{} {} {}", text::ordinal_suffixed(static_cast<long>(static_cast<unsigned>(ymd.day()))),
                       month_name(ymd.month()), static_cast<int>(ymd.year()));
}

std::string iso_date(date::year_month_day ymd) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

namespace {
// Minutes since midnight, folded into [0, 1440).
long fold_day(std::chrono::minutes since_midnight) {
    constexpr long day = 24L * 60;
    return ((since_midnight.count() % day) + day) % day;
}
} // namespace

std::string clock_12h(std::chrono::minutes since_midnight) {
    const long total = fold_day(since_midnight);
    const long hour = total / 60;
    const long minute = total % 60;
    const long hour12 = hour % 12 == 0 ? 12 : hour % 12;
    return fmt::format("{}:{:02}{}", hour12, minute, hour < 12 ? "am" : "pm");
}

std::string clock_24h(std::chrono::minutes since_midnight) {
    const long total = fold_day(since_midnight);
    return fmt::format("{:02}:{:02}", total / 60, total % 60);
}

std::string compact_offset(std::chrono::seconds offset) {
    const char sign = offset < std::chrono::seconds{0} ? '-' : '+';
    const long minutes = std::chrono::duration_cast<std::chrono::minutes>(std::chrono::abs(offset)).count();
    return fmt::format("{}{:02}{:02}", sign, minutes / 60, minutes % 60);
}

std::string zone_label(const tz::ZonedView& view) {
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

std::string zone_city(std::string_view zone_name) {
    const std::size_t slash = zone_name.rfind('/');
    std::string city(slash == std::string_view::npos ? zone_name : zone_name.substr(slash + 1));
    for (char& c : city) {
        if (c == '_') {
            c = ' ';
        }
    }
    return city;
}

} // namespace wtool::display

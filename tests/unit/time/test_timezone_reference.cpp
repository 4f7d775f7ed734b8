// The time module against an independent reference: the system's zdump (glibc's tz code), run by
// the test. Every DST transition from 2020 to 2030 in eleven zones, every minute for three hours
// either side of it (both directions: instant -> local time, and local time -> instant with its
// gaps and repeats), and every six hours in between. Nothing of the reference goes through
// date/tz: zdump's text is read with strptime/timegm and local times are formatted with gmtime_r.
#include "time/time_format.hpp"
#include "time/timezone.hpp"

#include <cstdio>
#include <ctime>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace wtool;

namespace {

constexpr const char* reference_zones[] = {
    "Europe/Copenhagen",   "Europe/London",    "America/New_York", "America/Los_Angeles",
    "America/Sao_Paulo",   "Asia/Kolkata",     "Asia/Kathmandu",   "Australia/Sydney",
    "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham",
};

// One period of a zone as zdump reports it: from `begin` (seconds since the epoch) to the next.
struct RefPeriod {
    long long begin = 0;
    long long gmtoff = 0;
    std::string abbrev;
    bool dst = false;
};

long long parse_zdump_time(const std::string& text) {
    std::tm tm{};
    const char* end = strptime(text.c_str(), "%a %b %d %H:%M:%S %Y", &tm);
    REQUIRE_MESSAGE(end != nullptr, "cannot read zdump time '" << text << "'");
    return static_cast<long long>(timegm(&tm));
}

// The periods of `zone` from zdump -v, oldest first; the first one starts at -infinity.
std::vector<RefPeriod> zdump_periods(const std::string& zone) {
    const std::string command = "zdump -v -c 1800,2031 " + zone;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE_MESSAGE(pipe != nullptr, "cannot run " << command);
    std::string output;
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get())) {
        output.append(buffer, n);
    }
    std::vector<RefPeriod> periods;
    long long previous_ut = 0;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        const std::size_t eq = line.find(" UT = ");
        if (eq == std::string::npos) {
            continue; // the "= NULL" lines at the ends of time
        }
        const std::size_t start = zone.size() + 2;
        const long long ut = parse_zdump_time(line.substr(start, eq - start));
        // After " UT = ": "Sun Mar 29 03:00:00 2020 CEST isdst=1 gmtoff=7200"
        std::istringstream fields(line.substr(eq + 6));
        std::string wday, month, day, clock, year, abbrev, isdst, gmtoff;
        fields >> wday >> month >> day >> clock >> year >> abbrev >> isdst >> gmtoff;
        RefPeriod p{ut, std::stoll(gmtoff.substr(7)), abbrev, isdst == "isdst=1"};
        if (periods.empty()) {
            p.begin = std::numeric_limits<long long>::min(); // in force before the first transition
            periods.push_back(p);
        } else if (ut == previous_ut + 1) {
            periods.push_back(p); // the second line of a pair: a new period starts here
        }
        previous_ut = ut;
    }
    return periods;
}

const RefPeriod& period_at(const std::vector<RefPeriod>& periods, long long t) {
    auto it = std::upper_bound(periods.begin(), periods.end(), t,
                               [](long long x, const RefPeriod& p) { return x < p.begin; });
    return *(it - 1); // never the first: periods.front() starts at -infinity
}

// "2026-03-29T03:00:00+02:00", with libc only.
std::string reference_local(long long t, long long gmtoff) {
    const std::time_t shifted = static_cast<std::time_t>(t + gmtoff);
    std::tm tm{};
    gmtime_r(&shifted, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
    const long long a = gmtoff < 0 ? -gmtoff : gmtoff;
    char offset[48];
    std::snprintf(offset, sizeof offset, "%c%02lld:%02lld", gmtoff < 0 ? '-' : '+', a / 3600, a % 3600 / 60);
    return std::string(text) + offset;
}

tz::Instant instant_of(long long t) {
    return tz::Instant{std::chrono::seconds{t}};
}

constexpr long long range_begin = 1577836800; // 2020-01-01T00:00:00Z
constexpr long long range_end = 1924992000;   // 2031-01-01T00:00:00Z

} // namespace

TEST_CASE("instants and local times agree with zdump for every DST transition 2020-2030") {
    std::size_t instants_checked = 0;
    std::size_t local_times_checked = 0;
    // Mismatches are collected (the first few with details) rather than checked one by one: there
    // are hundreds of thousands of comparisons, and a CHECK each would dominate the run time.
    std::size_t mismatches = 0;
    std::vector<std::string> details;
    const auto mismatch = [&](const std::string& what) {
        if (++mismatches <= 20) {
            details.push_back(what);
        }
    };
    for (const char* name : reference_zones) {
        CAPTURE(name);
        const date::time_zone* zone = tz::find_zone(name);
        REQUIRE(zone != nullptr);
        const std::vector<RefPeriod> periods = zdump_periods(name);
        REQUIRE(periods.size() > 1);

        const auto check_instant = [&](long long t, bool with_text) {
            const RefPeriod& ref = period_at(periods, t);
            const tz::ZonedView view = tz::in_zone(*zone, instant_of(t));
            if (view.offset.count() != ref.gmtoff || view.abbrev != ref.abbrev || view.dst != ref.dst) {
                mismatch(fmt::format("{} at {}: {} {} dst={}, zdump {} {} dst={}", name, t, view.offset.count(),
                                     view.abbrev, view.dst, ref.gmtoff, ref.abbrev, ref.dst));
            }
            if (with_text && tz::format_iso_local(view) != reference_local(t, ref.gmtoff)) {
                mismatch(fmt::format("{} at {}: {}, zdump {}", name, t, tz::format_iso_local(view),
                                     reference_local(t, ref.gmtoff)));
            }
            ++instants_checked;
        };

        // Every six hours across the whole range.
        for (long long t = range_begin; t < range_end; t += 6 * 3600) {
            check_instant(t, false);
        }

        std::size_t transitions = 0;
        for (std::size_t i = 1; i < periods.size(); ++i) {
            const long long t = periods[i].begin;
            if (t < range_begin || t >= range_end) {
                continue;
            }
            ++transitions;
            const RefPeriod& before = periods[i - 1];
            const RefPeriod& after = periods[i];

            // Instant -> local time: the second before, and every minute for three hours either side.
            check_instant(t - 1, true);
            for (long long m = -180; m <= 180; ++m) {
                check_instant(t + m * 60, true);
            }

            // Local time -> instant: every local minute from two hours before the change to two
            // hours after it, on either clock. The reference: the instants that show that local
            // time in the period before or the period after the transition.
            const long long first_local = t + std::min(before.gmtoff, after.gmtoff) - 2 * 3600;
            const long long last_local = t + std::max(before.gmtoff, after.gmtoff) + 2 * 3600;
            for (long long local = first_local; local <= last_local; local += 60) {
                std::vector<long long> candidates;
                if (local - before.gmtoff < t) {
                    candidates.push_back(local - before.gmtoff);
                }
                if (local - after.gmtoff >= t) {
                    candidates.push_back(local - after.gmtoff);
                }
                std::sort(candidates.begin(), candidates.end());
                const tz::LocalTime lt{std::chrono::seconds{local}};
                const auto resolved = tz::resolve_local(*zone, lt);
                const auto seconds = [](tz::Instant x) { return x.time_since_epoch().count(); };
                bool ok = false;
                if (candidates.empty()) {
                    ok = !resolved && resolved.error().kind == tz::LocalTimeError::Kind::nonexistent &&
                         resolved.error().gap_begin.time_since_epoch().count() == t + before.gmtoff &&
                         resolved.error().gap_end.time_since_epoch().count() == t + after.gmtoff;
                } else if (candidates.size() == 1) {
                    ok = resolved && seconds(*resolved) == candidates.front();
                } else {
                    ok = !resolved && resolved.error().kind == tz::LocalTimeError::Kind::ambiguous &&
                         seconds(resolved.error().earlier) == candidates.front() &&
                         seconds(resolved.error().later) == candidates.back() &&
                         seconds(*tz::resolve_local(*zone, lt, tz::Ambiguity::earlier)) == candidates.front() &&
                         seconds(*tz::resolve_local(*zone, lt, tz::Ambiguity::later)) == candidates.back();
                }
                if (!ok) {
                    mismatch(fmt::format("{}: local {} has {} reference instants, wtool says {}", name, local,
                                         candidates.size(),
                                         resolved ? std::to_string(seconds(*resolved)) : resolved.error().message));
                }
                ++local_times_checked;
            }
        }
        // Zones with DST change twice a year (Sao Paulo has had no DST since 2019; India and Nepal none).
        const std::string zone_name = name;
        const bool no_dst =
            zone_name == "America/Sao_Paulo" || zone_name == "Asia/Kolkata" || zone_name == "Asia/Kathmandu";
        CHECK(transitions == (no_dst ? 0U : 22U));
    }
    for (const std::string& d : details) {
        MESSAGE(d);
    }
    MESSAGE("checked " << instants_checked << " instants and " << local_times_checked << " local times");
    CHECK(mismatches == 0);
    CHECK(instants_checked > 100000);
    CHECK(local_times_checked > 10000);
}

#include "timezone.hpp"

#include "text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <sstream>

namespace wtool::tz {

const date::time_zone* find_zone(std::string_view name) {
    if (name.empty()) {
        return nullptr;
    }
    try {
        return date::locate_zone(name);
    } catch (const std::runtime_error&) {
        return nullptr;
    }
}

const std::vector<std::string>& zone_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        const date::tzdb& db = date::get_tzdb();
        for (const date::time_zone& z : db.zones) {
            out.emplace_back(z.name());
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }();
    return names;
}

std::vector<std::string> suggest_zones(std::string_view name, std::size_t limit) {
    const std::vector<std::string>& names = zone_names();
    std::vector<std::string> full = text::closest_matches(name, names, limit);
    if (full.size() >= limit) {
        return full;
    }
    // Also compare against the city part ("Copenhagen" for "Europe/Copenhagen").
    std::vector<std::string> cities;
    cities.reserve(names.size());
    for (const std::string& n : names) {
        const std::size_t slash = n.rfind('/');
        cities.push_back(slash == std::string::npos ? n : n.substr(slash + 1));
    }
    std::string wanted(name);
    std::replace(wanted.begin(), wanted.end(), ' ', '_');
    const std::size_t slash = wanted.rfind('/');
    if (slash != std::string::npos) {
        wanted = wanted.substr(slash + 1);
    }
    for (const std::string& city : text::closest_matches(wanted, cities, limit)) {
        for (std::size_t i = 0; i < names.size() && full.size() < limit; ++i) {
            if (cities[i] == city && std::find(full.begin(), full.end(), names[i]) == full.end()) {
                full.push_back(names[i]);
            }
        }
    }
    return full;
}

ZonedView in_zone(const date::time_zone& zone, Instant t) {
    const date::sys_info info = zone.get_info(t);
    return {LocalTime{t.time_since_epoch() + info.offset}, info.offset, info.abbrev,
            info.save != std::chrono::minutes{0}};
}

namespace {
std::string format_local(LocalTime t) {
    return date::format("%Y-%m-%d %H:%M", t);
}
} // namespace

std::expected<Instant, LocalTimeError> resolve_local(const date::time_zone& zone, LocalTime local,
                                                     Ambiguity ambiguity) {
    const date::local_info info = zone.get_info(local);
    switch (info.result) {
    case date::local_info::unique: return Instant{local.time_since_epoch() - info.first.offset};
    case date::local_info::nonexistent: {
        LocalTimeError e;
        e.kind = LocalTimeError::Kind::nonexistent;
        // The gap starts at the transition in the old offset and ends in the new one.
        const Instant transition = info.second.begin;
        e.gap_begin = LocalTime{transition.time_since_epoch() + info.first.offset};
        e.gap_end = LocalTime{transition.time_since_epoch() + info.second.offset};
        e.earlier_offset = info.first.offset;
        e.later_offset = info.second.offset;
        e.earlier_abbrev = info.first.abbrev;
        e.later_abbrev = info.second.abbrev;
        e.message = fmt::format(
            "{} does not exist in {}: clocks jump from {} ({}) to {} ({}); the nearest valid times are {} {} and {} {}",
            format_local(local), zone.name(), date::format("%H:%M", e.gap_begin), info.first.abbrev,
            date::format("%H:%M", e.gap_end), info.second.abbrev, format_local(e.gap_begin - std::chrono::minutes{1}),
            info.first.abbrev, format_local(e.gap_end), info.second.abbrev);
        return std::unexpected(std::move(e));
    }
    case date::local_info::ambiguous: {
        const Instant first{local.time_since_epoch() - info.first.offset};
        const Instant second{local.time_since_epoch() - info.second.offset};
        if (ambiguity == Ambiguity::earlier) {
            return first;
        }
        if (ambiguity == Ambiguity::later) {
            return second;
        }
        LocalTimeError e;
        e.kind = LocalTimeError::Kind::ambiguous;
        e.earlier = first;
        e.later = second;
        e.earlier_offset = info.first.offset;
        e.later_offset = info.second.offset;
        e.earlier_abbrev = info.first.abbrev;
        e.later_abbrev = info.second.abbrev;
        e.message = fmt::format("{} happens twice in {}: first at {} ({}), then again at {} ({})", format_local(local),
                                zone.name(), format_offset(info.first.offset), info.first.abbrev,
                                format_offset(info.second.offset), info.second.abbrev);
        return std::unexpected(std::move(e));
    }
    }
    return std::unexpected(LocalTimeError{});
}

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
            if (auto t = try_parse(f, true)) {
                return *t;
            }
        }
    }
    return std::unexpected(fmt::format("'{}' is not an ISO 8601 time with a zone, like 2026-02-01T12:00:00Z", text));
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

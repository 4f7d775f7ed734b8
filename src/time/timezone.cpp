// The time module's core: the tz database's zones, a moment in a zone, a wall-clock time back to
// an instant (DST gaps and overlaps), fixed-offset zones and conversion tables. Zones as users
// write them are in timezone_lookup.cpp, abbreviations in timezone_abbreviations.cpp, ISO 8601
// instants and offsets in timezone_instants.cpp (all declared in timezone.hpp).
#include "time/timezone.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace wtool::tz {

const date::time_zone* find_zone(std::string_view name) {
    if (name.empty() || name == "localtime") {
        return nullptr;
    }
    // date/tz keeps the zones sorted by name; a binary search avoids locate_zone's exception for
    // names that are not there (this is called for every word a user types as a zone).
    const std::vector<date::time_zone>& zones = date::get_tzdb().zones;
    const auto it = std::lower_bound(zones.begin(), zones.end(), name,
                                     [](const date::time_zone& z, std::string_view n) { return z.name() < n; });
    return it != zones.end() && it->name() == name ? &*it : nullptr;
}

const std::vector<std::string>& zone_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        const date::tzdb& db = date::get_tzdb();
        for (const date::time_zone& z : db.zones) {
            if (z.name() != "localtime") {
                out.emplace_back(z.name());
            }
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }();
    return names;
}

Instant end_of_reliable_data() {
    return Instant{date::sys_days{date::year{2038} / 1 / 1}};
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
        e.message = fmt::format("{} happens twice in {}: first at {} ({}, {} UTC), then again at {} ({}, {} UTC)",
                                format_local(local), zone.name(), format_offset(info.first.offset), info.first.abbrev,
                                date::format("%H:%M", first), format_offset(info.second.offset), info.second.abbrev,
                                date::format("%H:%M", second));
        return std::unexpected(std::move(e));
    }
    }
    return std::unexpected(LocalTimeError{});
}

// ---- Zones: tz database or fixed offset ------------------------------------------------------

Zone Zone::of(const date::time_zone& zone) {
    Zone z;
    z.tz = &zone;
    return z;
}

Zone Zone::fixed(std::chrono::seconds offset, std::string label, Saving saving) {
    Zone z;
    z.fixed_offset = offset;
    z.label = std::move(label);
    z.saving = saving;
    return z;
}

std::string Zone::name() const {
    return tz != nullptr ? tz->name() : label;
}

ZonedView in_zone(const Zone& zone, Instant t) {
    if (zone.tz != nullptr) {
        return in_zone(*zone.tz, t);
    }
    return {LocalTime{t.time_since_epoch() + zone.fixed_offset}, zone.fixed_offset, zone.label,
            zone.saving == Saving::daylight};
}

std::expected<Instant, LocalTimeError> resolve_local(const Zone& zone, LocalTime local, Ambiguity ambiguity) {
    if (zone.tz != nullptr) {
        return resolve_local(*zone.tz, local, ambiguity);
    }
    return Instant{local.time_since_epoch() - zone.fixed_offset};
}

// ---- Conversion tables -----------------------------------------------------------------------

std::vector<ConversionRow> convert(Instant t, std::span<const Zone> zones, date::local_days reference_day) {
    std::vector<ConversionRow> rows;
    rows.reserve(zones.size());
    for (const Zone& zone : zones) {
        ConversionRow row{zone, place_name(zone), in_zone(zone, t), 0};
        row.day_difference = static_cast<int>((date::floor<date::days>(row.view.local) - reference_day).count());
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace wtool::tz

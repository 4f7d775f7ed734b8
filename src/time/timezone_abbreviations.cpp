// Abbreviations people type ("CEST", "IST"), read in the tz database at a date, never from a
// table of offsets; what a zone query names at a date (an abbreviation is the only kind of query
// whose reading depends on it), and labels that contradict the date (timezone.hpp).
#include "support/text.hpp"
#include "time/timezone.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace wtool::tz {

// ---- Abbreviations ---------------------------------------------------------------------------

namespace {

// Which zone each abbreviation is looked up in. Offsets are never written here: they come from
// the zone's periods in the tz database (read_abbreviation). Where a label means different things
// in different places, the common English-language meaning is listed (IST: India, CST: North
// American Central, BST: British Summer Time, AST: Atlantic); the source zone's own meaning wins
// when it uses the label (read_abbreviation's `context`).
constexpr auto abbreviation_table = std::to_array<Abbreviation>({
    {"GMT", "Etc/GMT", Saving::standard, "Greenwich Mean Time"},
    {"WET", "Europe/Lisbon", Saving::standard, "Western European Time"},
    {"WEST", "Europe/Lisbon", Saving::daylight, "Western European Summer Time"},
    {"BST", "Europe/London", Saving::daylight, "British Summer Time"},
    {"CET", "Europe/Berlin", Saving::standard, "Central European Time"},
    {"CEST", "Europe/Berlin", Saving::daylight, "Central European Summer Time"},
    {"EET", "Europe/Athens", Saving::standard, "Eastern European Time"},
    {"EEST", "Europe/Athens", Saving::daylight, "Eastern European Summer Time"},
    {"MSK", "Europe/Moscow", Saving::standard, "Moscow Time"},
    {"WAT", "Africa/Lagos", Saving::standard, "West Africa Time"},
    {"CAT", "Africa/Maputo", Saving::standard, "Central Africa Time"},
    {"EAT", "Africa/Nairobi", Saving::standard, "East Africa Time"},
    {"SAST", "Africa/Johannesburg", Saving::standard, "South African Standard Time"},
    {"NST", "America/St_Johns", Saving::standard, "Newfoundland Standard Time"},
    {"NDT", "America/St_Johns", Saving::daylight, "Newfoundland Daylight Time"},
    {"AST", "America/Halifax", Saving::standard, "Atlantic Standard Time"},
    {"ADT", "America/Halifax", Saving::daylight, "Atlantic Daylight Time"},
    {"EST", "America/New_York", Saving::standard, "Eastern Standard Time"},
    {"EDT", "America/New_York", Saving::daylight, "Eastern Daylight Time"},
    {"CST", "America/Chicago", Saving::standard, "Central Standard Time (North America)"},
    {"CDT", "America/Chicago", Saving::daylight, "Central Daylight Time (North America)"},
    {"MST", "America/Denver", Saving::standard, "Mountain Standard Time"},
    {"MDT", "America/Denver", Saving::daylight, "Mountain Daylight Time"},
    {"PST", "America/Los_Angeles", Saving::standard, "Pacific Standard Time"},
    {"PDT", "America/Los_Angeles", Saving::daylight, "Pacific Daylight Time"},
    {"AKST", "America/Anchorage", Saving::standard, "Alaska Standard Time"},
    {"AKDT", "America/Anchorage", Saving::daylight, "Alaska Daylight Time"},
    {"HST", "Pacific/Honolulu", Saving::standard, "Hawaii Standard Time"},
    {"BRT", "America/Sao_Paulo", Saving::standard, "Brasília Time"},
    {"BRST", "America/Sao_Paulo", Saving::daylight, "Brasília Summer Time"},
    {"ART", "America/Argentina/Buenos_Aires", Saving::standard, "Argentina Time"},
    {"GST", "Asia/Dubai", Saving::standard, "Gulf Standard Time"},
    {"IRST", "Asia/Tehran", Saving::standard, "Iran Standard Time"},
    {"PKT", "Asia/Karachi", Saving::standard, "Pakistan Standard Time"},
    {"IST", "Asia/Kolkata", Saving::standard, "India Standard Time"},
    {"NPT", "Asia/Kathmandu", Saving::standard, "Nepal Time"},
    {"ICT", "Asia/Bangkok", Saving::standard, "Indochina Time"},
    {"WIB", "Asia/Jakarta", Saving::standard, "Western Indonesia Time"},
    {"SGT", "Asia/Singapore", Saving::standard, "Singapore Time"},
    {"HKT", "Asia/Hong_Kong", Saving::standard, "Hong Kong Time"},
    {"PHT", "Asia/Manila", Saving::standard, "Philippine Time"},
    {"JST", "Asia/Tokyo", Saving::standard, "Japan Standard Time"},
    {"KST", "Asia/Seoul", Saving::standard, "Korea Standard Time"},
    {"AWST", "Australia/Perth", Saving::standard, "Australian Western Standard Time"},
    {"ACST", "Australia/Adelaide", Saving::standard, "Australian Central Standard Time"},
    {"ACDT", "Australia/Adelaide", Saving::daylight, "Australian Central Daylight Time"},
    {"AEST", "Australia/Sydney", Saving::standard, "Australian Eastern Standard Time"},
    {"AEDT", "Australia/Sydney", Saving::daylight, "Australian Eastern Daylight Time"},
    {"NZST", "Pacific/Auckland", Saving::standard, "New Zealand Standard Time"},
    {"NZDT", "Pacific/Auckland", Saving::daylight, "New Zealand Daylight Time"},
    {"CHAST", "Pacific/Chatham", Saving::standard, "Chatham Standard Time"},
    {"CHADT", "Pacific/Chatham", Saving::daylight, "Chatham Daylight Time"},
});

// How far from the instant of interest a zone's periods are searched for an abbreviation.
constexpr auto abbreviation_window = date::years{50};

// The periods of `zone` within `abbreviation_window` of `near`, nearest first.
std::vector<date::sys_info> periods_near(const date::time_zone& zone, Instant near) {
    const Instant low = near - std::chrono::duration_cast<std::chrono::seconds>(abbreviation_window);
    const Instant high = near + std::chrono::duration_cast<std::chrono::seconds>(abbreviation_window);
    std::vector<date::sys_info> periods{zone.get_info(near)};
    for (Instant t = periods.front().begin; t > low;) {
        periods.push_back(zone.get_info(t - std::chrono::seconds{1}));
        t = periods.back().begin;
    }
    for (Instant t = periods.front().end; t < high;) {
        periods.push_back(zone.get_info(t));
        t = periods.back().end;
    }
    const auto distance = [near](const date::sys_info& p) {
        if (near < p.begin) {
            return p.begin - near;
        }
        if (near >= p.end) {
            return near - p.end;
        }
        return std::chrono::seconds{0};
    };
    std::stable_sort(periods.begin(), periods.end(),
                     [&](const date::sys_info& a, const date::sys_info& b) { return distance(a) < distance(b); });
    return periods;
}

std::optional<date::sys_info> nearest_with_label(const std::vector<date::sys_info>& periods, std::string_view label) {
    for (const date::sys_info& p : periods) {
        if (text::iequals_ascii(p.abbrev, label)) {
            return p;
        }
    }
    return std::nullopt;
}

Saving saving_of(const date::sys_info& p) {
    return p.save != std::chrono::minutes{0} ? Saving::daylight : Saving::standard;
}

struct ReadAbbreviation {
    AbbreviationReading reading;
    Saving saving = Saving::standard;
};

std::expected<ReadAbbreviation, std::string> read_abbreviation_with_saving(const Abbreviation& abbr, Instant near,
                                                                           const date::time_zone* context) {
    if (context != nullptr) {
        if (auto p = nearest_with_label(periods_near(*context, near), abbr.label)) {
            return ReadAbbreviation{{p->offset, context, true}, saving_of(*p)};
        }
    }
    const date::time_zone* zone = find_zone(abbr.zone);
    if (zone == nullptr) {
        return std::unexpected(
            fmt::format("the tz database has no zone '{}', needed to read '{}'", abbr.zone, abbr.label));
    }
    const auto periods = periods_near(*zone, near);
    if (auto p = nearest_with_label(periods, abbr.label)) {
        return ReadAbbreviation{{p->offset, zone, true}, saving_of(*p)};
    }
    for (const date::sys_info& p : periods) {
        if (saving_of(p) == abbr.saving) {
            return ReadAbbreviation{{p.offset, zone, false}, abbr.saving};
        }
    }
    return std::unexpected(fmt::format("{} has no {} time near that date, needed to read '{}'", abbr.zone,
                                       abbr.saving == Saving::daylight ? "daylight-saving" : "standard", abbr.label));
}

} // namespace

std::span<const Abbreviation> known_abbreviations() {
    return abbreviation_table;
}

const Abbreviation* find_abbreviation(std::string_view label) {
    for (const Abbreviation& a : abbreviation_table) {
        if (text::iequals_ascii(a.label, label)) {
            return &a;
        }
    }
    return nullptr;
}

std::vector<std::string> abbreviations_in_use(const date::time_zone& zone) {
    std::vector<std::string> out;
    for (const date::month m : {date::January, date::July}) {
        std::string abbrev = zone.get_info(date::sys_days{date::year{2037} / m / 15}).abbrev;
        if (std::find(out.begin(), out.end(), abbrev) == out.end()) {
            out.push_back(std::move(abbrev));
        }
    }
    return out;
}

std::expected<AbbreviationReading, std::string> read_abbreviation(const Abbreviation& abbr, Instant near,
                                                                  const date::time_zone* context) {
    auto read = read_abbreviation_with_saving(abbr, near, context);
    if (!read) {
        return std::unexpected(read.error());
    }
    return read->reading;
}

std::expected<Zone, std::string> zone_for(const ZoneQuery& query, Instant near, const date::time_zone* context) {
    switch (query.kind) {
    case ZoneQuery::Kind::zone: return Zone::of(*query.zone);
    case ZoneQuery::Kind::offset: return Zone::fixed(query.offset, "UTC" + format_offset(query.offset));
    case ZoneQuery::Kind::abbreviation: {
        auto read = read_abbreviation_with_saving(*query.abbreviation, near, context);
        if (!read) {
            return std::unexpected(read.error());
        }
        return Zone::fixed(read->reading.offset, std::string(query.abbreviation->label), read->saving);
    }
    }
    return std::unexpected(std::string("unknown kind of zone"));
}

std::optional<LabelMismatch> check_label(const ZoneQuery& query, const Zone& read_as, Instant t,
                                         const date::time_zone* context) {
    if (query.kind != ZoneQuery::Kind::abbreviation || !read_as.is_fixed()) {
        return std::nullopt;
    }
    const auto read = read_abbreviation(*query.abbreviation, t, context);
    if (!read) {
        return std::nullopt;
    }
    ZonedView actual = in_zone(*read->zone, t);
    if (actual.offset == read_as.fixed_offset) {
        return std::nullopt;
    }
    return LabelMismatch{read->zone, std::move(actual)};
}

} // namespace wtool::tz

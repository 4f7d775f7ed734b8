// Zones of places versus names of clocks (timezone.hpp): the North American region names ET, CT,
// MT and PT, read as the zones they stand for; and the advice given when an abbreviation ("EST",
// "CEST", "IST") or a tz database zone named like one ("EST", "CET", "EST5EDT") is written where
// a place's zone is needed (a series' or an audience's zone), naming the zone of a place instead.
#include "support/text.hpp"
#include "time/timezone.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace wtool::tz {

namespace {

constexpr auto region_table = std::to_array<RegionName>({
    {"ET", "America/New_York", "Eastern Time"},
    {"CT", "America/Chicago", "Central Time"},
    {"MT", "America/Denver", "Mountain Time"},
    {"PT", "America/Los_Angeles", "Pacific Time"},
});

// How the place's zone is proposed: as the zone, or as an example of the zone of the user's city
// (where one abbreviation covers many zones with different histories, like CET).
enum class Proposal { zone, example };

struct Advice {
    std::string_view label;   // what the user wrote, any case: "EST"
    std::string_view zone;    // the zone of a place: "America/New_York"
    std::string_view meaning; // "Eastern Time, with daylight saving time"
    Proposal proposal = Proposal::zone;
    std::string_view also = {}; // another zone worth naming: ", or 'America/Phoenix' for ..."
};

constexpr std::string_view phoenix = ", or 'America/Phoenix' for Arizona (no daylight saving time)";
constexpr std::string_view other_ist =
    ", or 'Europe/Dublin' for Irish Standard Time, 'Asia/Jerusalem' for Israel Standard Time";

// The labels people write for North American, European and Indian time, the tz database's zones
// named like abbreviations (fixed offsets: EST, MST, HST; rules of no place: CET, MET, EET, WET and
// the POSIX-style EST5EDT, CST6CDT, MST7MDT, PST8PDT). Any other abbreviation wtool knows
// (known_abbreviations) is advised from its own table entry, as an example.
constexpr auto advice_table = std::to_array<Advice>({
    {"ET", "America/New_York", "Eastern Time, with daylight saving time"},
    {"EST", "America/New_York", "Eastern Time, with daylight saving time"},
    {"EDT", "America/New_York", "Eastern Time, with daylight saving time"},
    {"EST5EDT", "America/New_York", "Eastern Time, with daylight saving time"},
    {"CT", "America/Chicago", "Central Time, with daylight saving time"},
    {"CST", "America/Chicago", "Central Time, with daylight saving time"},
    {"CDT", "America/Chicago", "Central Time, with daylight saving time"},
    {"CST6CDT", "America/Chicago", "Central Time, with daylight saving time"},
    {"MT", "America/Denver", "Mountain Time, with daylight saving time", Proposal::zone, phoenix},
    {"MST", "America/Denver", "Mountain Time, with daylight saving time", Proposal::zone, phoenix},
    {"MDT", "America/Denver", "Mountain Time, with daylight saving time", Proposal::zone, phoenix},
    {"MST7MDT", "America/Denver", "Mountain Time, with daylight saving time", Proposal::zone, phoenix},
    {"PT", "America/Los_Angeles", "Pacific Time, with daylight saving time"},
    {"PST", "America/Los_Angeles", "Pacific Time, with daylight saving time"},
    {"PDT", "America/Los_Angeles", "Pacific Time, with daylight saving time"},
    {"PST8PDT", "America/Los_Angeles", "Pacific Time, with daylight saving time"},
    {"AKST", "America/Anchorage", "Alaska Time, with daylight saving time"},
    {"AKDT", "America/Anchorage", "Alaska Time, with daylight saving time"},
    {"HST", "Pacific/Honolulu", "Hawaii Time"},
    {"AST", "America/Halifax", "Atlantic Time, with daylight saving time", Proposal::example},
    {"ADT", "America/Halifax", "Atlantic Time, with daylight saving time", Proposal::example},
    {"CET", "Europe/Berlin", "Central European Time, with summer time", Proposal::example},
    {"CEST", "Europe/Berlin", "Central European Time, with summer time", Proposal::example},
    {"MET", "Europe/Berlin", "Central European Time, with summer time", Proposal::example},
    {"EET", "Europe/Athens", "Eastern European Time, with summer time", Proposal::example},
    {"EEST", "Europe/Athens", "Eastern European Time, with summer time", Proposal::example},
    {"WET", "Europe/Lisbon", "Western European Time, with summer time", Proposal::example},
    {"WEST", "Europe/Lisbon", "Western European Time, with summer time", Proposal::example},
    {"BST", "Europe/London", "British time, with summer time"},
    {"IST", "Asia/Kolkata", "India Standard Time", Proposal::zone, other_ist},
});

const Advice* find_advice(std::string_view label) {
    for (const Advice& a : advice_table) {
        if (text::iequals_ascii(a.label, label)) {
            return &a;
        }
    }
    return nullptr;
}

PlaceAdvice advise(std::string_view written, const Advice& a) {
    const bool rule_zone = std::any_of(a.label.begin(), a.label.end(), [](char c) { return c >= '0' && c <= '9'; });
    PlaceAdvice out;
    out.message = fmt::format("'{}' is {}, not the time zone of a place", written,
                              rule_zone ? "a legacy rule of the tz database" : "an abbreviation");
    out.hint =
        fmt::format("use {}'{}' ({}){}: a place's zone knows when its clocks change",
                    a.proposal == Proposal::example ? "the zone of your city, e.g. " : "", a.zone, a.meaning, a.also);
    return out;
}

} // namespace

std::span<const RegionName> region_names() {
    return region_table;
}

const RegionName* find_region_name(std::string_view label) {
    for (const RegionName& r : region_table) {
        if (text::iequals_ascii(r.label, label)) {
            return &r;
        }
    }
    return nullptr;
}

std::optional<PlaceAdvice> place_advice(std::string_view name) {
    const std::string_view written = text::trim(name);
    if (const Advice* a = find_advice(written)) {
        return advise(written, *a);
    }
    // GMT is UTC's other name: a series may keep UTC, whatever it calls it.
    if (const Abbreviation* abbr = find_abbreviation(written); abbr != nullptr && abbr->label != "GMT") {
        return advise(written, Advice{abbr->label, abbr->zone, abbr->meaning, Proposal::example});
    }
    return std::nullopt;
}

} // namespace wtool::tz

#include "time/timezone.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/format.h>
#include <limits>
#include <sstream>

namespace wtool::tz {

namespace {

// The zone names that are areas of the world (continents and oceans) in the tz database's naming
// scheme; a city alone is looked up only under these (not under legacy names such as US/ or Etc/).
constexpr std::array<std::string_view, 10> world_areas = {"Africa",   "America",   "Antarctica", "Arctic", "Asia",
                                                          "Atlantic", "Australia", "Europe",     "Indian", "Pacific"};

bool in_world_area(std::string_view name) {
    const std::size_t slash = name.find('/');
    return slash != std::string_view::npos &&
           std::find(world_areas.begin(), world_areas.end(), name.substr(0, slash)) != world_areas.end();
}

// The last part of a zone name: "New_York" for "America/New_York".
std::string_view city_part(std::string_view name) {
    const std::size_t slash = name.rfind('/');
    return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

// How zone names are compared with what users type: ASCII lower case, with ' ', '-' and '_' alike.
char key_char(char c) {
    if (c == ' ' || c == '-') {
        return '_';
    }
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string match_key(std::string_view s) {
    std::string key(text::trim(s));
    std::transform(key.begin(), key.end(), key.begin(), key_char);
    return key;
}

// Whether `name` reads as `key` (a match_key) under that comparison, without allocating.
bool same_key(std::string_view key, std::string_view name) {
    return key.size() == name.size() &&
           std::equal(key.begin(), key.end(), name.begin(), [](char k, char n) { return k == key_char(n); });
}

} // namespace

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

namespace {

// A candidate for "did you mean", with its edit distance to what was typed.
struct Scored {
    std::size_t score;
    bool preferred; // sorts first among equal scores (zones in world areas)
    std::string name;
};

// Lowers `score` to text::typo_score of `word` for `candidate` when that is plausible and lower.
void score_against(std::string_view word, std::string_view candidate, std::size_t& score) {
    if (const std::optional<std::size_t> d = text::typo_score(word, candidate); d && *d < score) {
        score = *d;
    }
}

constexpr std::size_t no_score = std::numeric_limits<std::size_t>::max();

std::vector<Scored> scored_zones(std::string_view name) {
    const std::string wanted = match_key(name);
    const std::string wanted_city(city_part(wanted));
    std::vector<Scored> scored;
    for (const std::string& n : zone_names()) {
        std::size_t score = no_score;
        score_against(wanted, match_key(n), score);
        score_against(wanted_city, match_key(city_part(n)), score);
        if (score != no_score) {
            scored.push_back({score, in_world_area(n), n});
        }
    }
    return scored;
}

// The best candidates: those as close as the closest one, preferred ones first, at most `limit`.
std::vector<std::string> best_of(std::vector<Scored> scored, std::size_t limit) {
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
        return a.score != b.score ? a.score < b.score : a.preferred > b.preferred;
    });
    std::vector<std::string> out;
    for (const Scored& s : scored) {
        if (out.size() == limit || s.score > scored.front().score) {
            break;
        }
        if (std::find(out.begin(), out.end(), s.name) == out.end()) {
            out.push_back(s.name);
        }
    }
    return out;
}

} // namespace

std::vector<std::string> suggest_zones(std::string_view name, std::size_t limit) {
    return best_of(scored_zones(name), limit);
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

std::string place_name(std::string_view iana_name) {
    std::string place(city_part(iana_name));
    std::replace(place.begin(), place.end(), '_', ' ');
    return place;
}

std::string place_name(const Zone& zone) {
    return zone.tz != nullptr ? place_name(zone.tz->name()) : zone.label;
}

// ---- Abbreviations ---------------------------------------------------------------------------

namespace {

// Which zone each abbreviation is looked up in. Offsets are never written here: they come from
// the zone's periods in the tz database (read_abbreviation). Where a label means different things
// in different places, the common English-language meaning is listed (IST: India, CST: North
// American Central, BST: British Summer Time, AST: Atlantic); the source zone's own meaning wins
// when it uses the label (read_abbreviation's `context`).
constexpr Abbreviation abbreviation_table[] = {
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
};

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

std::expected<AbbreviationReading, std::string> read_abbreviation(const Abbreviation& abbr, Instant near,
                                                                  const date::time_zone* context) {
    auto read = read_abbreviation_with_saving(abbr, near, context);
    if (!read) {
        return std::unexpected(read.error());
    }
    return read->reading;
}

// ---- Zones typed by users --------------------------------------------------------------------

namespace {

// "+01:00", "+0100", "+01", "+1", "-3:30", "+530", optionally after "UTC" or "GMT" (conventional
// sign: "UTC+1" is one hour east of Greenwich). nullopt when the text is not shaped like that;
// an error when it is but the offset is out of range.
std::optional<std::expected<std::chrono::seconds, std::string>> parse_offset(std::string_view text) {
    std::string_view s = text;
    if (text::starts_with_icase(s, "UTC") || text::starts_with_icase(s, "GMT")) {
        s.remove_prefix(3);
    }
    if (s.empty() || (s.front() != '+' && s.front() != '-')) {
        return std::nullopt;
    }
    const int sign = s.front() == '-' ? -1 : 1;
    s.remove_prefix(1);
    std::string digits;
    bool colon = false;
    for (const char c : s) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c == ':' && !colon && !digits.empty()) {
            colon = true;
            if (digits.size() > 2) {
                return std::nullopt;
            }
            digits.insert(0, 2 - digits.size(), '0');
        } else {
            return std::nullopt;
        }
    }
    if (digits.empty() || digits.size() > 4 || (colon && digits.size() != 4)) {
        return std::nullopt;
    }
    // One to four digits: hours, or hours and two digits of minutes (no int can overflow).
    const auto number = [](std::string_view d) {
        int value = 0;
        std::from_chars(d.data(), d.data() + d.size(), value);
        return value;
    };
    const std::size_t hour_digits = digits.size() <= 2 ? digits.size() : digits.size() - 2;
    const int hours = number(std::string_view(digits).substr(0, hour_digits));
    const int minutes = number(std::string_view(digits).substr(hour_digits));
    if (minutes > 59 || hours * 60 + minutes > 14 * 60) {
        return std::expected<std::chrono::seconds, std::string>(
            std::unexpected(fmt::format("'{}' is not a UTC offset: offsets go from -14:00 to +14:00", text)));
    }
    return std::expected<std::chrono::seconds, std::string>(std::chrono::hours{hours * sign} +
                                                            std::chrono::minutes{minutes * sign});
}

// The zone whose whole name reads as `key` in any case, or nullptr.
const date::time_zone* find_by_key(const std::string& key) {
    for (const date::time_zone& z : date::get_tzdb().zones) {
        if (same_key(key, z.name()) && z.name() != "localtime") {
            return &z;
        }
    }
    return nullptr;
}

// The zone of a world area whose city part reads as `key`; among several (old and new names of one
// zone), the longest name (America/Argentina/Buenos_Aires over America/Buenos_Aires), then the
// first alphabetically. nullptr when none.
const date::time_zone* find_by_city(const std::string& key) {
    const date::time_zone* best = nullptr;
    for (const date::time_zone& z : date::get_tzdb().zones) { // sorted by name
        if (same_key(key, city_part(z.name())) && in_world_area(z.name()) &&
            (best == nullptr || z.name().size() > best->name().size())) {
            best = &z;
        }
    }
    return best;
}

ZoneLookupError unknown_zone(std::string_view text) {
    ZoneLookupError e;
    const std::string trimmed(text::trim(text));
    std::vector<Scored> scored = scored_zones(trimmed);
    // Short words may be mistyped abbreviations ("CETS" for "CEST"); they come first on a tie.
    if (trimmed.size() >= 2 && trimmed.size() <= 5 && trimmed.find('/') == std::string::npos) {
        std::vector<Scored> labels;
        for (const Abbreviation& a : abbreviation_table) {
            std::size_t score = no_score;
            score_against(trimmed, a.label, score);
            if (score != no_score) {
                labels.push_back({score, true, std::string(a.label)});
            }
        }
        scored.insert(scored.begin(), labels.begin(), labels.end());
    }
    e.suggestions = best_of(std::move(scored), 3);
    if (e.suggestions.empty()) {
        e.message = fmt::format("unknown time zone '{}': use an IANA name such as 'Europe/Copenhagen', a city such "
                                "as 'tokyo', an offset such as '+01:00' or an abbreviation such as 'CEST'",
                                trimmed);
    } else {
        e.message =
            fmt::format("unknown time zone '{}', did you mean {}?", trimmed, text::quoted_alternatives(e.suggestions));
    }
    return e;
}

} // namespace

std::expected<ZoneQuery, ZoneLookupError> lookup_zone(std::string_view text) {
    const std::string_view trimmed = text::trim(text);
    ZoneQuery q;
    q.text = std::string(trimmed);
    if (text::iequals_ascii(trimmed, "UTC") || text::iequals_ascii(trimmed, "Z")) {
        q.zone = find_zone("UTC");
        if (q.zone != nullptr) {
            return q;
        }
    }
    if (auto offset = parse_offset(trimmed)) {
        if (!*offset) {
            return std::unexpected(ZoneLookupError{offset->error(), {}});
        }
        q.kind = ZoneQuery::Kind::offset;
        q.offset = **offset;
        return q;
    }
    if (const Abbreviation* abbr = find_abbreviation(trimmed)) {
        q.kind = ZoneQuery::Kind::abbreviation;
        q.abbreviation = abbr;
        return q;
    }
    if ((q.zone = find_zone(trimmed)) != nullptr) {
        return q;
    }
    const std::string key = match_key(trimmed);
    if (!key.empty() && ((q.zone = find_by_key(key)) != nullptr || (q.zone = find_by_city(key)) != nullptr)) {
        return q;
    }
    return std::unexpected(unknown_zone(trimmed));
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

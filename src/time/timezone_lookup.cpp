// Zones as users write them: IANA names in any case, cities, numeric offsets, abbreviations;
// "did you mean" suggestions; the place a zone stands for (timezone.hpp).
#include "time/timezone.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <map>

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

// The cities of cities_without_zone (timezone.hpp): the most common ones only. Keys are written
// as match_key makes them. docs/time.md lists them.
constexpr auto city_table = std::to_array<CityZone>({
    {"mumbai", "Asia/Kolkata"},
    {"bombay", "Asia/Kolkata"},
    {"delhi", "Asia/Kolkata"},
    {"new_delhi", "Asia/Kolkata"},
    {"bangalore", "Asia/Kolkata"},
    {"bengaluru", "Asia/Kolkata"},
    {"chennai", "Asia/Kolkata"},
    {"hyderabad", "Asia/Kolkata"},
    {"pune", "Asia/Kolkata"},
    {"shenzhen", "Asia/Shanghai"},
    {"osaka", "Asia/Tokyo"},
    {"washington", "America/New_York"},
    {"boston", "America/New_York"},
    {"philadelphia", "America/New_York"},
    {"atlanta", "America/New_York"},
    {"miami", "America/New_York"},
    {"ottawa", "America/Toronto"},
    {"houston", "America/Chicago"},
    {"dallas", "America/Chicago"},
    {"austin", "America/Chicago"},
    {"salt_lake_city", "America/Denver"},
    {"san_francisco", "America/Los_Angeles"},
    {"seattle", "America/Los_Angeles"},
    {"san_diego", "America/Los_Angeles"},
    {"rio_de_janeiro", "America/Sao_Paulo"},
    {"munich", "Europe/Berlin"},
    {"frankfurt", "Europe/Berlin"},
    {"hamburg", "Europe/Berlin"},
    {"milan", "Europe/Rome"},
    {"barcelona", "Europe/Madrid"},
    {"geneva", "Europe/Zurich"},
    {"edinburgh", "Europe/London"},
    {"manchester", "Europe/London"},
    {"wellington", "Pacific/Auckland"},
    {"cape_town", "Africa/Johannesburg"},
});

// A place the tz database's own tables name, and its zone.
struct TabPlace {
    std::string key;  // as match_key makes it: "queensland", "india"
    std::string zone; // "Australia/Brisbane", "Asia/Kolkata"
};

// The lines of a table file of the tz database's folder (at most 1 MiB of it), comments and blank
// lines left out, each split at tabs. Nothing when the file cannot be read.
std::vector<std::vector<std::string>> read_tab_file(const char* name) {
    constexpr std::streamsize max_size = 1 << 20;
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(std::string("/usr/share/zoneinfo/") + name, std::ios::binary);
    std::string content(static_cast<std::size_t>(max_size), '\0');
    in.read(content.data(), max_size);
    content.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    for (std::size_t start = 0; start < content.size();) {
        const std::size_t end = std::min(content.find('\n', start), content.size());
        const std::string_view line = std::string_view(content).substr(start, end - start);
        start = end + 1;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        std::vector<std::string>& row = rows.emplace_back();
        for (std::size_t field = 0; field <= line.size();) {
            const std::size_t tab = std::min(line.find('\t', field), line.size());
            row.emplace_back(line.substr(field, tab - field));
            field = tab + 1;
        }
    }
    return rows;
}

// "Queensland (most areas)" -> "Queensland"; "Beijing Time" -> "Beijing".
std::string_view without_notes(std::string_view text) {
    text = text::trim(text.substr(0, text.find('(')));
    if (text.ends_with(" Time")) {
        text.remove_suffix(5);
    }
    return text;
}

// Whether `text` reads as a place's name: letters, blanks, '.' and '\'' only ("Mato Grosso do Sul"
// yes, "Eastern - ON & QC" or "MSK+00" no).
bool place_like(std::string_view text) {
    return text.size() >= 3 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '\'';
           });
}

// The places zone.tab and iso3166.tab name: the regions in zone.tab's comments ("Queensland",
// "Bahia", "Tasmania", "Beijing" from "Beijing Time"), and each country of iso3166.tab whose
// zones in zone.tab are one, or of which one is "most of" it ("India", "Germany"). Read once.
const std::vector<TabPlace>& tab_places() {
    static const std::vector<TabPlace> places = [] {
        std::vector<TabPlace> out;
        std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_country; // code -> zone, comment
        for (const auto& row : read_tab_file("zone.tab")) {
            if (row.size() < 3) {
                continue;
            }
            const std::string comment = row.size() > 3 ? row[3] : "";
            by_country[row[0]].emplace_back(row[2], comment);
            for (std::size_t start = 0; start <= comment.size();) {
                const std::size_t end = std::min(comment.find_first_of(",;", start), comment.size());
                const std::string_view part = without_notes(std::string_view(comment).substr(start, end - start));
                if (place_like(part) && !text::starts_with_icase(part, "most ")) {
                    out.push_back({match_key(part), row[2]});
                }
                start = end + 1;
            }
        }
        for (const auto& row : read_tab_file("iso3166.tab")) {
            const auto zones = row.size() == 2 ? by_country.find(row[0]) : by_country.end();
            const std::string_view country = row.size() == 2 ? without_notes(row[1]) : std::string_view{};
            if (zones == by_country.end() || !place_like(country)) {
                continue;
            }
            const auto most = std::count_if(zones->second.begin(), zones->second.end(),
                                            [](const auto& z) { return text::starts_with_icase(z.second, "most"); });
            for (const auto& [zone, comment] : zones->second) {
                if (zones->second.size() == 1 || (most == 1 && text::starts_with_icase(comment, "most"))) {
                    out.push_back({match_key(country), zone});
                }
            }
        }
        return out;
    }();
    return places;
}

std::vector<Scored> scored_zones(std::string_view name) {
    const std::string wanted = match_key(name);
    const std::string wanted_city(city_part(wanted));
    std::vector<Scored> scored;
    // An abbreviation or a region name stands for its zone: "IST" is Asia/Kolkata (not Istanbul).
    if (const Abbreviation* a = find_abbreviation(text::trim(name))) {
        scored.push_back({0, true, std::string(a->zone)});
    }
    if (const RegionName* r = find_region_name(text::trim(name))) {
        scored.push_back({0, true, std::string(r->zone)});
    }
    for (const TabPlace& p : tab_places()) {
        std::size_t score = no_score;
        score_against(wanted, p.key, score);
        if (score != no_score) {
            scored.push_back({score, true, p.zone});
        }
    }
    for (const CityZone& c : city_table) {
        std::size_t score = no_score;
        score_against(wanted, c.city, score);
        if (score != no_score) {
            scored.push_back({score, true, std::string(c.zone)});
        }
    }
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
        return a.score != b.score ? a.score < b.score : a.preferred && !b.preferred;
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

std::span<const CityZone> cities_without_zone() {
    return city_table;
}

std::vector<std::string> suggest_zones(std::string_view name, std::size_t limit) {
    return best_of(scored_zones(name), limit);
}

std::string place_name(std::string_view iana_name) {
    std::string place(city_part(iana_name));
    std::replace(place.begin(), place.end(), '_', ' ');
    return place;
}

std::string place_name(const Zone& zone) {
    return zone.tz != nullptr ? place_name(zone.tz->name()) : zone.label;
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
        const auto add_label = [&](std::string_view label) {
            std::size_t score = no_score;
            score_against(trimmed, label, score);
            if (score != no_score) {
                labels.push_back({score, true, std::string(label)});
            }
        };
        for (const Abbreviation& a : known_abbreviations()) {
            add_label(a.label);
        }
        for (const RegionName& r : region_names()) {
            add_label(r.label);
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
    if (const RegionName* region = find_region_name(trimmed)) {
        q.zone = find_zone(region->zone);
        if (q.zone != nullptr) {
            q.region = region;
            return q;
        }
    }
    q.zone = find_zone(trimmed);
    if (q.zone != nullptr) {
        return q;
    }
    if (const std::string key = match_key(trimmed); !key.empty()) {
        q.zone = find_by_key(key);
        if (q.zone == nullptr) {
            q.zone = find_by_city(key);
        }
        if (q.zone != nullptr) {
            return q;
        }
    }
    return std::unexpected(unknown_zone(trimmed));
}

} // namespace wtool::tz

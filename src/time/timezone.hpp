// The time module: every conversion between wall-clock times and instants goes through here,
// on Howard Hinnant's date/tz reading the operating system's tz database (tzdata). No offset
// or abbreviation is ever hard-coded: CET or CEST comes from the database for the date at hand,
// and an abbreviation a user types ("CEST") is read by finding it in a zone that uses it.
//
// Cost: the first zone looked up makes date/tz list the zoneinfo folder (one stat per file, about
// 600); each zone's own file is read only when that zone is first used. Nothing here iterates
// over every zone except the "did you mean" suggestions and the city index (names only).
// See docs/time.md and docs/performance.md.
//
// Implemented in: timezone.cpp (zones, local time <-> instant with DST gaps and overlaps, fixed
// offsets, conversion tables), timezone_lookup.cpp (zones as users write them, suggestions, place
// names), timezone_abbreviations.cpp (abbreviations; zone_for, check_label), timezone_regions.cpp
// (ET/CT/MT/PT, place_advice) and timezone_instants.cpp (ISO 8601 instants, offsets).
#pragma once

#include <chrono>
#include <date/date.h>
#include <date/tz.h>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wtool::tz {

using Instant = std::chrono::sys_seconds;
using LocalTime = date::local_seconds;

// The zone with this IANA name (exact spelling, e.g. "Europe/Copenhagen"), or nullptr.
// "localtime" (the machine's own zone) is not a zone name here. Loads only that zone's data.
const date::time_zone* find_zone(std::string_view name);

// Every zone name (and link name) of the tz database, sorted.
const std::vector<std::string>& zone_names();

// Up to `limit` zone names closest to `name`, best first: an abbreviation's zone ("IST" -> Asia/Kolkata),
// by spelling of the whole name, its city part ("tokio"), a region or country that zone.tab and
// iso3166.tab name ("india", "bahia") or a city of cities_without_zone ("mumbai" -> Asia/Kolkata);
// case-insensitive, spaces read as underscores.
std::vector<std::string> suggest_zones(std::string_view name, std::size_t limit = 3);

// A city the tz database does not name (neither as a zone nor as an old name kept as a link, such
// as Asia/Calcutta), and the zone it is in.
struct CityZone {
    std::string_view city; // as match_key writes it: lower case, '_' for blanks: "san_francisco"
    std::string_view zone; // "America/Los_Angeles"
};

// The most common such cities, a short built-in table used only for suggestions: "mumbai" is not
// a zone, but "did you mean 'Asia/Kolkata'?" answers it.
std::span<const CityZone> cities_without_zone();

// The first instant wtool cannot convert reliably: 2038-01-01T00:00:00Z. date/tz reads the
// compiled zone files' explicit transitions, which end in 2037; the rule that continues them
// (the file's POSIX TZ footer) is not applied, so later daylight-saving times would be wrong.
Instant end_of_reliable_data();

// A moment as seen in one zone.
struct ZonedView {
    LocalTime local;               // wall-clock time there
    std::chrono::seconds offset{}; // UTC offset in force
    std::string abbrev;            // abbreviation in force, e.g. "CEST"
    bool dst = false;              // daylight-saving time in force
};
ZonedView in_zone(const date::time_zone& zone, Instant t);

// How to resolve a wall-clock time that occurs twice (the hour after a fall-back transition).
enum class Ambiguity { reject, earlier, later };

// Why a wall-clock time does not name exactly one instant.
struct LocalTimeError {
    enum class Kind { nonexistent, ambiguous } kind = Kind::nonexistent;
    // nonexistent: the gap is [gap_begin, gap_end) in local time; the nearest valid times are
    // the last minute before it and gap_end. ambiguous: the two offsets in force.
    LocalTime gap_begin{}, gap_end{};
    Instant earlier{}, later{};
    std::chrono::seconds earlier_offset{}, later_offset{};
    std::string earlier_abbrev, later_abbrev;
    std::string message; // full explanation, e.g. "2026-03-29 02:30 does not exist in ..."
};

// The instant a wall-clock time in `zone` names.
std::expected<Instant, LocalTimeError> resolve_local(const date::time_zone& zone, LocalTime local,
                                                     Ambiguity ambiguity = Ambiguity::reject);

// Standard time or daylight-saving ("summer") time.
enum class Saving { standard, daylight };

// A place to show a time in, or to read one from: a zone of the tz database, or a fixed UTC
// offset with the label the user wrote for it ("CET" read as +01:00, "UTC+05:30").
struct Zone {
    const date::time_zone* tz = nullptr; // the tz database zone; nullptr for a fixed offset
    std::chrono::seconds fixed_offset{}; // fixed offset only
    std::string label;                   // fixed offset only: "CET", "UTC+05:30"
    Saving saving = Saving::standard;    // fixed offset only: whether the label names summer time

    static Zone of(const date::time_zone& zone);
    static Zone fixed(std::chrono::seconds offset, std::string label, Saving saving = Saving::standard);
    [[nodiscard]] bool is_fixed() const { return tz == nullptr; }
    // The IANA name, or the label of a fixed offset.
    [[nodiscard]] std::string name() const;
};

// The moment `t` in `zone`; a fixed offset shows its label as the abbreviation.
ZonedView in_zone(const Zone& zone, Instant t);
// The instant a wall-clock time in `zone` names (a fixed offset always names exactly one).
std::expected<Instant, LocalTimeError> resolve_local(const Zone& zone, LocalTime local,
                                                     Ambiguity ambiguity = Ambiguity::reject);

// The place an IANA name stands for, for people: "America/New_York" -> "New York",
// "America/Argentina/Buenos_Aires" -> "Buenos Aires", "UTC" -> "UTC".
std::string place_name(std::string_view iana_name);
// The place of a zone: place_name of its IANA name, or the label of a fixed offset.
std::string place_name(const Zone& zone);

// ---- Abbreviations --------------------------------------------------------------------------

// An abbreviation people type, and where in the tz database its offset is looked up. Only the
// zone is written down, never the offset: see read_abbreviation.
struct Abbreviation {
    std::string_view label;   // "CEST"
    std::string_view zone;    // a zone that uses it: "Europe/Berlin"
    Saving saving;            // whether it names daylight-saving time
    std::string_view meaning; // "Central European Summer Time"
};

// Every abbreviation wtool understands, in the order docs/time.md lists them.
std::span<const Abbreviation> known_abbreviations();

// The abbreviation with this label (ASCII case-insensitive), or nullptr.
const Abbreviation* find_abbreviation(std::string_view label);

// The abbreviations `zone` uses under its latest rules, as the tz database writes them: those in
// force on 15 January and 15 July 2037 (the last year wtool converts, see end_of_reliable_data),
// without repeats, winter's first in the northern hemisphere: {"EST", "EDT"}, {"IST"}, {"+03"}.
std::vector<std::string> abbreviations_in_use(const date::time_zone& zone);

// How an abbreviation was read near some instant.
struct AbbreviationReading {
    std::chrono::seconds offset{};         // the UTC offset it stands for
    const date::time_zone* zone = nullptr; // the zone whose periods gave the offset
    // true: a period of `zone` carries the label itself. false: the tz database no longer uses the
    // label (it replaced invented ones such as "BRT" by numeric ones such as "-03"); the zone's
    // nearest period of the same kind (standard or daylight-saving) gave the offset.
    bool by_name = true;
};

// The offset `abbr` stands for near the instant `near`. When `context` (may be null) uses the
// label itself within 50 years of `near`, its meaning wins ("IST" with Europe/Dublin is Irish
// Standard Time, +01:00); otherwise the abbreviation's own zone is searched: the period nearest
// to `near` that carries the label, else the nearest period of the same kind. An error when the
// zone is missing from the tz database.
std::expected<AbbreviationReading, std::string> read_abbreviation(const Abbreviation& abbr, Instant near,
                                                                  const date::time_zone* context = nullptr);

// ---- Places' zones and names of clocks ----------------------------------------------------------

// A name North Americans use for a region's time, daylight saving time included: "ET".
struct RegionName {
    std::string_view label;   // "ET"
    std::string_view zone;    // the zone it stands for: "America/New_York"
    std::string_view meaning; // "Eastern Time"
};

// ET, CT, MT and PT (America/New_York, America/Chicago, America/Denver, America/Los_Angeles).
std::span<const RegionName> region_names();

// The region name with this label (ASCII case-insensitive, no blanks around it), or nullptr.
const RegionName* find_region_name(std::string_view label);

// Why a name does not do as the zone of a series or of an audience, and which zone would.
struct PlaceAdvice {
    std::string message; // "'EST' is an abbreviation, not the time zone of a place"
    std::string hint;    // "use 'America/New_York' (Eastern Time, with daylight saving time): ..."
};

// Advice for a zone name that stands for a clock rather than a place, so that a series' times
// written with it would be an hour off for part of the year: an abbreviation wtool knows ("PST",
// "CEST", "IST", any case; GMT excepted, it is UTC), a region name ("ET"), or a zone of the tz
// database named like an abbreviation (EST, MST, HST, CET, MET, EET, WET, EST5EDT, CST6CDT,
// MST7MDT, PST8PDT). nullopt for every other name (IANA names of places, UTC, GMT, Etc/GMT+5, and
// unknown names).
std::optional<PlaceAdvice> place_advice(std::string_view name);

// ---- Zones typed by users -------------------------------------------------------------------

// What a zone written by a user names, before any date is known.
struct ZoneQuery {
    enum class Kind {
        zone,         // a zone of the tz database (an IANA name, any case, or a city alone)
        offset,       // a numeric UTC offset: "+01:00", "-0330", "UTC+1"
        abbreviation, // a known abbreviation: "CEST"
    } kind = Kind::zone;
    const date::time_zone* zone = nullptr;      // Kind::zone
    const RegionName* region = nullptr;         // Kind::zone read from a region name ("ET"), or nullptr
    std::chrono::seconds offset{};              // Kind::offset
    const Abbreviation* abbreviation = nullptr; // Kind::abbreviation
    std::string text;                           // as the user wrote it
};

// Why a zone written by a user names nothing (or more than one thing).
struct ZoneLookupError {
    std::string message;                  // "unknown time zone 'tokio', did you mean 'Asia/Tokyo'?"
    std::vector<std::string> suggestions; // the closest valid names, best first
};

// Reads a zone as users write it, in this order: "UTC" or "Z"; a numeric offset ("+01:00",
// "+0100", "+01", "-3:30", "UTC+1", "GMT-03:00", conventional sign); a known abbreviation
// ("cest", any case); a region name ("ET", any case: its zone, `region` set); an exact IANA name;
// an IANA name in any case, spaces for underscores ("america/new york"); a city alone ("tokyo",
// "sao paulo", "port au prince") among the continent and ocean areas; when a city names several
// zones (old and new names of one zone), the longest name (America/Argentina/Buenos_Aires), then
// the first alphabetically. Anything else is an error with the closest valid names.
std::expected<ZoneQuery, ZoneLookupError> lookup_zone(std::string_view text);

// The zone a query names near the instant `near`: the tz database zone itself, or a fixed offset
// labelled as written ("UTC+01:00" for offsets, the upper-case abbreviation for abbreviations,
// read with read_abbreviation and `context`).
std::expected<Zone, std::string> zone_for(const ZoneQuery& query, Instant near,
                                          const date::time_zone* context = nullptr);

// An abbreviation that the zone it belongs to does not use at an instant: "CET" on a summer day.
struct LabelMismatch {
    const date::time_zone* zone = nullptr; // the zone the label was read in
    ZonedView actual;                      // what that zone shows at the instant
};

// When `query` is an abbreviation and the zone it was read in (see read_abbreviation) has a
// different UTC offset at instant `t` than the label stands for, what that zone shows there.
// nullopt for anything else, and for labels that agree.
std::optional<LabelMismatch> check_label(const ZoneQuery& query, const Zone& read_as, Instant t,
                                         const date::time_zone* context = nullptr);

// ---- Conversion tables ----------------------------------------------------------------------

// One line of a conversion table: a moment in one zone.
struct ConversionRow {
    Zone zone;
    std::string place;      // "New York"; the label of a fixed offset
    ZonedView view;         // local time, offset, abbreviation there
    int day_difference = 0; // local date minus the reference date, in days (+1 = the next day)
};

// The instant `t` in each of `zones`, in order, each with its date compared to `reference_day`
// (usually the date in the zone the time was given in). Duplicates are kept: callers decide.
std::vector<ConversionRow> convert(Instant t, std::span<const Zone> zones, date::local_days reference_day);

// ---- Instants -------------------------------------------------------------------------------

// Parses an instant given as ISO 8601 with a zone designator: "2026-02-01T12:00:00Z",
// "2026-02-01T13:00:00+01:00", "2026-02-01 12:00Z", or a date alone ("2026-02-01", midnight UTC).
std::expected<Instant, std::string> parse_instant(std::string_view text);

// Formats a UTC offset as "+01:00" / "-03:30" / "+05:45".
std::string format_offset(std::chrono::seconds offset);

// Formats an instant as ISO 8601 UTC: "2026-03-02T14:00:00Z".
std::string format_utc(Instant t);

} // namespace wtool::tz

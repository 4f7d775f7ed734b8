// Statistics about a series (`wtool stats`): who spoke, from where, how many talks per season and
// year, how many recordings are published, and which institutions are new in each season.
//
// How things are counted (also in docs/stats.md):
// - speaker statistics count people: each speaker of a two-speaker talk counts; a person is
//   identified by their name (case-insensitive, blanks trimmed), so someone who spoke twice
//   counts once per country and once per institution they spoke for;
// - talk statistics count talks: a two-speaker talk counts once (in a country's or an
//   institution's "talks" once when any of its speakers is from there);
// - institutions and countries are compared by their text in the catalogue (case-insensitive):
//   spell them the same way to have them counted together;
// - a talk is "held" (it took place) when its season has a date, is not cancelled and has ended
//   at `now` (start + duration);
// - by default (StatsScope::held) only held talks are counted: their speakers, countries,
//   institutions, seasons and years. StatsScope::all counts every talk of the catalogue (held,
//   coming, cancelled, not dated). The seasons table lists every season with its state either way.
#pragma once

#include "catalogue/catalogue.hpp"
#include "time/timezone.hpp"

#include <string>
#include <vector>

namespace wtool {

// A country or an institution with how many speakers (people) and talks it had.
struct CountRow {
    std::string name; // as first written in the catalogue; "(not given)" when missing
    int speakers = 0;
    int talks = 0;
};

// Which talks the figures count.
enum class StatsScope {
    held, // the talks that took place
    all,  // every talk of the catalogue
};

// Where a season stands at `now`.
enum class SeasonState {
    held,      // dated, not cancelled, ended
    coming,    // dated, not cancelled, not ended yet (in progress or future)
    cancelled, // cancelled (dated or not)
    tba,       // no date yet
};

// "held", "coming", "cancelled", "TBA".
std::string_view season_state_name(SeasonState state);

struct SeasonStats {
    int number = 0;
    SeasonState state = SeasonState::tba;
    bool counted = false; // its talks are in the figures (the scope includes its state)
    std::string theme; // empty: none yet
    std::string date;  // YYYY-MM-DD; empty: TBA
    bool cancelled = false;
    int talks = 0;                                   // the season's talks (counted or not)
    int speakers = 0;                                // speaker appearances in the season's talks
    std::vector<std::string> new_institutions;       // not seen in an earlier counted season; empty
    std::vector<std::string> returning_institutions; //   when the season is not counted
};

struct YearStats {
    std::string year; // "2025", or "TBA" for seasons without a date
    int seasons = 0;  // counted seasons
    int talks = 0;    // counted talks
};

struct RecordingStats {
    int held = 0;       // talks of seasons that took place (SeasonState::held)
    int published = 0;  // held talks with a recording link
    int not_shared = 0; // held talks whose speakers did not agree to share the recording
    int missing = 0;    // held talks that may be shared but have no link yet
    int upcoming = 0;   // talks of seasons coming or not dated
    int cancelled = 0;  // talks of cancelled seasons
    // published / held in tenths of a percent, rounded (963 = 96.3 %); 0 when nothing was held.
    [[nodiscard]] int published_permille() const;
};

struct Stats {
    std::string series_title;
    StatsScope scope = StatsScope::held;
    int talks = 0; // counted talks
    int speakers = 0;                   // distinct people
    int speaker_appearances = 0;        // speakers summed over talks
    std::vector<CountRow> countries;    // most speakers first, then by name
    std::vector<CountRow> institutions; // most speakers first, then by name
    std::vector<SeasonStats> seasons;   // number order
    std::vector<YearStats> years;       // year order, TBA last
    RecordingStats recordings;
};

// Computes the statistics; `now` decides which talks have been held, `scope` which are counted.
Stats compute_stats(const Catalogue& cat, tz::Instant now, StatsScope scope = StatsScope::held);

// Aligned plain-text tables.
std::string render_stats_text(const Stats& stats);
// Markdown (GitHub tables); catalogue text in cells is escaped so it cannot change the tables.
std::string render_stats_markdown(const Stats& stats);
// A JSON document with the same figures (2-space indentation, final newline).
std::string render_stats_json(const Stats& stats);
// An accessible SVG bar chart of speakers per country: <title> and <desc> (read by screen
// readers), one labelled bar per country, integer coordinates, XML-escaped text. The same
// statistics give the same bytes.
std::string render_country_chart_svg(const Stats& stats);

} // namespace wtool

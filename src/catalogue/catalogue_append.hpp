// Adding to a catalogue by appending text: a new season and episode are rendered as TOML
// tables and put after the last byte of the file, so that everything the organisers wrote —
// comments, blank lines, key order, quoting — stays exactly as it was. Seasons and episodes
// are flat arrays of tables (docs/catalogue.md), so a `[[season]]` or `[[episode]]` header at
// the end of any valid catalogue starts a new element, whatever table the file ended in.
//
// Everything here is pure: a catalogue and a draft in, text and diagnostics out. Reading,
// locking and writing the file are the command's business (cmd_add_episode.cpp).
#pragma once

#include "catalogue/catalogue.hpp"
#include "support/diagnostics.hpp"
#include "time/timezone.hpp"

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wtool {

struct SpeakerDraft {
    std::string name{};
    std::optional<std::string> honorific{}, affiliation{}, country{}, homepage{}, bio{};
};

// A season to create; absent values are left out of the table (and so mean "TBA" or "the
// series' default").
struct SeasonDraft {
    int number = 0;
    std::optional<std::string> theme{};
    std::optional<date::local_days> date{};
    std::optional<TimeOfDay> time{};
    std::optional<std::string> zoom_url{};
    std::optional<std::string> meeting_url{}; // any platform's link; a season has this or zoom_url
    std::optional<int> duration_minutes{};    // absent: the series' duration_minutes
};

struct EpisodeDraft {
    int season = 0;
    int number = 0; // 0: not chosen yet (the next free number)
    std::string title;
    std::optional<std::string> abstract;
    std::optional<std::string> joint_bio; // the episode's `bio`, shared by its speakers
    std::optional<std::string> recording;
    bool share_recording = true; // false writes share_recording = false
    std::vector<SpeakerDraft> speakers;
};

// What one run adds: an episode, and the season it belongs to when that is new.
struct Addition {
    EpisodeDraft episode;
    std::optional<SeasonDraft> new_season;
};

enum class Newline { lf, crlf };

// The line ending the appended text uses: CRLF when the text's first line ends in CRLF, LF
// otherwise (also for a text without any line break).
Newline detect_newline(std::string_view text);

// The number a new episode of `season` gets: one more than the highest number the season
// uses (gaps are not filled: validate reports them), 1 for a season without episodes.
// Episodes with malformed codes are ignored.
int next_episode_number(const Catalogue& cat, int season);

// The `[[season]]` table for a new season, keys in documentation order (number, theme, date,
// time, duration_minutes, zoom_url). Every line ends with `newline`.
std::string render_season_table(const SeasonDraft& season, Newline newline);

// The `[[episode]]` table and one `[[episode.speaker]]` table per speaker, separated by blank
// lines, keys in documentation order. Abstracts and bios use multi-line strings in LF files
// and escaped one-line strings in CRLF files (so that a literal's line breaks never mix with
// the file's). `episode.number` must be set. Every line ends with `newline`.
std::string render_episode_tables(const EpisodeDraft& episode, Newline newline);

// The exact text to append after `existing` so that `tables` start on a line of their own
// after one blank line: a line break when `existing` does not end with one (a last line
// without a newline, a trailing comment), a blank line unless there is one already, then
// `tables`. Nothing precedes `tables` when `existing` is empty.
std::string text_to_append(std::string_view existing, std::string_view tables, Newline newline);

// An addition worked out against the current file: the text to append, the whole new text,
// and what validation says about it.
struct AppendPlan {
    std::string code;             // the new episode's code, e.g. "S10E04"
    std::string appended;         // the exact bytes added at the end of the file
    std::string new_text;         // the file's current bytes followed by `appended`
    std::uint32_t first_line = 0; // first and last line of the new tables in new_text
    std::uint32_t last_line = 0;
    // Diagnostics of new_text (parse_catalogue + check_catalogue, as `wtool validate`) that
    // the current file does not already have, ordered by position.
    Diagnostics diagnostics;
    [[nodiscard]] bool has_errors() const { return diagnostics.has_errors(); }
};

// A long text (abstract, bio) as read from a file: a UTF-8 byte order mark is dropped, CRLF
// and lone CR line breaks become LF, and blanks and blank lines around the text are removed.
// Nothing inside the text changes.
std::string normalise_text_file(std::string_view content);

// A season date as users type it, "2026-06-01" (YYYY-MM-DD, a real calendar day).
std::expected<date::local_days, std::string> parse_date_answer(std::string_view text);
// A start time as users type it, "15:00" or "15:00:00" (24-hour clock; seconds must be 00).
std::expected<TimeOfDay, std::string> parse_time_answer(std::string_view text);
// "15:00".
std::string format_time_of_day(TimeOfDay time);

// Renders `addition` (whose episode number must be set), appends it to `current.source` and
// validates the result at `now` under the name current.path.
AppendPlan plan_append(const Catalogue& current, const Addition& addition, tz::Instant now);

} // namespace wtool

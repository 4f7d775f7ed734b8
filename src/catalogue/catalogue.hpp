// The catalogue model: a webinar series, its seasons (webinar days) and episodes (talks),
// as read from the TOML catalogue. Every value remembers where it came from, so that any
// later check can point at it with file:line:col.
//
// The model is plain data. Loading and syntax-level checks live in catalogue_loader.hpp;
// semantic checks live in rules.hpp.
#pragma once

#include "support/source_pos.hpp"
#include "support/source_text.hpp"
#include "support/text_value.hpp"

#include <chrono>
#include <date/date.h>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wtool {

// A value read from the catalogue: `present` is false when the key was absent, in which case
// `value` holds the default.
template <class T> struct Field {
    T value{};
    SourcePos pos{};
    bool present = false;

    [[nodiscard]] explicit operator bool() const { return present; }
};

using Text = Field<TextValue>;
using TimeOfDay = std::chrono::minutes; // minutes after local midnight

struct Organiser {
    Text name, email, homepage, affiliation, country;
    SourcePos pos;
};

struct Series {
    Text title;
    Text timezone;
    Field<TimeOfDay> start_time;
    Field<int> duration_minutes{60};
    std::vector<Text> audience_timezones;
    Field<bool> announce_times;
    Text site_url, webinar_url, talks_url, playlist_url;
    Text meeting_url; // the default meeting link of every season (meeting_link.hpp)
    Text templates;
    // What the series calls a season ("edition", "session"): one lower-case word (rule
    // season-word). Absent: announcements, pages and posts say "edition", calendar titles "season".
    Text season_word;
    std::vector<Field<int>> alarm_minutes;
    std::vector<Organiser> organisers;
    // [series.text]: Markdown, inserted verbatim into pages.
    Text intro, organisers_text, newsletter;
    SourcePos pos;
};

struct Site {
    Text webinar_page{"_pages/webinar.md"};
    Text webinar_front_matter;
    Text talks_page{"_pages/webinar_talks.md"};
    Text talks_front_matter;
    Text news_dir{"_news"};
    Field<TimeOfDay> news_time{std::chrono::hours{9}};
    SourcePos pos;
};

struct Season {
    Field<int> number;
    Text theme;
    Field<date::local_days> date; // absent: TBA
    Field<TimeOfDay> time;        // absent: the series' start_time
    // When the date was written as an offset date-time (2025-05-12T10:00:00+01:00), the offset
    // it carried, in minutes east of UTC; rules check it against the series' zone.
    Field<int> stated_utc_offset_minutes;
    Field<int> duration_minutes;
    Text zoom_url;
    Text meeting_url; // any platform's link; a season has this or zoom_url (meeting_link.hpp)
    Field<bool> cancelled;
    // The start (local, in the series' zone) a recorded invitation had before `wtool season` moved
    // the season: announcements say "new date". Absent when it never moved.
    Field<date::local_seconds> moved_from;
    // The calendar revision (calendar_revision.hpp): the SEQUENCE last published and the
    // fingerprint of the details it was published with.
    Field<int> calendar_sequence;
    Text calendar_fingerprint;
    SourcePos pos;
};

struct Speaker {
    Text name, honorific, affiliation, country, homepage, bio;
    SourcePos pos;
};

struct Episode {
    Text code;
    int season = 0; // from the code; 0 when the code is malformed
    int number = 0; // from the code; 0 when the code is malformed
    Text title, abstract, bio, recording;
    Field<bool> share_recording{true};
    std::vector<Speaker> speakers;
    SourcePos pos;
};

// [check_links]: how `wtool check-links` judges links. Absent keys keep the defaults below.
struct CheckLinksSettings {
    // Texts that mark a Zoom page as an invalid or expired meeting (case-insensitive substrings).
    Field<std::vector<std::string>> zoom_invalid_markers{
        {"3001", "does not exist", "is invalid", "no longer valid", "has expired"}};
    // Texts that mark a Zoom page as a live registration or join page (case-insensitive substrings).
    Field<std::vector<std::string>> zoom_valid_markers{
        {"registration", "join meeting", "join webinar", "launch meeting"}};
    // How long an ok result in the --state file is reused instead of asking again (0: never).
    Field<int> reuse_ok_hours{12};
    SourcePos pos;
};

struct Catalogue {
    std::filesystem::path path; // as given by the user
    SourceText source;          // the file's full text
    Series series;
    Site site;
    std::vector<Season> seasons;   // file order
    std::vector<Episode> episodes; // file order
    CheckLinksSettings check_links;

    // The season with this number, or nullptr.
    [[nodiscard]] const Season* find_season(int number) const;
    // The episode with this code (exact, case-sensitive), or nullptr.
    [[nodiscard]] const Episode* find_episode(std::string_view code) const;
    // The episodes of one season, in episode-number order.
    [[nodiscard]] std::vector<const Episode*> episodes_of(int season) const;
    // Seasons in number order.
    [[nodiscard]] std::vector<const Season*> seasons_by_number() const;
};

// The start time of a season: its own time, else the series' default.
TimeOfDay season_start_time(const Catalogue& cat, const Season& season);
// The length of a season in minutes: its own, else the series' default.
int season_duration_minutes(const Catalogue& cat, const Season& season);

// Parses an episode code "SxxEyy" (two or more digits each, both at least 1). Returns
// {season, number}, or nullopt when malformed.
std::optional<std::pair<int, int>> parse_episode_code(std::string_view code);
// Formats an episode code: S09E01.
std::string format_episode_code(int season, int number);

// What a URL field of the catalogue is for.
enum class UrlRole {
    recording, // an episode's recording
    playlist,  // the series' playlist
    zoom,      // a season's Zoom link
    meeting,   // a meeting link of any platform (a season's or the series' meeting_url)
    homepage,  // an organiser's or speaker's homepage
    site,      // the series' site, webinar and talks pages
};

// Where a text value sits in the catalogue, for diagnostics and reports:
// "series.title", "season 9 zoom_url", "S09E01 speaker 1 name", and what kind of text it is.
// Checks decide by `kind` and `url_role`, never by the key's name.
struct TextRef {
    const Text* text;
    std::string_view where; // human-readable place, as above; valid only during the visit
    enum class Kind {
        line,       // a one-line plain text: a name, a title
        paragraphs, // a plain text of paragraphs: an abstract, a bio
        markdown,   // Markdown (or YAML front matter) inserted into pages as written
        url,        // a URL field
    } kind = Kind::line;
    UrlRole url_role = UrlRole::site; // for Kind::url
};

// Calls `visit` for every present text value of the catalogue, in a stable order. A visitor
// that keeps a place must copy `where`: it points into a buffer the next visit overwrites.
void for_each_text(const Catalogue& cat, const std::function<void(const TextRef&)>& visit);

// The organiser named in calendars: the first [[series.organiser]] with an email, or nullptr.
const Organiser* calendar_organiser(const Catalogue& cat);

} // namespace wtool

#include "catalogue/catalogue_keys.hpp"

#include <array>

namespace wtool {

namespace {

constexpr std::array<std::string_view, 5> root_keys = {"series", "site", "season", "episode", "check_links"};
constexpr std::array<std::string_view, 16> series_keys = {
    "title",          "timezone",  "start_time",    "duration_minutes", "audience_timezones",
    "announce_times", "site_url",  "webinar_url",   "talks_url",        "playlist_url",
    "meeting_url",    "templates", "season_word",   "alarm_minutes",    "organiser",
    "text"};
constexpr std::array<std::string_view, 5> organiser_keys = {"name", "email", "homepage", "affiliation", "country"};
constexpr std::array<std::string_view, 3> text_keys = {"intro", "organisers", "newsletter"};
constexpr std::array<std::string_view, 6> site_keys = {
    "webinar_page", "webinar_front_matter", "talks_page", "talks_front_matter", "news_dir", "news_time"};
constexpr std::array<std::string_view, 11> season_keys = {"number",
                                                          "theme",
                                                          "date",
                                                          "time",
                                                          "duration_minutes",
                                                          "zoom_url",
                                                          "meeting_url",
                                                          "cancelled",
                                                          "moved_from",
                                                          "calendar_sequence",
                                                          "calendar_fingerprint"};
constexpr std::array<std::string_view, 7> episode_keys = {"code",      "title",           "abstract", "bio",
                                                          "recording", "share_recording", "speaker"};
constexpr std::array<std::string_view, 6> speaker_keys = {"name",    "honorific", "affiliation",
                                                          "country", "homepage",  "bio"};
constexpr std::array<std::string_view, 3> check_links_keys = {"zoom_invalid_markers", "zoom_valid_markers",
                                                              "reuse_ok_hours"};
constexpr std::array<std::string_view, 9> kinds = {"root",   "series",  "series.organiser", "series.text", "site",
                                                   "season", "episode", "episode.speaker",  "check_links"};

} // namespace

std::span<const std::string_view> known_keys(std::string_view table_kind) {
    if (table_kind == "root") {
        return root_keys;
    }
    if (table_kind == "series") {
        return series_keys;
    }
    if (table_kind == "series.organiser") {
        return organiser_keys;
    }
    if (table_kind == "series.text") {
        return text_keys;
    }
    if (table_kind == "site") {
        return site_keys;
    }
    if (table_kind == "season") {
        return season_keys;
    }
    if (table_kind == "episode") {
        return episode_keys;
    }
    if (table_kind == "episode.speaker") {
        return speaker_keys;
    }
    if (table_kind == "check_links") {
        return check_links_keys;
    }
    return {};
}

std::span<const std::string_view> table_kinds() {
    return kinds;
}

} // namespace wtool

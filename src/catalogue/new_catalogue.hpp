// The text of a new catalogue for another series (`wtool init`): the values the organiser chose,
// every other key of the format as a commented-out example, one season (TBA) and a commented-out
// example episode. The result parses and validates without errors.
#pragma once

#include "catalogue/catalogue.hpp"

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace wtool {

struct NewSeries {
    std::string title;                           // one line, not empty
    std::string timezone;                        // an IANA zone name the tz database knows
    TimeOfDay start_time{};                      // default start of a webinar day
    int duration_minutes = 60;                   // default length of a webinar day
    std::vector<std::string> audience_timezones; // IANA zone names; empty: an example comment
    std::string site_url;                        // empty: an example comment
    std::string meeting_url;                     // every day's meeting link; empty: an example comment
    std::string templates;                       // folder relative to the catalogue; empty: none
    std::string organiser_name;                  // empty (with no email): an example comment
    std::string organiser_email;                 // the calendar invitations' organiser; may be empty
};

// Checks of the values an organiser gives for a new series, shared by the options and the
// questions of `wtool init`. Each returns the value to write, or a message (lower-case, the input
// quoted, a fix suggested).

// A title: one line of UTF-8 text, not empty; blanks around it are removed.
std::expected<std::string, std::string> check_series_title(std::string_view text);
// A time zone: an IANA name of the tz database ("Europe/Copenhagen"); a name that differs only in
// case is accepted and spelt as the database does. Unknown names get "did you mean" suggestions.
std::expected<std::string, std::string> check_zone_name(std::string_view text);
// Zones separated by commas ("America/New_York, Asia/Kolkata"), each as check_zone_name; blanks
// and repeats are dropped. An empty text gives an empty list.
std::expected<std::vector<std::string>, std::string> check_zone_list(std::string_view text);
// A time of day as HH:MM (or H:MM, or HH:MM:00), 00:00 to 23:59.
std::expected<TimeOfDay, std::string> check_start_time(std::string_view text);
// A length in whole minutes, 1 to 1440.
std::expected<int, std::string> check_duration(std::string_view text);
// A person's name: one line of UTF-8 text; blanks around it are removed. May be empty.
std::expected<std::string, std::string> check_person_name(std::string_view text);
// An e-mail address as calendars need it: one '@' with text on both sides, a dot in the domain,
// no blanks or control characters. An empty text is accepted as "none".
std::expected<std::string, std::string> check_email(std::string_view text);
// An absolute http or https URL (parsed with libcurl's URL API).
std::expected<std::string, std::string> check_site_url(std::string_view text);

// A meeting link of any platform (Zoom, Google Meet, Teams, ...): an https URL.
std::expected<std::string, std::string> check_meeting_url(std::string_view text);

// The catalogue text. Every value is written as a TOML basic string (toml_text::encode_string), so any
// text (quotes, backslashes, emoji) reads back unchanged.
std::string render_new_catalogue(const NewSeries& series);

} // namespace wtool

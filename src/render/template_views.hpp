// What templates see: the catalogue turned into ready-to-print values (dates in words, times with
// the right CET/CEST, ordinals, joined speaker lists, ...) as JSON, which `announce --format json`
// prints and the renderer hands to Mustache. Every variable is listed in docs/templates.md.
//
// Text values come in one of two escapings, chosen by the caller for the output format:
//   plain     one-line values made one line, paragraphs kept, URLs made one token (e-mail, social
//             posts, JSON);
//   markdown  the same, then escaped for Markdown (markdown_escape.hpp), so that no catalogue
//             value can change a page's structure.
// The [series.text] texts and the front matter are Markdown/YAML by design and are never escaped.
// Absent values are null (falsy in Mustache, and never looked up in an outer section instead).
#pragma once

#include "catalogue/catalogue.hpp"
#include "time/timezone.hpp"

#include <expected>
#include <nlohmann/json.hpp>
#include <string>

namespace wtool {

enum class Escaping { plain, markdown };

enum class AudienceTimes { show, hide };

// {series, season}: one season, for `announce` (all formats). The season's
// show_audience_times is true when `times` is show, the season has a date and the catalogue
// lists audience zones.
std::expected<nlohmann::ordered_json, std::string> announce_view(const Catalogue& cat, const Season& season,
                                                                 Escaping escaping, AudienceTimes times);

// How many seasons `upcoming` lists at most.
inline constexpr std::size_t max_upcoming_seasons = 5;

// {series, site, next, upcoming, show_upcoming, previous_talks}: the webinar page at `now`.
// `next` is the next season (schedule.hpp next_season; null when none is coming), with audience
// times as the catalogue's announce_times says. `upcoming` lists the dated seasons that have not
// started at `now`, cancelled ones included (each says so), by start, at most
// max_upcoming_seasons, each a season like `next` (without audience times); `show_upcoming` is
// true when it holds more than one. `previous_talks` are the talks of every season that has started and was
// not cancelled, oldest first, leaving out talks whose recording is not shared.
std::expected<nlohmann::ordered_json, std::string> webinar_page_view(const Catalogue& cat, tz::Instant now,
                                                                     Escaping escaping);

// {series, site, all_talks}: the talks page: every talk of every season that was not cancelled,
// newest first (highest season, then highest episode number).
std::expected<nlohmann::ordered_json, std::string> talks_page_view(const Catalogue& cat, Escaping escaping);

// {series, season, news_date}: the news post after a season. news_date is the season's date at
// [site] news_time in the series' zone when the catalogue sets it, else the season's end (start +
// duration) there, with the UTC offset in force then: "2026-03-02 09:00:00+0100". Errors: the
// season has no date, or news_time does not exist that day.
std::expected<nlohmann::ordered_json, std::string> news_view(const Catalogue& cat, const Season& season,
                                                             Escaping escaping);

// {series, season}: what the calendar_title template sees for one event (ics SUMMARY): announce_view
// in plain text (so series.season_word is the same word as in every other output).
std::expected<nlohmann::ordered_json, std::string> calendar_title_view(const Catalogue& cat, const Season& season);

// The file name of a season's news post: "20260302_webinar_9.md"; empty for a season without a
// date.
std::string news_file_name(const Season& season);

} // namespace wtool

#include "catalogue/new_catalogue.hpp"

#include "catalogue/meeting_link.hpp"
#include "net/url.hpp"
#include "support/text.hpp"
#include "time/timezone.hpp"
#include "toml/toml_text.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

namespace wtool {

namespace {

std::string format_time_of_day(TimeOfDay t) {
    const auto minutes = t.count();
    return fmt::format("{:02}:{:02}:00", minutes / 60, minutes % 60);
}

constexpr std::string_view header = R"TOML(# episodes.toml: the wtool catalogue of the webinar series {title}.
#
# One file holds the series, its seasons (one webinar day each) and its episodes (one talk each).
# Dates and times are local times in the series' time zone, written without quotes (2026-03-02,
# 15:00:00); wtool works out the zone's abbreviation (such as CET or CEST) for each date itself.
# Titles, abstracts and bios are plain text; only the [series.text] page texts are Markdown.
#
# Lines starting with '#' are comments: remove the '#' in front of an example to use it.
# Check the file with `wtool validate`, add talks with `wtool add-episode`; the format is described
# in docs/catalogue.md of wtool's documentation.

)TOML";

constexpr std::string_view organiser_example = R"TOML(
# One table per organiser; the first one with an email is the calendar invitation's organiser
# (`wtool ics` needs one).
# [[series.organiser]]
# name = "Ada Lovelace"
# email = "ada@example.org"
# homepage = "https://example.org/ada"
# affiliation = "Analytical Engine Society"
# country = "UK"
)TOML";

constexpr std::string_view rest = R"TOML(
# The fixed Markdown texts of the webinar page, inserted verbatim.
# [series.text]
# intro = """
# What the series is about, and for whom."""
# organisers = """
# Who runs the series."""
# newsletter = """
# How to subscribe to the announcements."""

# Where `wtool page --site DIR` and `wtool news --site DIR` write, relative to the site folder.
# [site]
# webinar_page = "_pages/webinar.md"
# talks_page = "_pages/webinar_talks.md"
# news_dir = "_news"
# news_time = 09:00:00             # dates news posts; without it, at the webinar's end

# ---------------------------------------------------------------- seasons
# One [[season]] per webinar day. Leave out what is not fixed yet: a season without a date, theme
# or meeting link is announced as "TBA".

[[season]]
number = 1
# theme = "The day's theme"
# date = 2026-03-02
# time = 16:00:00                  # only when it differs from start_time
# duration_minutes = 90            # only when it differs from duration_minutes
# zoom_url = "https://example.zoom.us/meeting/register/..."
# meeting_url = "https://meet.google.com/..."   # instead of zoom_url: a link of any platform
# cancelled = true                 # the day was called off

# ---------------------------------------------------------------- episodes
# One [[episode]] per talk, each followed by one [[episode.speaker]] per speaker. The code SxxEyy
# names the season and the talk's number in it. `wtool add-episode` appends new talks at the end
# of this file. An example, to use without the '#':
#
# [[episode]]
# code = "S01E01"
# title = "The talk's title"
# abstract = """
# The abstract; paragraphs separated by a blank line."""
# recording = "https://www.youtube.com/watch?v=..."
# share_recording = false          # only when the speakers did not agree to share the recording
#
# [[episode.speaker]]
# name = "Ada Lovelace"
# honorific = "Dr."
# affiliation = "Analytical Engine Society"
# country = "UK"
# homepage = "https://example.org/ada"
# bio = """
# A short bio."""
)TOML";

bool has_control_character(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
    });
}

// Parses a whole string of ASCII digits (at most 9); nullopt otherwise.
std::optional<int> parse_digits(std::string_view s) {
    if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    int value = 0;
    std::from_chars(s.data(), s.data() + s.size(), value);
    return value;
}

} // namespace

std::expected<std::string, std::string> check_series_title(std::string_view text) {
    if (!text::is_valid_utf8(text)) {
        return std::unexpected("the title is not valid UTF-8");
    }
    const std::string_view title = text::trim(text);
    if (title.empty()) {
        return std::unexpected("the title must not be empty");
    }
    if (has_control_character(title)) {
        return std::unexpected("the title must be one line of text, without control characters");
    }
    return std::string(title);
}

std::expected<std::string, std::string> check_zone_name(std::string_view text) {
    const std::string_view name = text::trim(text);
    if (name.empty()) {
        return std::unexpected("the time zone must not be empty: give an IANA name such as 'Europe/Berlin'");
    }
    if (auto advice = tz::place_advice(name)) {
        return std::unexpected(fmt::format("{}; {}", advice->message, advice->hint));
    }
    if (tz::find_zone(name) != nullptr) {
        return std::string(name);
    }
    for (const std::string& known : tz::zone_names()) {
        if (text::iequals_ascii(known, name)) {
            return known;
        }
    }
    const std::vector<std::string> suggestions = tz::suggest_zones(name);
    if (suggestions.empty()) {
        return std::unexpected(fmt::format(
            "unknown time zone '{}': give an IANA name such as 'Europe/Berlin' or 'America/New_York'", name));
    }
    return std::unexpected(
        fmt::format("unknown time zone '{}', did you mean {}?", name, text::quoted_alternatives(suggestions)));
}

std::expected<std::vector<std::string>, std::string> check_zone_list(std::string_view text) {
    std::vector<std::string> zones;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view item = text::trim(text.substr(start, comma - start));
        if (!item.empty()) {
            auto zone = check_zone_name(item);
            if (!zone) {
                return std::unexpected(zone.error());
            }
            if (std::find(zones.begin(), zones.end(), *zone) == zones.end()) {
                zones.push_back(std::move(*zone));
            }
        }
        start = comma + 1;
    }
    return zones;
}

std::expected<TimeOfDay, std::string> check_start_time(std::string_view text) {
    const std::string_view t = text::trim(text);
    const auto bad = [&] {
        return std::unexpected(fmt::format("'{}' is not a time of day: write it as HH:MM, e.g. 15:00", t));
    };
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2) {
        return bad();
    }
    std::string_view minutes_part = t.substr(colon + 1);
    if (minutes_part.size() == 5 && minutes_part.substr(2) == ":00") {
        minutes_part = minutes_part.substr(0, 2);
    }
    if (minutes_part.size() != 2) {
        return bad();
    }
    const std::optional<int> hours = parse_digits(t.substr(0, colon));
    const std::optional<int> minutes = parse_digits(minutes_part);
    if (!hours.has_value() || !minutes.has_value()) {
        return bad();
    }
    const int h = hours.value();
    const int m = minutes.value();
    if (h > 23 || m > 59) {
        return std::unexpected(fmt::format("'{}' is not a time of day: use 00:00 to 23:59", t));
    }
    return std::chrono::hours{h} + std::chrono::minutes{m};
}

std::expected<int, std::string> check_duration(std::string_view text) {
    const std::string_view t = text::trim(text);
    const auto minutes = parse_digits(t);
    if (!minutes || *minutes < 1 || *minutes > 24 * 60) {
        return std::unexpected(fmt::format("'{}' is not a duration: give whole minutes from 1 to 1440, e.g. 90", t));
    }
    return *minutes;
}

std::expected<std::string, std::string> check_person_name(std::string_view text) {
    if (!text::is_valid_utf8(text)) {
        return std::unexpected("the name is not valid UTF-8");
    }
    const std::string_view name = text::trim(text);
    if (has_control_character(name)) {
        return std::unexpected("the name must be one line of text, without control characters");
    }
    return std::string(name);
}

std::expected<std::string, std::string> check_email(std::string_view text) {
    const std::string_view t = text::trim(text);
    if (t.empty()) {
        return std::string();
    }
    const std::size_t at = t.find('@');
    const bool one_at = at != std::string_view::npos && at > 0 && t.find('@', at + 1) == std::string_view::npos;
    const std::string_view domain = one_at ? t.substr(at + 1) : std::string_view{};
    const bool dotted = domain.find('.') != std::string_view::npos && domain.front() != '.' && domain.back() != '.';
    const bool blank_free = std::none_of(t.begin(), t.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || u == 0x7F;
    });
    if (!one_at || !dotted || !blank_free || !text::is_valid_utf8(t)) {
        return std::unexpected(fmt::format("'{}' is not an e-mail address: write it as name@example.org", t));
    }
    return std::string(t);
}

std::expected<std::string, std::string> check_site_url(std::string_view text) {
    const std::string_view t = text::trim(text);
    auto parsed = url::parse(t);
    if (!parsed) {
        return std::unexpected(
            fmt::format("'{}' is not a URL ({}): write it in full, e.g. https://example.org", t, parsed.error()));
    }
    if (parsed->scheme != "https" && parsed->scheme != "http") {
        return std::unexpected(fmt::format("'{}' is not a web address: it must start with https://", t));
    }
    return std::string(t);
}

std::expected<std::string, std::string> check_meeting_url(std::string_view text) {
    const std::string_view t = text::trim(text);
    if (const auto problem = meeting_url_problem(t)) {
        return std::unexpected(
            fmt::format("'{}' {}: paste the link the meeting platform gives you, e.g. https://meet.google.com/...",
                        text::visible(t), *problem));
    }
    return std::string(t);
}

namespace {

// `s` as a one-line TOML basic string ("...").
std::string quote(std::string_view s) {
    return toml_text::encode_string(s, toml_text::StringForm::single_line);
}

// An inline array of strings: ["a", "b"].
std::string string_array(const std::vector<std::string>& items) {
    std::vector<std::string> quoted;
    quoted.reserve(items.size());
    for (const std::string& item : items) {
        quoted.push_back(quote(item));
    }
    return fmt::format("[{}]", fmt::join(quoted, ", "));
}

} // namespace

std::string render_new_catalogue(const NewSeries& s) {
    // A line of TOML with a comment, the comments of neighbouring lines aligned.
    const auto commented = [](std::string_view code, std::string_view comment) {
        const std::size_t column = 35;
        const std::size_t width = text::count_code_points(code);
        return fmt::format("{}{}# {}\n", code, std::string(width < column ? column - width : 1, ' '), comment);
    };
    std::string out = fmt::format(fmt::runtime(header), fmt::arg("title", quote(s.title)));
    out += "[series]\n";
    out += fmt::format("title = {}\n", quote(s.title));
    out += fmt::format("timezone = {}\n", quote(s.timezone));
    out += commented(fmt::format("start_time = {}", format_time_of_day(s.start_time)),
                     "default start of a webinar day, local time");
    out += commented(fmt::format("duration_minutes = {}", s.duration_minutes), "default length, in minutes");
    out += "# The zones that announcements convert the start time to:\n";
    if (s.audience_timezones.empty()) {
        out += "# audience_timezones = [\"America/New_York\", \"Europe/London\", \"Asia/Kolkata\"]\n";
    } else {
        out += fmt::format("audience_timezones = {}\n", string_array(s.audience_timezones));
    }
    out += commented("# announce_times = true", "`wtool announce` adds the audience times by default");
    if (s.site_url.empty()) {
        out += commented("# site_url = \"https://example.org\"", "the series' website");
    } else {
        out += commented(fmt::format("site_url = {}", quote(s.site_url)), "the series' website");
    }
    out += "# webinar_url = \"https://example.org/webinar/\"   # the webinar page on that site\n"
           "# talks_url = \"https://example.org/talks/\"       # the page with all abstracts and bios\n"
           "# playlist_url = \"https://www.youtube.com/playlist?list=...\"\n";
    if (s.meeting_url.empty()) {
        out += "# meeting_url = \"https://meet.google.com/...\"   # every day's meeting link, any platform\n";
    } else {
        out += commented(fmt::format("meeting_url = {}", quote(s.meeting_url)), "every day's meeting link");
    }
    out += commented(s.templates.empty() ? std::string("# templates = \"templates\"")
                                         : fmt::format("templates = {}", quote(s.templates)),
                     "your own templates, relative to this file");
    out += commented("# alarm_minutes = [60, 15]", "default calendar reminders, minutes before the start");
    if (s.organiser_name.empty() && s.organiser_email.empty()) {
        out += organiser_example;
    } else {
        out += "\n# One table per organiser; the first one with an email is the calendar invitation's organiser\n"
               "# (`wtool ics` needs one).\n[[series.organiser]]\n";
        if (!s.organiser_name.empty()) {
            out += fmt::format("name = {}\n", quote(s.organiser_name));
        }
        out += s.organiser_email.empty() ? std::string("# email = \"ada@example.org\"\n")
                                         : fmt::format("email = {}\n", quote(s.organiser_email));
        out += "# homepage = \"https://example.org/ada\"\n"
               "# affiliation = \"Analytical Engine Society\"\n"
               "# country = \"UK\"\n";
    }
    out += rest;
    return out;
}

} // namespace wtool

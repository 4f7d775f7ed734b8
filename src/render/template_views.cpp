#include "render/template_views.hpp"

#include "catalogue/meeting_link.hpp"
#include "catalogue/schedule.hpp"
#include "render/markdown.hpp"
#include "render/plain.hpp"
#include "support/text.hpp"
#include "time/time_format.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <optional>
#include <vector>

namespace wtool {

using Json = nlohmann::ordered_json;

namespace {

// Turns raw catalogue text into values for one output format.
class Escaper {
  public:
    explicit Escaper(Escaping escaping) : escaping_(escaping) {}

    // A one-line value.
    [[nodiscard]] std::string line(std::string_view raw) const {
        return escaping_ == Escaping::markdown ? markdown::escape_line(raw) : plain::one_line(raw);
    }
    // A multi-paragraph value.
    [[nodiscard]] std::string paragraphs(std::string_view raw) const {
        return escaping_ == Escaping::markdown ? markdown::escape_paragraphs(raw) : plain::paragraph_text(raw);
    }
    [[nodiscard]] std::string url(std::string_view raw) const {
        return escaping_ == Escaping::markdown ? markdown::escape_url(raw) : plain::url_token(raw);
    }

    // The same for catalogue fields: null when absent or blank.
    [[nodiscard]] Json line(const Text& t) const { return non_empty(t.present ? line(t.value) : std::string()); }
    [[nodiscard]] Json paragraphs(const Text& t) const {
        return non_empty(t.present ? paragraphs(t.value) : std::string());
    }
    [[nodiscard]] Json url(const Text& t) const { return non_empty(t.present ? url(t.value) : std::string()); }
    // Markdown or YAML by design ([series.text], front matter): inserted as written.
    [[nodiscard]] static Json verbatim(const Text& t) { return t.present ? Json(t.value) : Json(nullptr); }

  private:
    static Json non_empty(std::string s) { return s.empty() ? Json(nullptr) : Json(std::move(s)); }
    Escaping escaping_;
};

// "", ", ", " and " or ", and ": what goes before item `i` of `n` in an English list.
std::string list_separator(std::size_t i, std::size_t n) {
    if (i == 0) {
        return "";
    }
    if (i + 1 < n) {
        return ", ";
    }
    return n == 2 ? " and " : ", and ";
}

// Adds is_first, is_last and list_separator to every object of a list.
Json as_list(std::vector<Json> items) {
    Json list = Json::array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        items[i]["is_first"] = i == 0;
        items[i]["is_last"] = i + 1 == items.size();
        items[i]["list_separator"] = list_separator(i, items.size());
        list.push_back(std::move(items[i]));
    }
    return list;
}

// "A", "A and B", "A, B, and C".
std::string join_english(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out += list_separator(i, parts.size()) + parts[i];
    }
    return out;
}

// The theme as it reads inside a sentence: first letter in lower case, unless the first word has
// more capitals (an acronym such as "MRI").
std::string sentence_case(const std::string& theme) {
    if (theme.empty() || std::isupper(static_cast<unsigned char>(theme[0])) == 0) {
        return theme;
    }
    const std::size_t word_end = std::min(theme.find(' '), theme.size());
    const bool more_capitals = std::any_of(theme.begin() + 1, theme.begin() + static_cast<std::ptrdiff_t>(word_end),
                                           [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
    if (more_capitals) {
        return theme;
    }
    std::string out = theme;
    out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

std::string raw_one_line(const Text& t) {
    return t.present ? plain::one_line(t.value) : std::string();
}

// "Dr. Roxana Daneshjou": the honorific, if any, and the name, as plain text.
std::string display_name(const Speaker& s) {
    const std::string honorific = raw_one_line(s.honorific);
    const std::string name = raw_one_line(s.name);
    return honorific.empty() ? name : honorific + " " + name;
}

// "Stanford University School of Medicine, Stanford, CA, USA", as plain text.
std::string affiliation_country(const Speaker& s) {
    const std::string affiliation = raw_one_line(s.affiliation);
    const std::string country = raw_one_line(s.country);
    if (affiliation.empty() || country.empty()) {
        return affiliation + country;
    }
    return affiliation + ", " + country;
}

std::chrono::minutes time_of_day(tz::LocalTime t) {
    return std::chrono::duration_cast<std::chrono::minutes>(t - date::floor<date::days>(t));
}

// When a season happens (schedule.hpp season_start); empty for a TBA season. Everything shown
// (date, time of day, CET/CEST) is read from the start instant in the series' zone, so that it is
// the moment calendars use even for a date written with a UTC offset the zone does not have that
// day (validate warns about those).
struct SeasonTime {
    tz::Instant start;
    tz::ZonedView local;        // the start, in the series' zone
    date::year_month_day date;  // the local date there
    std::chrono::minutes clock; // the local time of day there
};

std::expected<std::optional<SeasonTime>, std::string> season_time(const Catalogue& cat, const Season& season) {
    const auto start = season_start(cat, season);
    if (!start) {
        if (start.error().kind == NoStart::Kind::tba) {
            return std::optional<SeasonTime>{};
        }
        return std::unexpected(fmt::format("season {}: {}", season.number.value, start.error().message));
    }
    const tz::ZonedView view = tz::in_zone(*series_zone(cat), *start);
    return SeasonTime{*start, view, date::year_month_day{date::floor<date::days>(view.local)}, time_of_day(view.local)};
}

Json speaker_json(const Speaker& s, const Escaper& e) {
    Json j;
    j["name"] = e.line(s.name);
    j["honorific"] = e.line(s.honorific);
    j["display_name"] = e.line(display_name(s));
    j["affiliation"] = e.line(s.affiliation);
    j["country"] = e.line(s.country);
    const std::string both = affiliation_country(s);
    j["affiliation_country"] = both.empty() ? Json(nullptr) : Json(e.line(both));
    j["homepage"] = e.url(s.homepage);
    j["bio"] = e.paragraphs(s.bio);
    return j;
}

// The affiliations of a talk's speakers: one "affiliation, country" when they share it, else
// each distinct one in speaker order, separated by "; ". Empty when none is known.
std::string shared_affiliations(const Episode& ep) {
    std::vector<std::string> distinct;
    for (const Speaker& s : ep.speakers) {
        const std::string a = affiliation_country(s);
        if (!a.empty() && std::find(distinct.begin(), distinct.end(), a) == distinct.end()) {
            distinct.push_back(a);
        }
    }
    return fmt::format("{}", fmt::join(distinct, "; "));
}

Json episode_json(const Episode& ep, const std::optional<SeasonTime>& when, const Escaper& e) {
    Json j;
    j["code"] = e.line(ep.code.value);
    j["season_number"] = ep.season;
    j["number"] = ep.number;
    j["title"] = e.line(ep.title);
    j["abstract"] = e.paragraphs(ep.abstract);

    std::vector<Json> speakers;
    std::vector<std::string> names;
    for (const Speaker& s : ep.speakers) {
        speakers.push_back(speaker_json(s, e));
        names.push_back(display_name(s));
    }
    j["speakers"] = as_list(std::move(speakers));
    j["speaker_names"] = e.line(join_english(names));
    const std::string affiliations = shared_affiliations(ep);
    j["affiliations"] = affiliations.empty() ? Json(nullptr) : Json(e.line(affiliations));

    // The bios to show: the joint bio, then each speaker's own.
    std::vector<Json> bios;
    if (const Json joint = e.paragraphs(ep.bio); !joint.is_null()) {
        bios.push_back(Json{{"text", joint}, {"speaker", nullptr}});
    }
    for (const Speaker& s : ep.speakers) {
        if (const Json bio = e.paragraphs(s.bio); !bio.is_null()) {
            bios.push_back(Json{{"text", bio}, {"speaker", e.line(display_name(s))}});
        }
    }
    j["bios"] = as_list(std::move(bios));

    const bool shared = ep.share_recording.value;
    j["recording_shared"] = shared;
    j["video_url"] = shared ? e.url(ep.recording) : Json(nullptr);
    j["date_long"] = when ? Json(e.line(tz::format_long_date(date::local_days{when->date}))) : Json(nullptr);
    j["date_ordinal"] =
        when ? Json(e.line(tz::format_long_date(date::local_days{when->date}, tz::DayStyle::ordinal))) : Json(nullptr);
    return j;
}

Json audience_json(const Catalogue& cat, const SeasonTime& when, const Escaper& e) {
    std::vector<Json> zones;
    for (const Text& name : cat.series.audience_timezones) {
        const date::time_zone* zone = tz::find_zone(name.value);
        if (zone == nullptr) {
            continue; // validate reports unknown zones
        }
        const tz::ZonedView there = tz::in_zone(*zone, when.start);
        const date::year_month_day day{date::floor<date::days>(there.local)};
        const bool other_day = day != when.date;
        const std::string time = tz::format_clock_12h(there.local);
        const std::string label = tz::format_zone_label(there);
        const std::string city = tz::place_name(name.value);
        const std::string weekday = tz::format_weekday(date::floor<date::days>(there.local));
        std::string text = fmt::format("{} {}", time, label);
        if (other_day) {
            text += " on " + weekday;
        }
        text += " (" + city + ")";
        Json j;
        j["zone"] = e.line(name.value);
        j["city"] = e.line(city);
        j["time"] = e.line(time);
        j["time_24h"] = e.line(tz::format_clock_24h(there.local));
        j["zone_abbrev"] = e.line(label);
        j["utc_offset"] = tz::format_offset(there.offset);
        j["date_long"] = e.line(tz::format_long_date(date::local_days{day}));
        j["weekday"] = e.line(weekday);
        j["other_day"] = other_day;
        j["text"] = e.line(text);
        zones.push_back(std::move(j));
    }
    return as_list(std::move(zones));
}

// "Monday 1 June 2026 at 4:00 PM": where a moved season was before.
std::string moved_from_text(date::local_seconds start) {
    const date::local_days day = date::floor<date::days>(start);
    return fmt::format("{} at {}", tz::format_long_date(day), tz::format_clock_12h(tz::LocalTime{start - day}));
}

// What a season is headed with: its theme; without one, a dated season's only talk's title, or
// its date; "TBA" for a season with neither theme nor date.
std::string season_heading(const Catalogue& cat, const Season& season, const std::string& theme) {
    if (!theme.empty()) {
        return theme;
    }
    if (!season.date.present) {
        return "TBA";
    }
    const Episode* only = nullptr;
    int talks = 0;
    for (const Episode& ep : cat.episodes) {
        if (ep.season == season.number.value) {
            only = &ep;
            ++talks;
        }
    }
    if (talks == 1) {
        return raw_one_line(only->title);
    }
    return tz::format_long_date(season.date.value);
}

std::expected<Json, std::string> season_json(const Catalogue& cat, const Season& season, const Escaper& e,
                                             AudienceTimes times) {
    auto when = season_time(cat, season);
    if (!when) {
        return std::unexpected(when.error());
    }
    const int number = season.number.value;
    Json j;
    j["number"] = number;
    j["code"] = fmt::format("S{:02}", number);
    j["ordinal"] = text::ordinal_suffixed(number);
    j["ordinal_word"] = text::ordinal_word(number);
    const std::string theme = raw_one_line(season.theme);
    j["theme"] = theme.empty() ? Json(nullptr) : Json(e.line(theme));
    j["theme_lower"] = theme.empty() ? Json(nullptr) : Json(e.line(sentence_case(theme)));
    j["heading"] = e.line(season_heading(cat, season, theme));
    j["tba"] = !when->has_value();
    j["cancelled"] = season.cancelled.value;
    j["zone"] = e.line(cat.series.timezone.value);
    j["duration_minutes"] = season_duration_minutes(cat, season);
    // A cancelled day has no registration to offer. zoom_url is the meeting link of any platform
    // too, so that templates written before meeting_url existed keep showing the link.
    const MeetingLink meeting = season_meeting_link(cat, season);
    const Json meeting_url = season.cancelled.value || meeting.url == nullptr ? Json(nullptr) : e.url(*meeting.url);
    j["zoom_url"] = meeting_url;
    j["meeting_url"] = meeting_url;
    j["meeting_platform"] = e.line(meeting.platform);
    // Zoom links are registration pages ("register at"), the others meetings to join.
    j["meeting_registration"] = meeting.zoom;
    const bool moved = season.moved_from.present && !season.cancelled.value && when->has_value();
    j["moved"] = moved;
    j["moved_from"] = moved ? Json(e.line(moved_from_text(season.moved_from.value))) : Json(nullptr);
    if (const auto& t = *when) {
        const std::chrono::minutes start_time = t->clock;
        const std::string label = tz::format_zone_label(t->local);
        j["date"] = tz::format_iso_date(date::local_days{t->date});
        j["date_long"] = e.line(tz::format_long_date(date::local_days{t->date}));
        j["date_ordinal"] = e.line(tz::format_long_date(date::local_days{t->date}, tz::DayStyle::ordinal));
        j["weekday"] = e.line(tz::format_weekday(date::local_days{t->date}));
        j["start_time"] = e.line(tz::format_clock_12h(tz::LocalTime{start_time}));
        j["start_time_24h"] = e.line(tz::format_clock_24h(tz::LocalTime{start_time}));
        j["zone_abbrev"] = e.line(label);
        j["utc_offset"] = tz::format_offset(t->local.offset);
        j["start_utc"] = tz::format_utc(t->start);
        j["when"] = e.line(fmt::format("{} at {} {}", tz::format_long_date(date::local_days{t->date}),
                                       tz::format_clock_12h(tz::LocalTime{start_time}), label));
        Json zones = audience_json(cat, *t, e);
        std::vector<std::string> zone_texts;
        for (const Json& z : zones) {
            zone_texts.push_back(z["text"].get<std::string>());
        }
        const std::string zones_text = fmt::format("{}", fmt::join(zone_texts, ", "));
        j["audience_times_text"] = zones_text.empty() ? Json(nullptr) : Json(zones_text);
        j["show_audience_times"] = times == AudienceTimes::show && !zones.empty();
        j["audience_times"] = std::move(zones);
    } else {
        for (const char* key : {"date", "date_long", "date_ordinal", "weekday", "start_time", "start_time_24h",
                                "zone_abbrev", "utc_offset", "start_utc"}) {
            j[key] = nullptr;
        }
        j["when"] = "TBA";
        j["audience_times_text"] = nullptr;
        j["show_audience_times"] = false;
        j["audience_times"] = Json::array();
    }

    std::vector<Json> talks;
    std::vector<Json> shared;
    for (const Episode* ep : cat.episodes_of(number)) {
        talks.push_back(episode_json(*ep, *when, e));
        if (ep->share_recording.value) {
            shared.push_back(talks.back());
        }
    }
    j["has_talks"] = !talks.empty();
    j["one_talk"] = talks.size() == 1; // "Talk by" rather than "Talks by"
    j["has_shared_talks"] = !shared.empty();
    j["talks"] = as_list(std::move(talks));
    j["shared_talks"] = as_list(std::move(shared));
    return j;
}

// series.season_word ("edition") and series.Season_word ("Edition"): a validated word of a-z.
void set_season_word(Json& series, std::string_view word) {
    std::string capitalised(word);
    if (!capitalised.empty()) {
        capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
    }
    series["season_word"] = std::string(word);
    series["Season_word"] = capitalised;
}

Json series_json(const Catalogue& cat, const Escaper& e) {
    const Series& s = cat.series;
    Json j;
    j["title"] = e.line(s.title);
    j["timezone"] = e.line(s.timezone);
    j["site_url"] = e.url(s.site_url);
    j["webinar_url"] = e.url(s.webinar_url);
    j["talks_url"] = e.url(s.talks_url);
    j["playlist_url"] = e.url(s.playlist_url);
    set_season_word(j, s.season_word.present ? std::string_view(s.season_word.value) : "edition");
    std::vector<Json> organisers;
    for (const Organiser& o : s.organisers) {
        Json oj;
        oj["name"] = e.line(o.name);
        oj["email"] = e.line(o.email);
        oj["homepage"] = e.url(o.homepage);
        oj["affiliation"] = e.line(o.affiliation);
        oj["country"] = e.line(o.country);
        organisers.push_back(std::move(oj));
    }
    j["organisers"] = as_list(std::move(organisers));
    j["text"] = Json{{"intro", Escaper::verbatim(s.intro)},
                     {"organisers", Escaper::verbatim(s.organisers_text)},
                     {"newsletter", Escaper::verbatim(s.newsletter)}};
    return j;
}

Json site_json(const Catalogue& cat) {
    return Json{{"webinar_front_matter", Escaper::verbatim(cat.site.webinar_front_matter)},
                {"talks_front_matter", Escaper::verbatim(cat.site.talks_front_matter)}};
}

} // namespace

std::expected<Json, std::string> announce_view(const Catalogue& cat, const Season& season, Escaping escaping,
                                               AudienceTimes times) {
    const Escaper e{escaping};
    auto s = season_json(cat, season, e, times);
    if (!s) {
        return std::unexpected(s.error());
    }
    return Json{{"series", series_json(cat, e)}, {"season", std::move(*s)}};
}

namespace {

// The dated seasons that have not started at `now` (cancelled ones too), by start, at most
// max_upcoming_seasons.
std::vector<const Season*> upcoming_seasons(const Catalogue& cat, tz::Instant now) {
    std::vector<std::pair<tz::Instant, const Season*>> dated;
    for (const Season* season : cat.seasons_by_number()) {
        if (const auto start = season_start(cat, *season); start && *start > now) {
            dated.emplace_back(*start, season);
        }
    }
    std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const Season*> out;
    for (const auto& [start, season] : dated) {
        if (out.size() == max_upcoming_seasons) {
            break;
        }
        out.push_back(season);
    }
    return out;
}

} // namespace

std::expected<Json, std::string> webinar_page_view(const Catalogue& cat, tz::Instant now, Escaping escaping) {
    const Escaper e{escaping};
    std::vector<Json> upcoming;
    for (const Season* season : upcoming_seasons(cat, now)) {
        auto s = season_json(cat, *season, e, AudienceTimes::hide);
        if (!s) {
            return std::unexpected(s.error());
        }
        upcoming.push_back(std::move(*s));
    }
    const bool show_upcoming = upcoming.size() > 1;
    Json next = nullptr;
    if (const Season* coming = next_season(cat, now)) {
        const AudienceTimes times = cat.series.announce_times.value ? AudienceTimes::show : AudienceTimes::hide;
        auto s = season_json(cat, *coming, e, times);
        if (!s) {
            return std::unexpected(s.error());
        }
        next = std::move(*s);
    }
    std::vector<Json> previous;
    for (const Season* season : cat.seasons_by_number()) {
        if (season->cancelled.value || !season_started(cat, *season, now)) {
            continue;
        }
        auto when = season_time(cat, *season);
        if (!when) {
            return std::unexpected(when.error());
        }
        for (const Episode* ep : cat.episodes_of(season->number.value)) {
            if (ep->share_recording.value) {
                previous.push_back(episode_json(*ep, *when, e));
            }
        }
    }
    return Json{{"series", series_json(cat, e)},
                {"site", site_json(cat)},
                {"next", std::move(next)},
                {"upcoming", as_list(std::move(upcoming))},
                {"show_upcoming", show_upcoming},
                {"previous_talks", as_list(std::move(previous))}};
}

std::expected<Json, std::string> talks_page_view(const Catalogue& cat, Escaping escaping) {
    const Escaper e{escaping};
    std::vector<Json> talks;
    auto seasons = cat.seasons_by_number();
    std::reverse(seasons.begin(), seasons.end());
    for (const Season* season : seasons) {
        if (season->cancelled.value) {
            continue;
        }
        auto when = season_time(cat, *season);
        if (!when) {
            return std::unexpected(when.error());
        }
        auto episodes = cat.episodes_of(season->number.value);
        std::reverse(episodes.begin(), episodes.end());
        for (const Episode* ep : episodes) {
            talks.push_back(episode_json(*ep, *when, e));
        }
    }
    return Json{{"series", series_json(cat, e)}, {"site", site_json(cat)}, {"all_talks", as_list(std::move(talks))}};
}

std::expected<Json, std::string> news_view(const Catalogue& cat, const Season& season, Escaping escaping) {
    if (!season.date.present) {
        return std::unexpected(fmt::format("season {} has no date yet", season.number.value));
    }
    const date::time_zone* zone = series_zone(cat);
    if (zone == nullptr) {
        return std::unexpected(fmt::format("unknown time zone '{}'", cat.series.timezone.value));
    }
    // Dated at [site] news_time on the season's day when the catalogue sets it, else at the day's end.
    tz::Instant dated{};
    if (cat.site.news_time.present) {
        const tz::LocalTime local = tz::LocalTime{season.date.value} + cat.site.news_time.value;
        auto instant = tz::resolve_local(*zone, local, tz::Ambiguity::earlier);
        if (!instant) {
            return std::unexpected(fmt::format("[site] news_time: {}", instant.error().message));
        }
        dated = *instant;
    } else {
        auto end = season_end(cat, season);
        if (!end) {
            return std::unexpected(fmt::format("season {}: {}", season.number.value, end.error().message));
        }
        dated = *end;
    }
    const tz::ZonedView there = tz::in_zone(*zone, dated);
    const Escaper e{escaping};
    auto s = season_json(cat, season, e, AudienceTimes::hide);
    if (!s) {
        return std::unexpected(s.error());
    }
    const std::string news_date =
        fmt::format("{} {}:00{}", tz::format_iso_date(date::floor<date::days>(there.local)),
                    tz::format_clock_24h(there.local), tz::format_compact_offset(there.offset));
    return Json{{"series", series_json(cat, e)}, {"season", std::move(*s)}, {"news_date", news_date}};
}

std::expected<Json, std::string> calendar_title_view(const Catalogue& cat, const Season& season) {
    return announce_view(cat, season, Escaping::plain, AudienceTimes::hide);
}

std::string news_file_name(const Season& season) {
    if (!season.date.present) {
        return {};
    }
    const date::year_month_day ymd{season.date.value};
    return fmt::format("{:04}{:02}{:02}_webinar_{}.md", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), season.number.value);
}

} // namespace wtool

#include "report/export.hpp"

#include "catalogue/meeting_link.hpp"
#include "catalogue/schedule.hpp"
#include "report/csv.hpp"
#include "time/timezone.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace wtool {

namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const Text& t) {
    return t.present ? Json(t.value) : Json(nullptr);
}

std::string format_time_of_day(TimeOfDay t) {
    return fmt::format("{:02}:{:02}", t.count() / 60, t.count() % 60);
}

// When a season starts, as the export shows it; all empty while TBA (or not resolvable).
struct SeasonTimes {
    std::string date;        // 2026-03-02
    std::string start_utc;   // 2026-03-02T14:00:00Z
    std::string start_local; // 2026-03-02T15:00:00+01:00
    std::string end_utc;
    std::string abbreviation; // CET
};

SeasonTimes season_times(const Catalogue& cat, const Season& season) {
    SeasonTimes out;
    if (season.date.present) {
        out.date = date::format("%Y-%m-%d", season.date.value);
    }
    const auto start = season_start(cat, season);
    if (!start) {
        return out; // TBA (a catalogue with another reason does not pass validation)
    }
    const tz::Instant instant = *start;
    const tz::ZonedView local = tz::in_zone(*series_zone(cat), instant);
    out.start_utc = tz::format_utc(instant);
    out.start_local = date::format("%Y-%m-%dT%H:%M:%S", local.local) + tz::format_offset(local.offset);
    out.end_utc = tz::format_utc(instant + std::chrono::minutes{season_duration_minutes(cat, season)});
    out.abbreviation = local.abbrev;
    return out;
}

Json null_if_empty(const std::string& s) {
    return s.empty() ? Json(nullptr) : Json(s);
}

// The selected seasons, in number order.
std::vector<const Season*> selected_seasons(const Catalogue& cat, const ExportSelection& selection) {
    std::vector<const Season*> out = cat.seasons_by_number();
    if (selection.season) {
        std::erase_if(out, [&](const Season* s) { return s->number.value != *selection.season; });
    }
    return out;
}

// The selected episodes, in code order (season, then number; file order for equal codes).
std::vector<const Episode*> selected_episodes(const Catalogue& cat, const ExportSelection& selection) {
    std::vector<const Episode*> out;
    for (const Episode& e : cat.episodes) {
        if (!selection.season || e.season == *selection.season) {
            out.push_back(&e);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Episode* a, const Episode* b) {
        return std::pair(a->season, a->number) < std::pair(b->season, b->number);
    });
    return out;
}

Json series_json(const Catalogue& cat) {
    const Series& s = cat.series;
    Json organisers = Json::array();
    for (const Organiser& o : s.organisers) {
        organisers.push_back({{"name", text_or_null(o.name)},
                              {"email", text_or_null(o.email)},
                              {"homepage", text_or_null(o.homepage)},
                              {"affiliation", text_or_null(o.affiliation)},
                              {"country", text_or_null(o.country)}});
    }
    Json audience = Json::array();
    for (const Text& z : s.audience_timezones) {
        audience.push_back(z.value);
    }
    Json alarms = Json::array();
    for (const Field<int>& m : s.alarm_minutes) {
        alarms.push_back(m.value);
    }
    return {{"title", s.title.value},
            {"timezone", s.timezone.value},
            {"start_time", format_time_of_day(s.start_time.value)},
            {"duration_minutes", s.duration_minutes.value},
            {"audience_timezones", audience},
            {"announce_times", s.announce_times.value},
            {"site_url", text_or_null(s.site_url)},
            {"webinar_url", text_or_null(s.webinar_url)},
            {"talks_url", text_or_null(s.talks_url)},
            {"playlist_url", text_or_null(s.playlist_url)},
            {"meeting_url", text_or_null(s.meeting_url)},
            {"templates", text_or_null(s.templates)},
            {"alarm_minutes", alarms},
            {"organisers", organisers},
            {"text",
             {{"intro", text_or_null(s.intro)},
              {"organisers", text_or_null(s.organisers_text)},
              {"newsletter", text_or_null(s.newsletter)}}}};
}

Json site_json(const Site& site) {
    return {
        {"webinar_page", site.webinar_page.value}, {"webinar_front_matter", text_or_null(site.webinar_front_matter)},
        {"talks_page", site.talks_page.value},     {"talks_front_matter", text_or_null(site.talks_front_matter)},
        {"news_dir", site.news_dir.value},         {"news_time", site.news_time.present ? Json(format_time_of_day(site.news_time.value)) : Json(nullptr)}};
}

Json season_json(const Catalogue& cat, const Season& season) {
    const SeasonTimes times = season_times(cat, season);
    // Its meeting link of any platform (its own meeting_url or zoom_url, else the series'
    // meeting_url) and the platform its host names; both null when it has none.
    const MeetingLink meeting = season_meeting_link(cat, season);
    const bool has_meeting = meeting.url != nullptr;
    Json codes = Json::array();
    for (const Episode* e : cat.episodes_of(season.number.value)) {
        codes.push_back(e->code.value);
    }
    return {{"number", season.number.value},
            {"theme", text_or_null(season.theme)},
            {"date", null_if_empty(times.date)},
            {"time", format_time_of_day(season_start_time(cat, season))},
            {"duration_minutes", season_duration_minutes(cat, season)},
            {"start_utc", null_if_empty(times.start_utc)},
            {"start_local", null_if_empty(times.start_local)},
            {"end_utc", null_if_empty(times.end_utc)},
            {"zone_abbreviation", null_if_empty(times.abbreviation)},
            {"zoom_url", text_or_null(season.zoom_url)},
            {"meeting_url", has_meeting ? Json(meeting.url->value.str()) : Json(nullptr)},
            {"meeting_platform", has_meeting ? Json(meeting.platform) : Json(nullptr)},
            {"cancelled", season.cancelled.value},
            {"episodes", codes}};
}

Json episode_json(const Episode& e) {
    Json speakers = Json::array();
    for (const Speaker& sp : e.speakers) {
        speakers.push_back({{"name", sp.name.value},
                            {"honorific", text_or_null(sp.honorific)},
                            {"affiliation", text_or_null(sp.affiliation)},
                            {"country", text_or_null(sp.country)},
                            {"homepage", text_or_null(sp.homepage)},
                            {"bio", text_or_null(sp.bio)}});
    }
    return {{"code", e.code.value},
            {"season", e.season},
            {"number", e.number},
            {"title", e.title.value},
            {"abstract", text_or_null(e.abstract)},
            {"bio", text_or_null(e.bio)},
            {"recording", text_or_null(e.recording)},
            {"share_recording", e.share_recording.value},
            {"speakers", speakers}};
}

// The speakers' values for one key, joined with "; " in speaker order.
std::string joined(const Episode& e, Text Speaker::*member) {
    std::vector<std::string> values;
    values.reserve(e.speakers.size());
    for (const Speaker& sp : e.speakers) {
        values.push_back((sp.*member).value);
    }
    return fmt::format("{}", fmt::join(values, "; "));
}

} // namespace

std::string render_export_json(const Catalogue& cat, const ExportSelection& selection) {
    Json seasons = Json::array();
    for (const Season* s : selected_seasons(cat, selection)) {
        seasons.push_back(season_json(cat, *s));
    }
    Json episodes = Json::array();
    for (const Episode* e : selected_episodes(cat, selection)) {
        episodes.push_back(episode_json(*e));
    }
    const Json doc = {{"export_version", 1},
                      {"series", series_json(cat)},
                      {"site", site_json(cat.site)},
                      {"seasons", seasons},
                      {"episodes", episodes}};
    return doc.dump(2) + "\n";
}

const std::vector<std::string>& export_csv_columns() {
    static const std::vector<std::string> columns = {
        "code",        "season",    "number",    "title",           "speakers", "affiliations",
        "countries",   "theme",     "date",      "start_local",     "start_utc", "recording",
        "share_recording", "abstract", "meeting_url", "meeting_platform", "cancelled"};
    return columns;
}

std::string render_export_csv(const Catalogue& cat, const ExportSelection& selection) {
    std::string out = csv::record(export_csv_columns());
    for (const Episode* e : selected_episodes(cat, selection)) {
        const Season* season = cat.find_season(e->season);
        const SeasonTimes times = season != nullptr ? season_times(cat, *season) : SeasonTimes{};
        const MeetingLink meeting = season != nullptr ? season_meeting_link(cat, *season) : MeetingLink{};
        const std::vector<std::string> row = {
            e->code.value,
            std::to_string(e->season),
            std::to_string(e->number),
            e->title.value,
            joined(*e, &Speaker::name),
            joined(*e, &Speaker::affiliation),
            joined(*e, &Speaker::country),
            season != nullptr ? season->theme.value.str() : std::string{},
            times.date,
            times.start_local,
            times.start_utc,
            e->recording.value,
            e->share_recording.value ? "true" : "false",
            e->abstract.value,
            meeting.url != nullptr ? meeting.url->value.str() : std::string{},
            meeting.url != nullptr ? meeting.platform : std::string{},
            season != nullptr && season->cancelled.value ? "true" : "false",
        };
        out += csv::record(row);
    }
    return out;
}

} // namespace wtool

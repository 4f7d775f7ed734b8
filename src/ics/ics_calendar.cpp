#include "ics/ics_calendar.hpp"

#include "catalogue/meeting_link.hpp"
#include "catalogue/schedule.hpp"
#include "ics/ics_format.hpp"
#include "ics/ics_timezone.hpp"
#include "net/url.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace wtool {

namespace {

// One season as the calendar shows it, worked out before anything is written.
struct EventTimes {
    tz::Instant start, end;
};

std::string speaker_line(const Speaker& s) {
    std::string line = s.honorific.present ? s.honorific.value + " " + s.name.value : s.name.value.str();
    std::vector<std::string> where;
    if (s.affiliation.present) {
        where.push_back(s.affiliation.value);
    }
    if (s.country.present) {
        where.push_back(s.country.value);
    }
    if (!where.empty()) {
        line += fmt::format(" ({})", fmt::join(where, ", "));
    }
    return line;
}

std::string summary(const Catalogue& cat, const Season& s) {
    const std::string_view word =
        cat.series.season_word.present ? std::string_view(cat.series.season_word.value) : "edition";
    std::string out = fmt::format("{}, {} {}", cat.series.title.value, word, s.number.value);
    if (s.theme.present) {
        out += ": " + s.theme.value;
    }
    return s.cancelled.value ? "Cancelled: " + out : out;
}

// The meeting link's label: a Zoom registration page or a meeting to join ("Join on Google Meet",
// "Join online" for a platform wtool does not know).
std::string meeting_label(const MeetingLink& link) {
    if (link.zoom) {
        const auto u = url::parse(link.url->value);
        return u && u->path.find("/register/") != std::string::npos ? "Register on Zoom" : "Join on Zoom";
    }
    return link.known_platform ? fmt::format("Join on {}", link.platform) : std::string("Join online");
}

std::string page_url(const Catalogue& cat) {
    if (cat.series.webinar_url.present) {
        return cat.series.webinar_url.value;
    }
    return cat.series.site_url.present ? cat.series.site_url.value.str() : std::string{};
}

std::string description(const Catalogue& cat, const Season& s) {
    std::string out;
    if (s.cancelled.value) {
        out += "This webinar is cancelled.\n\n";
    }
    const auto episodes = cat.episodes_of(s.number.value);
    if (episodes.empty()) {
        out += "Talks: to be announced\n";
    } else {
        out += "Talks:\n";
        for (const Episode* e : episodes) {
            out += fmt::format("{} {}\n", e->code.value, e->title.value);
            for (const Speaker& sp : e->speakers) {
                out += "  " + speaker_line(sp) + "\n";
            }
        }
    }
    out += "\n";
    if (const MeetingLink link = season_meeting_link(cat, s); link.url != nullptr) {
        out += fmt::format("{}: {}\n", meeting_label(link), link.url->value);
    } else {
        out += link.zoom ? "Zoom link: to be announced\n" : "Meeting link: to be announced\n";
    }
    if (const std::string page = page_url(cat); !page.empty()) {
        out += fmt::format("Webinar page: {}\n", page);
    }
    if (cat.series.talks_url.present) {
        out += fmt::format("Abstracts and bios: {}\n", cat.series.talks_url.value);
    }
    out.pop_back(); // no line break after the last line
    return out;
}

// DTSTART/DTEND as local time in the series' zone, or in UTC for the rare instant that local
// time cannot name alone (the second pass through a repeated hour).
void write_time(ics::Writer& w, std::string_view name, const date::time_zone& zone, tz::Instant t) {
    const tz::LocalTime local = tz::in_zone(zone, t).local;
    const auto back = tz::resolve_local(zone, local, tz::Ambiguity::earlier);
    if (back && *back == t) {
        w.raw(name, ics::format_local(local), {{"TZID", zone.name()}});
    } else {
        w.raw(name, ics::format_utc(t));
    }
}

std::vector<int> alarm_list(std::vector<int> minutes) {
    std::sort(minutes.begin(), minutes.end(), std::greater<>());
    minutes.erase(std::unique(minutes.begin(), minutes.end()), minutes.end());
    return minutes;
}

// What every VEVENT of a calendar shares.
struct EventContext {
    const Catalogue& cat;
    const date::time_zone& zone;
    const Organiser& organiser;
    const std::string& page;        // the series' page, or empty
    const std::vector<int>& alarms; // minutes before the start, latest first
    const std::map<int, std::string>& titles; // CalendarOptions::titles
    tz::Instant now;
};

// One season's VEVENT, with its alarms.
void write_event(ics::Writer& w, const EventContext& c, const CalendarEvent& event, const EventTimes& times) {
    const Season& s = *event.season;
    const auto given = c.titles.find(s.number.value);
    const std::string title = given != c.titles.end() ? given->second : summary(c.cat, s);
    w.begin("VEVENT");
    w.text("UID", event.uid);
    w.raw("DTSTAMP", ics::format_utc(c.now));
    w.raw("SEQUENCE", std::to_string(event.revision.sequence));
    w.raw("STATUS", s.cancelled.value ? "CANCELLED" : "CONFIRMED");
    w.text("SUMMARY", title);
    write_time(w, "DTSTART", c.zone, times.start);
    write_time(w, "DTEND", c.zone, times.end);
    const MeetingLink meeting = season_meeting_link(c.cat, s);
    if (meeting.url != nullptr) {
        w.text("LOCATION", meeting.url->value);
    }
    w.text("DESCRIPTION", description(c.cat, s));
    if (!c.page.empty()) {
        w.raw("URL", ics::uri_value(c.page));
    }
    if (meeting.url != nullptr) {
        w.raw("CONFERENCE", ics::uri_value(meeting.url->value),
              {{"VALUE", "URI"}, {"FEATURE", "VIDEO"}, {"LABEL", meeting.platform}});
    }
    w.raw("ORGANIZER", "mailto:" + ics::uri_value(c.organiser.email.value), {{"CN", c.organiser.name.value}});
    w.raw("LAST-MODIFIED", ics::format_utc(c.now));
    w.raw("TRANSP", "OPAQUE");
    for (const int minutes : c.alarms) {
        w.begin("VALARM");
        w.raw("ACTION", "DISPLAY");
        w.text("DESCRIPTION", title);
        w.raw("TRIGGER", ics::format_duration(-std::chrono::minutes{minutes}));
        w.end("VALARM");
    }
    w.end("VEVENT");
}

} // namespace

std::expected<std::string, std::string> render_calendar(const Catalogue& cat, const CalendarPlan& plan,
                                                        const CalendarOptions& options) {
    if (plan.events.empty()) {
        return std::unexpected(std::string("there is no dated season to put in a calendar"));
    }
    const date::time_zone* zone = series_zone(cat);
    if (zone == nullptr) {
        return std::unexpected(fmt::format("unknown time zone '{}'", cat.series.timezone.value));
    }
    const Organiser* organiser = plan.organiser;
    if (organiser == nullptr) {
        return std::unexpected(std::string(
            "no [[series.organiser]] has an email, and a published calendar needs an organiser (RFC 5546); add "
            "email = \"...\" to the organiser who answers questions about the webinars"));
    }

    // Work out every time first, so that a problem leaves nothing half-rendered.
    std::vector<EventTimes> times;
    int first_year = 0;
    int last_year = 0;
    for (const CalendarEvent& e : plan.events) {
        const auto start = season_start(cat, *e.season);
        if (!start) {
            return std::unexpected(start.error().kind == NoStart::Kind::tba
                                       ? start.error().message
                                       : fmt::format("season {}: {}", e.season->number.value, start.error().message));
        }
        const tz::Instant begin = *start;
        const tz::Instant end = begin + std::chrono::minutes{season_duration_minutes(cat, *e.season)};
        times.push_back({begin, end});
        const auto year_of = [&](tz::Instant t) {
            return static_cast<int>(date::year_month_day{date::floor<date::days>(tz::in_zone(*zone, t).local)}.year());
        };
        first_year = times.size() == 1 ? year_of(begin) : std::min(first_year, year_of(begin));
        last_year = times.size() == 1 ? year_of(end) : std::max(last_year, year_of(end));
    }

    ics::Writer w;
    w.begin("VCALENDAR");
    w.raw("VERSION", "2.0");
    w.text("PRODID", "-//wtool//wtool ics//EN");
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    if (plan.kind == CalendarKind::feed) {
        w.text("NAME", cat.series.title.value);
        w.text("X-WR-CALNAME", cat.series.title.value);
        w.text("X-WR-TIMEZONE", zone->name());
        w.raw("REFRESH-INTERVAL", "P1D", {{"VALUE", "DURATION"}});
        w.raw("X-PUBLISHED-TTL", "P1D");
    }
    ics::write_vtimezone(w, *zone, first_year, last_year);

    const std::vector<int> alarms = alarm_list(options.alarm_minutes);
    const std::string page = page_url(cat);
    const EventContext context{cat, *zone, *organiser, page, alarms, options.titles, options.now};
    for (std::size_t i = 0; i < plan.events.size(); ++i) {
        write_event(w, context, plan.events[i], times[i]);
    }
    w.end("VCALENDAR");
    return w.str();
}

} // namespace wtool

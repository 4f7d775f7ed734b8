// A series' seasons as an iCalendar stream (RFC 5545 with RFC 7986 additions): one event to
// import, or every dated season as a feed to subscribe to. Rendering is pure: catalogue and
// request in, text out. docs/ics.md says what each property is for.
#pragma once

#include "catalogue/catalogue.hpp"
#include "time/timezone.hpp"

#include <expected>
#include <string>
#include <vector>

namespace wtool {

enum class CalendarKind {
    event, // a file to import or attach to an invitation: no calendar name (Outlook would make a new calendar)
    feed,  // a calendar to subscribe to: NAME / X-WR-CALNAME, X-WR-TIMEZONE, refresh interval
};

struct CalendarRequest {
    CalendarKind kind = CalendarKind::event;
    std::vector<const Season*> seasons; // dated seasons of the catalogue, in the order to write them
    std::vector<int> alarm_minutes;     // a VALARM this many minutes before the start, each
    tz::Instant now{};                  // DTSTAMP and LAST-MODIFIED
};

// The UID of a season's event: a name-based UUID (version 5, RFC 4122) in the URL name space of
// "<identity>#season-<number>", where the identity is the host and path of the series'
// site_url (lower-case host, no scheme, no trailing '/': "medical-datasets.github.io"), or
// "title:<series title>" when there is no usable site_url. The same on every run and machine,
// different for every season; it changes only when that identity changes.
std::string season_uid(const Catalogue& cat, int season_number);

// The identity season_uid is derived from.
std::string calendar_identity(const Catalogue& cat);

// The calendar for `request`. Fails with a message when it cannot be written correctly: no
// organiser has an email (RFC 5546 requires an ORGANIZER), the series' zone is unknown, a season
// has no date or its start does not name one instant. An empty list of seasons is an error too
// (a calendar needs at least one component).
std::expected<std::string, std::string> render_calendar(const Catalogue& cat, const CalendarRequest& request);

} // namespace wtool

// The plan of a calendar: which seasons `wtool ics` puts in a file, as which events (UID, SEQUENCE,
// the revision of each), and the facts about them that decide whether it may be published. Both
// `validate` (rules.cpp) and `ics` ask this one step; neither works out a selection or a revision on
// its own. The plan reports facts, never severities: a season changed since its calendar was
// recorded (CalendarEvent::revision) or no organiser with an email (CalendarPlan::organiser) is a
// warning for validate and a reason to refuse for ics, each caller deciding that explicitly.
// docs/ics.md describes the selection and the revisions.
#pragma once

#include "catalogue/calendar_revision.hpp"
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

// Which seasons a calendar is for: `wtool ics --next`, `--season N`, `--all`.
struct CalendarChoice {
    enum class Kind {
        next,   // the next season that has a date (schedule.hpp next_dated_season), as one event
        season, // season `season`, whatever its state, as one event
        all,    // every dated season, past and coming, cancelled ones included, as a feed
    };
    Kind kind = Kind::next;
    int season = 0; // for Kind::season
};

// One season's event.
struct CalendarEvent {
    const Season* season = nullptr; // a dated, numbered season of the catalogue
    std::string uid;                // season_uid
    CalendarRevision revision;      // SEQUENCE, fingerprint and whether it changed since recorded
};

struct CalendarPlan {
    CalendarKind kind = CalendarKind::event;
    std::vector<CalendarEvent> events; // in the order to write them (number order); never empty
    std::vector<int> skipped_tba;      // Kind::next: the coming seasons without a date passed over
    // The organiser calendars name (catalogue.hpp calendar_organiser); nullptr when no organiser has
    // an email, and then the calendar cannot be published (RFC 5546 requires an ORGANIZER).
    const Organiser* organiser = nullptr;

    // The events whose season changed since its calendar was recorded (CalendarRevision::State::
    // changed): calendars that have them would keep the old details until SEQUENCE is raised.
    [[nodiscard]] std::vector<const CalendarEvent*> changed_events() const;
};

// Why a choice has no event to put in a calendar.
struct NoCalendar {
    enum class Kind {
        none_coming,    // next: no season is coming
        next_tba,       // next: the coming seasons have no date yet; `season` is the first of them
        unknown_season, // season: there is no season `season`
        season_tba,     // season: season `season` has no date yet
        none_dated,     // all: no season has a date
    };
    Kind kind = Kind::none_coming;
    int season = 0;
};

// The plan for `choice` at `now` (which decides what is coming). The revision of every event is
// computed here, once.
std::expected<CalendarPlan, NoCalendar> plan_calendar(const Catalogue& cat, CalendarChoice choice, tz::Instant now);

// The UID of a season's event: a name-based UUID (version 5, RFC 4122) in the URL name space of
// "<identity>#season-<number>", where the identity is the host and path of the series'
// site_url (lower-case host, no scheme, no trailing '/': "medical-datasets.github.io"), or
// "title:<series title>" when there is no usable site_url. The same on every run and machine,
// different for every season; it changes only when that identity changes.
std::string season_uid(const Catalogue& cat, int season_number);

// The identity season_uid is derived from.
std::string calendar_identity(const Catalogue& cat);

} // namespace wtool

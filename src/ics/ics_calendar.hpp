// A calendar plan as an iCalendar stream (RFC 5545 with RFC 7986 additions): one event to
// import, or every dated season as a feed to subscribe to. Rendering is pure: catalogue, plan and
// options in, text out. docs/ics.md says what each property is for.
#pragma once

#include "catalogue/calendar_plan.hpp"
#include "catalogue/catalogue.hpp"
#include "time/timezone.hpp"

#include <expected>
#include <map>
#include <string>
#include <vector>

namespace wtool {

// What a calendar adds to its plan's events.
struct CalendarOptions {
    std::vector<int> alarm_minutes; // a VALARM this many minutes before the start, each
    tz::Instant now{};              // DTSTAMP and LAST-MODIFIED
    // Each event's title (SUMMARY, and the alarms' text) by season number, one line, as the
    // calendar_title template renders it (commands/ics.cpp). A season not in it is titled as the
    // default template would: "<series>, edition N: <theme>" ([series] season_word for "edition";
    // "Cancelled: " first for a cancelled one).
    std::map<int, std::string> titles;
};

// The calendar of `plan` (calendar_plan.hpp: its events, their UIDs and SEQUENCE). Fails with a
// message when it cannot be written correctly: no organiser has an email (RFC 5546 requires an
// ORGANIZER), the series' zone is unknown, a season's start does not name one instant
// (schedule.hpp). A plan without events is an error too (a calendar needs at least one component).
std::expected<std::string, std::string> render_calendar(const Catalogue& cat, const CalendarPlan& plan,
                                                        const CalendarOptions& options);

} // namespace wtool

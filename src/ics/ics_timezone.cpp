#include "ics/ics_timezone.hpp"

#include "time/timezone_transitions.hpp"

namespace wtool::ics {

void write_vtimezone(Writer& w, const date::time_zone& zone, int first_year, int last_year) {
    const tz::Instant from = tz::start_of_local_year(zone, first_year);
    const tz::Instant to = tz::start_of_local_year(zone, last_year + 1);
    w.begin("VTIMEZONE");
    w.text("TZID", zone.name());
    for (const tz::Transition& t : tz::transitions(zone, from, to)) {
        const std::string_view kind = t.dst ? "DAYLIGHT" : "STANDARD";
        w.begin(kind);
        const tz::LocalTime onset =
            t.since_always ? tz::LocalTime{date::local_days{date::year{1970} / 1 / 1}} : t.local_onset();
        w.raw("DTSTART", format_local(onset));
        w.raw("TZOFFSETFROM", format_utc_offset(t.offset_before));
        w.raw("TZOFFSETTO", format_utc_offset(t.offset_after));
        w.text("TZNAME", t.abbrev);
        w.end(kind);
    }
    w.end("VTIMEZONE");
}

std::string vtimezone(const date::time_zone& zone, int first_year, int last_year) {
    Writer w;
    write_vtimezone(w, zone, first_year, last_year);
    return w.str();
}

} // namespace wtool::ics

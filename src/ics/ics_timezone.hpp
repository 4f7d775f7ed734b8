// The VTIMEZONE component (RFC 5545 section 3.6.5) of a tz database zone, generated from the
// zone's real transitions (timezone_transitions.hpp) for the years a calendar covers.
#pragma once

#include "ics/ics_format.hpp"

#include <date/tz.h>
#include <string>

namespace wtool::ics {

// Writes the VTIMEZONE of `zone` (TZID = its IANA name) for local years first_year to last_year
// (inclusive): one STANDARD or DAYLIGHT sub-component per transition, without RRULEs, each with
// DTSTART (the onset, as local time on the clock before the change), TZOFFSETFROM, TZOFFSETTO
// and TZNAME. The first is the transition that set the clock in force on local New Year's Day
// of first_year, however long ago; a zone that never changed gets one STANDARD from
// 1970-01-01 with equal offsets. DAYLIGHT is what the tz database flags as daylight-saving time.
void write_vtimezone(Writer& w, const date::time_zone& zone, int first_year, int last_year);

// The same as a string (CRLF line ends), for tests.
std::string vtimezone(const date::time_zone& zone, int first_year, int last_year);

} // namespace wtool::ics

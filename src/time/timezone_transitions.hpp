// Part of the time module: the transitions of a zone (the moments its UTC offset, abbreviation
// or daylight-saving flag change), enumerated from the tz database through date/tz. Calendars
// use them to describe a zone (an iCalendar VTIMEZONE) with the real rules of the years they
// cover, never with hand-written ones.
#pragma once

#include "time/timezone.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace wtool::tz {

// One change of a zone's wall-clock time.
struct Transition {
    Instant at{};                         // the first instant of the new offset (unused when since_always)
    bool since_always = false;            // the zone has had this offset for as long as the database knows
    std::chrono::seconds offset_before{}; // equal to offset_after when since_always
    std::chrono::seconds offset_after{};
    std::string abbrev; // abbreviation in force after, e.g. "CEST", "+1030", "-03"
    // Daylight-saving ("summer") time in force after. Between a period the tz database flags as
    // daylight-saving and one it does not, the one with the larger offset is summer time, so
    // that zones the database models with negative DST (Europe/Dublin: GMT in winter is flagged)
    // still read GMT = standard, IST = summer, as Windows and calendar clients expect. Otherwise
    // the database's flag.
    bool dst = false;

    // The wall-clock time at which the change happens, read on the clock before it
    // (2026-03-29 02:00 for Copenhagen's spring change): what RFC 5545 calls the onset.
    [[nodiscard]] LocalTime local_onset() const { return LocalTime{at.time_since_epoch() + offset_before}; }
};

// The transitions that define `zone`'s wall-clock time during [from, to): first the one that
// began the period in force at `from` (it may lie years before `from`, e.g. 1945 for
// Asia/Kolkata; `since_always` when the zone never changed), then every transition after it and
// before `to`, in time order. A change of nothing (same offset, abbreviation and DST flag) is
// not a transition. Requires from < to; an empty range yields only the first.
std::vector<Transition> transitions(const date::time_zone& zone, Instant from, Instant to);

// The first instant of local New Year's Day of `year` in `zone` (earlier of two, or the end of
// a gap, should midnight not exist or occur twice).
Instant start_of_local_year(const date::time_zone& zone, int year);

} // namespace wtool::tz

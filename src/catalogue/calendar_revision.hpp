// The revision of a season's calendar event: the SEQUENCE number calendars use to tell an
// update from a stale copy, and the fingerprint that catches a forgotten increment.
//
// The catalogue is the only record (it travels between machines in git): a season may carry
// `calendar_sequence` (the SEQUENCE last published, 0 when absent) and `calendar_fingerprint`
// (a short digest of what the calendar said: start, zone, length, meeting link, cancellation).
// When the season changes, its fingerprint no longer matches, `validate` warns and `wtool ics`
// refuses until calendar_sequence is raised and the new fingerprint recorded (both through the
// calendar plan, calendar_plan.hpp).
// docs/ics.md explains the design.
#pragma once

#include "catalogue/catalogue.hpp"
#include "support/diagnostics.hpp"

#include <optional>
#include <string>

namespace wtool {

// What a calendar says about a season that a change of must raise its SEQUENCE (RFC 5546
// section 2.1.4: start, end, status; and the link people join with), as the text the
// fingerprint digests, one "key=value" line each:
//   wtool-calendar-v1 / start=2026-03-02T15:00 / stated-offset= / zone=Europe/Copenhagen /
//   minutes=90 / zoom=https://... / cancelled=no
// where zoom= is the season's meeting link of any platform (meeting_link.hpp), named "zoom" as
// before meeting_url existed, so that recorded fingerprints of Zoom seasons stay valid.
// nullopt for a season without a date (it is in no calendar).
std::optional<std::string> calendar_fingerprint_input(const Catalogue& cat, const Season& season);

// The fingerprint of a season: the first 8 hexadecimal digits of the SHA-256 of its
// calendar_fingerprint_input. nullopt for a season without a date.
std::optional<std::string> calendar_fingerprint(const Catalogue& cat, const Season& season);

struct CalendarRevision {
    enum class State {
        unrecorded, // no calendar_fingerprint in the catalogue: changes cannot be detected
        current,    // the recorded fingerprint matches the season
        changed,    // it does not: the season changed since it was recorded
    };
    State state = State::unrecorded;
    int sequence = 0;        // calendar_sequence, 0 when absent: the SEQUENCE to publish
    std::string fingerprint; // the season's fingerprint now
};

// The revision of a dated season; nullopt for a season without a date.
std::optional<CalendarRevision> calendar_revision(const Catalogue& cat, const Season& season);

// The `calendar-changed` finding for a season whose revision is `changed`, at its
// calendar_fingerprint, with the fix as hint: "set calendar_sequence = 1 and
// calendar_fingerprint = \"0a1b2c3d\" in season 9 (if no calendar with the old details was ever
// sent out, updating calendar_fingerprint alone is enough)". The caller says how serious it is:
// validate warns, ics refuses (calendar_plan.hpp).
Diagnostic calendar_changed_diagnostic(const Season& season, const CalendarRevision& revision, Severity severity);

// The line to add to an unrecorded season: "calendar_fingerprint = \"0a1b2c3d\"".
std::string calendar_fingerprint_line(const CalendarRevision& revision);

} // namespace wtool

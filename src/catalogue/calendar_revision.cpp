#include "catalogue/calendar_revision.hpp"

#include "catalogue/meeting_link.hpp"
#include "catalogue/schedule.hpp"
#include "support/digest.hpp"
#include "time/timezone.hpp"

#include <fmt/format.h>
#include <span>

namespace wtool {

std::optional<std::string> calendar_fingerprint_input(const Catalogue& cat, const Season& season) {
    const auto start = season_local_start(cat, season);
    if (!start) {
        return std::nullopt;
    }
    const std::string stated = season.stated_utc_offset_minutes.present
                                   ? tz::format_offset(std::chrono::minutes{season.stated_utc_offset_minutes.value})
                                   : std::string{};
    // The effective meeting link of any platform, under the name "zoom" that fingerprints recorded
    // before meeting_url existed were made with: a Zoom season's fingerprint stays what it was.
    const MeetingLink link = season_meeting_link(cat, season);
    return fmt::format("wtool-calendar-v1\nstart={}\nstated-offset={}\nzone={}\nminutes={}\nzoom={}\ncancelled={}\n",
                       date::format("%Y-%m-%dT%H:%M", *start), stated, cat.series.timezone.value,
                       season_duration_minutes(cat, season), link.url != nullptr ? link.url->value.view() : "",
                       season.cancelled.value ? "yes" : "no");
}

std::optional<std::string> calendar_fingerprint(const Catalogue& cat, const Season& season) {
    const auto input = calendar_fingerprint_input(cat, season);
    if (!input) {
        return std::nullopt;
    }
    const digest::Sha256 h = digest::sha256(*input);
    return digest::hex(std::span(h).first(4));
}

std::optional<CalendarRevision> calendar_revision(const Catalogue& cat, const Season& season) {
    auto fingerprint = calendar_fingerprint(cat, season);
    if (!fingerprint) {
        return std::nullopt;
    }
    CalendarRevision r;
    r.sequence = season.calendar_sequence.present ? season.calendar_sequence.value : 0;
    r.fingerprint = std::move(*fingerprint);
    if (!season.calendar_fingerprint.present) {
        r.state = CalendarRevision::State::unrecorded;
    } else if (season.calendar_fingerprint.value == r.fingerprint) {
        r.state = CalendarRevision::State::current;
    } else {
        r.state = CalendarRevision::State::changed;
    }
    return r;
}

Diagnostic calendar_changed_diagnostic(const Season& season, const CalendarRevision& revision, Severity severity) {
    std::string message = fmt::format("season {} changed since its calendar was recorded (date, time, length, Zoom "
                                      "link or cancellation): calendars that have it would keep the old details",
                                      season.number.value);
    std::string hint = fmt::format("set calendar_sequence = {} and calendar_fingerprint = \"{}\" in season {} (if no "
                                   "calendar with the old details was ever sent out, updating calendar_fingerprint "
                                   "alone is enough)",
                                   revision.sequence + 1, revision.fingerprint, season.number.value);
    return Diagnostic{severity, "calendar-changed", std::move(message), std::move(hint),
                      season.calendar_fingerprint.pos};
}

std::string calendar_fingerprint_line(const CalendarRevision& revision) {
    return fmt::format("calendar_fingerprint = \"{}\"", revision.fingerprint);
}

} // namespace wtool

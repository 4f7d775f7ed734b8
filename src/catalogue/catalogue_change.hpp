// What the catalogue editing commands change, worked out against the current text: `wtool season`
// (a season's date, time, length, theme, Zoom link, cancellation; a new season), `wtool episode`
// (a talk's title, recording, sharing, code) and `wtool ics --record` (the calendar revision of the
// invitation being written). Each returns the format-preserving edits (catalogue_edit.hpp), the
// new text, the findings it would add, and notes for the user.
//
// Calendar revisions are kept here: when a change alters what a recorded invitation said (start,
// zone, length, link, cancellation: calendar_revision.hpp), the same change raises
// calendar_sequence and records the new calendar_fingerprint, and says that the update must be
// sent (docs/ics.md).
//
// Pure: catalogue and text in, plan out.
#pragma once

#include "catalogue/calendar_plan.hpp"
#include "catalogue/catalogue.hpp"
#include "catalogue/catalogue_edit.hpp"
#include "support/diagnostics.hpp"
#include "time/timezone.hpp"

#include <expected>
#include <optional>
#include <span>
#include <utility>
#include <string>
#include <vector>

namespace wtool {

struct CatalogueChange {
    std::vector<TextEdit> edits; // of the current text; empty when nothing changes
    std::string new_text;
    Diagnostics diagnostics;        // findings of new_text that the current text does not have
    std::vector<std::string> notes; // what the user should know or do next, one sentence each
    std::string summary;            // "set date and zoom_url of season 10"
    [[nodiscard]] bool has_errors() const { return diagnostics.has_errors(); }
    [[nodiscard]] bool empty() const { return edits.empty(); }
};

// `wtool season N [--date] [--time] [--duration] [--theme] [--zoom|--meeting] [--cancel|--uncancel]`.
struct SeasonUpdate {
    int number = 0;
    std::optional<date::local_days> date{};
    std::optional<TimeOfDay> time{};
    std::optional<int> duration_minutes{};
    std::optional<std::string> theme{};
    std::optional<std::string> zoom_url{};
    std::optional<std::string> meeting_url{}; // replaces zoom_url, as zoom_url replaces meeting_url
    std::optional<bool> cancelled{}; // true: cancel; false: no longer cancelled
};

// `wtool episode CODE [--title] [--recording URL | --no-recording] [--share-recording] [--move-to]`.
struct EpisodeUpdate {
    std::string code{};
    std::optional<std::string> title{};
    std::optional<std::optional<std::string>> recording{}; // a link, or nullopt inside: remove it
    std::optional<bool> share_recording{};
    std::optional<std::string> move_to{}; // a new code, e.g. S10E01
};

// Sets season N's values (a season that is not there is created, appended at the end). Errors:
// cancelling a season that does not exist. `now` is for validation.
std::expected<CatalogueChange, std::string> plan_season_update(const Catalogue& current, const SeasonUpdate& update,
                                                               tz::Instant now);

// Sets an episode's values. Errors: the episode is missing; --move-to a code that is taken or malformed.
std::expected<CatalogueChange, std::string> plan_episode_update(const Catalogue& current, const EpisodeUpdate& update,
                                                                tz::Instant now);

// Records the calendar the plan's events are written with: calendar_fingerprint where it is
// missing or out of date, and calendar_sequence raised by one where the season changed since its
// fingerprint was recorded (so the calendar written next carries the new SEQUENCE).
std::expected<CatalogueChange, std::string> plan_calendar_record(const Catalogue& current, const CalendarPlan& plan,
                                                                 tz::Instant now);

// Sets the `recording` of each (code, link): what `wtool recordings --apply` writes. Only
// `recording = ` lines change.
std::expected<CatalogueChange, std::string>
plan_recordings(const Catalogue& current, std::span<const std::pair<std::string, std::string>> links, tz::Instant now);

// The findings of `new_text` (loaded and checked as `wtool validate` does, under current.path)
// that the current catalogue does not have, ordered by position.
Diagnostics findings_added(const Catalogue& current, std::string_view new_text, tz::Instant now);

} // namespace wtool

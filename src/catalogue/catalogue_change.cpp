#include "catalogue/catalogue_change.hpp"

#include "catalogue/calendar_revision.hpp"
#include "catalogue/catalogue_append.hpp"
#include "catalogue/catalogue_loader.hpp"
#include "catalogue/rules.hpp"
#include "catalogue/schedule.hpp"

#include <algorithm>
#include <map>
#include <fmt/format.h>

namespace wtool {

namespace {

// The catalogue `text` is, loaded without checks (for what a change leads to); nullopt when it
// does not load.
std::optional<Catalogue> load_text(const Catalogue& current, std::string text) {
    Diagnostics ignored;
    auto loaded = parse_catalogue(std::move(text), current.path, ignored);
    return loaded ? std::optional<Catalogue>(std::move(*loaded)) : std::nullopt;
}

// Completes a change: the new text and the findings it adds.
CatalogueChange finish(const Catalogue& current, std::vector<TextEdit> edits, std::string summary, tz::Instant now) {
    CatalogueChange change;
    change.new_text = apply_edits(current.source.view(), edits);
    change.edits = std::move(edits);
    change.summary = std::move(summary);
    if (!change.edits.empty()) {
        change.diagnostics = findings_added(current, change.new_text, now);
    }
    return change;
}

std::vector<KeyChange> season_changes(const Season& season, const SeasonUpdate& u) {
    std::vector<KeyChange> changes;
    if (u.theme) {
        changes.push_back({"theme", toml_value::string(*u.theme)});
    }
    // A date written with its time (date = 2025-05-12T10:00:00+01:00) is split when either
    // changes: the date alone, and the time in `time` (the series' zone gives the offset).
    const bool date_holds_time = season.date.present && season.time.present && season.time.pos == season.date.pos;
    if (u.date || (u.time && date_holds_time)) {
        changes.push_back({"date", toml_value::date(u.date.value_or(season.date.value))});
    }
    if (u.time || (u.date && date_holds_time)) {
        changes.push_back({"time", toml_value::time(u.time.value_or(season.time.value))});
    }
    if (u.duration_minutes) {
        changes.push_back({"duration_minutes", toml_value::integer(*u.duration_minutes)});
    }
    // A season names its link with one key: setting one removes the other.
    if (u.zoom_url) {
        changes.push_back({"zoom_url", toml_value::string(*u.zoom_url)});
        if (season.meeting_url.present) {
            changes.push_back({"meeting_url", std::nullopt});
        }
    }
    if (u.meeting_url) {
        changes.push_back({"meeting_url", toml_value::string(*u.meeting_url)});
        if (season.zoom_url.present) {
            changes.push_back({"zoom_url", std::nullopt});
        }
    }
    if (u.cancelled) {
        // Not cancelled is the default: the key goes rather than reading "cancelled = false".
        changes.push_back({"cancelled", *u.cancelled ? std::optional<std::string>("true") : std::nullopt});
    }
    return changes;
}

std::expected<CatalogueChange, std::string> new_season(const Catalogue& current, const SeasonUpdate& u,
                                                       tz::Instant now) {
    if (u.cancelled.value_or(false)) {
        return std::unexpected(fmt::format("season {} is not in the catalogue: there is nothing to cancel", u.number));
    }
    const Newline newline = detect_newline(current.source.view());
    SeasonDraft draft{.number = u.number,
                      .theme = u.theme,
                      .date = u.date,
                      .time = u.time,
                      .zoom_url = u.zoom_url,
                      .meeting_url = u.meeting_url};
    draft.duration_minutes = u.duration_minutes;
    const std::string table = render_season_table(draft, newline);
    const std::size_t end = current.source.view().size();
    std::vector<TextEdit> edits{TextEdit{end, end, text_to_append(current.source.view(), table, newline)}};
    return finish(current, std::move(edits), fmt::format("add season {}", u.number), now);
}

// When the edited season's recorded invitation no longer matches it: the changes that raise its
// calendar_sequence and record the new fingerprint, with `moved_from` when its start moved, and
// the note that says what to send.
std::optional<std::pair<std::vector<KeyChange>, std::string>> revision_changes(const Catalogue& current,
                                                                               const Catalogue& edited, int number) {
    const Season* before = current.find_season(number);
    const Season* season = edited.find_season(number);
    if (before == nullptr || season == nullptr || !season->calendar_fingerprint.present) {
        return std::nullopt; // no invitation recorded: nothing to keep in step
    }
    const auto revision = calendar_revision(edited, *season);
    if (!revision || revision->state != CalendarRevision::State::changed) {
        return std::nullopt;
    }
    const int sequence = revision->sequence + 1;
    std::vector<KeyChange> changes{{"calendar_sequence", toml_value::integer(sequence)},
                                   {"calendar_fingerprint", toml_value::string(revision->fingerprint)}};
    const auto old_start = season_local_start(current, *before);
    const auto new_start = season_local_start(edited, *season);
    if (old_start && new_start && *old_start != *new_start) {
        // Moved back to where it was first: no longer moved.
        const bool back = season->moved_from.present && season->moved_from.value == *new_start;
        changes.push_back({"moved_from", back ? std::nullopt : std::optional(toml_value::local_date_time(*old_start))});
    }
    const std::string what = season->cancelled.value ? "the cancellation" : "the update";
    std::string note = fmt::format("season {0}'s invitation changed: calendar_sequence is now {1}; send {2} to "
                                   "everyone invited: wtool ics --season {0} > season{0}.ics",
                                   number, sequence, what);
    return std::pair{std::move(changes), std::move(note)};
}

// "set theme, date of season 10", "remove cancelled of season 10", "set date and remove
// moved_from of season 10".
std::string describe(const std::vector<KeyChange>& changes, std::string_view what) {
    std::vector<std::string> set;
    std::vector<std::string> removed;
    for (const KeyChange& c : changes) {
        (c.value ? set : removed).push_back(c.key);
    }
    std::vector<std::string> parts;
    if (!set.empty()) {
        parts.push_back(fmt::format("set {}", fmt::join(set, ", ")));
    }
    if (!removed.empty()) {
        parts.push_back(fmt::format("remove {}", fmt::join(removed, ", ")));
    }
    return fmt::format("{} of {}", fmt::join(parts, " and "), what);
}

} // namespace

std::expected<CatalogueChange, std::string>
plan_recordings(const Catalogue& current, std::span<const std::pair<std::string, std::string>> links, tz::Instant now) {
    std::vector<TextEdit> all;
    std::vector<std::string> codes;
    for (const auto& [code, link] : links) {
        const std::vector<KeyChange> change{{"recording", toml_value::string(link)}};
        auto edits = key_edits(current.source.view(), TableAddress::of_episode(code), change);
        if (!edits) {
            return std::unexpected(edits.error());
        }
        all.insert(all.end(), std::make_move_iterator(edits->begin()), std::make_move_iterator(edits->end()));
        codes.push_back(code);
    }
    return finish(current, std::move(all), fmt::format("set the recording of {}", fmt::join(codes, ", ")), now);
}

Diagnostics findings_added(const Catalogue& current, std::string_view new_text, tz::Instant now) {
    const auto validate = [&](std::string text) {
        Diagnostics diags;
        if (auto parsed = parse_catalogue(std::move(text), current.path, diags)) {
            check_catalogue(*parsed, now, diags);
        }
        return diags;
    };
    // A finding the current text has too (same severity, rule and words) is not new, wherever it
    // is now: an edit moves the lines after it. Each old finding matches one new one.
    const auto key = [](const Diagnostic& d) { return fmt::format("{}\x1f{}\x1f{}", static_cast<int>(d.severity), d.rule, d.message); };
    std::map<std::string, int> known;
    const Diagnostics before = validate(std::string(current.source.view()));
    const Diagnostics after = validate(std::string(new_text));
    for (const Diagnostic& d : before.items()) {
        ++known[key(d)];
    }
    Diagnostics added;
    for (const Diagnostic& d : after.items()) {
        if (int& left = known[key(d)]; left > 0) {
            --left;
        } else {
            added.add(d);
        }
    }
    added.sort_by_position();
    return added;
}

std::expected<CatalogueChange, std::string> plan_season_update(const Catalogue& current, const SeasonUpdate& update,
                                                               tz::Instant now) {
    if (current.find_season(update.number) == nullptr) {
        return new_season(current, update, now);
    }
    const TableAddress address = TableAddress::of_season(update.number);
    std::vector<KeyChange> changes = season_changes(*current.find_season(update.number), update);
    auto edits = key_edits(current.source.view(), address, changes);
    if (!edits) {
        return std::unexpected(edits.error());
    }
    std::vector<std::string> notes;
    if (!edits->empty()) {
        const auto edited = load_text(current, apply_edits(current.source.view(), *edits));
        if (const auto revision = edited ? revision_changes(current, *edited, update.number) : std::nullopt) {
            changes.insert(changes.end(), revision->first.begin(), revision->first.end());
            notes.push_back(revision->second);
            edits = key_edits(current.source.view(), address, changes);
            if (!edits) {
                return std::unexpected(edits.error());
            }
        }
    }
    CatalogueChange change = finish(current, std::move(*edits), describe(changes, address.describe()), now);
    change.notes = std::move(notes);
    return change;
}

std::expected<CatalogueChange, std::string> plan_episode_update(const Catalogue& current, const EpisodeUpdate& update,
                                                                tz::Instant now) {
    const Episode* episode = current.find_episode(update.code);
    if (episode == nullptr) {
        return std::unexpected(fmt::format("episode {} is not in the catalogue", update.code));
    }
    std::vector<KeyChange> changes;
    std::vector<std::string> notes;
    if (update.title) {
        changes.push_back({"title", toml_value::string(*update.title)});
    }
    if (update.recording) {
        changes.push_back({"recording", *update.recording ? std::optional(toml_value::string(**update.recording))
                                                          : std::nullopt});
    }
    if (update.share_recording) {
        // Sharing is the default: "yes" changes a written "false" and adds nothing otherwise.
        if (!*update.share_recording || episode->share_recording.present) {
            changes.push_back({"share_recording", toml_value::boolean(*update.share_recording)});
        }
    }
    if (update.move_to && *update.move_to != update.code) {
        const auto parsed = parse_episode_code(*update.move_to);
        if (!parsed) {
            return std::unexpected(
                fmt::format("--move-to '{}' is not an episode code: write SxxEyy, e.g. S10E01", *update.move_to));
        }
        const std::string code = format_episode_code(parsed->first, parsed->second);
        if (current.find_episode(code) != nullptr) {
            return std::unexpected(fmt::format("{} is taken by another talk; choose a free code", code));
        }
        changes.push_back({"code", toml_value::string(code)});
        notes.push_back(fmt::format(
            "{0} is now {1}: the talks page lists it under its new code (links to the old one break), and it "
            "belongs to season {2}'s calendar and announcements from now on",
            update.code, code, parsed->first));
    }
    auto edits = key_edits(current.source.view(), TableAddress::of_episode(update.code), changes);
    if (!edits) {
        return std::unexpected(edits.error());
    }
    CatalogueChange change = finish(current, std::move(*edits), describe(changes, update.code), now);
    change.notes = std::move(notes);
    return change;
}

std::expected<CatalogueChange, std::string> plan_calendar_record(const Catalogue& current, const CalendarPlan& plan,
                                                                 tz::Instant now) {
    std::vector<TextEdit> all;
    std::vector<std::string> recorded;
    for (const CalendarEvent& e : plan.events) {
        std::vector<KeyChange> changes;
        switch (e.revision.state) {
        case CalendarRevision::State::current: continue;
        case CalendarRevision::State::changed:
            changes.push_back({"calendar_sequence", toml_value::integer(e.revision.sequence + 1)});
            break;
        case CalendarRevision::State::unrecorded: break;
        }
        changes.push_back({"calendar_fingerprint", toml_value::string(e.revision.fingerprint)});
        auto edits = key_edits(current.source.view(), TableAddress::of_season(e.season->number.value), changes);
        if (!edits) {
            return std::unexpected(edits.error());
        }
        all.insert(all.end(), std::make_move_iterator(edits->begin()), std::make_move_iterator(edits->end()));
        recorded.push_back(fmt::format("{}", e.season->number.value));
    }
    return finish(current, std::move(all),
                  fmt::format("record the calendar of season{} {}", recorded.size() == 1 ? "" : "s",
                              fmt::join(recorded, ", ")),
                  now);
}

} // namespace wtool

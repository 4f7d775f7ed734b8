#include "catalogue/calendar_plan.hpp"

#include "catalogue/schedule.hpp"
#include "net/url.hpp"
#include "support/digest.hpp"

#include <fmt/format.h>

namespace wtool {

namespace {

// The seasons a choice names, or why there are none.
struct Selected {
    CalendarKind kind = CalendarKind::event;
    std::vector<const Season*> seasons;
    std::vector<int> skipped_tba;
};

std::expected<Selected, NoCalendar> select(const Catalogue& cat, CalendarChoice choice, tz::Instant now) {
    using Kind = NoCalendar::Kind;
    switch (choice.kind) {
    case CalendarChoice::Kind::next: {
        NextDatedSeason next = next_dated_season(cat, now);
        if (next.season == nullptr) {
            return next.skipped_tba.empty() ? std::unexpected(NoCalendar{Kind::none_coming, 0})
                                            : std::unexpected(NoCalendar{Kind::next_tba, next.skipped_tba.front()});
        }
        return Selected{CalendarKind::event, {next.season}, std::move(next.skipped_tba)};
    }
    case CalendarChoice::Kind::season: {
        const Season* s = cat.find_season(choice.season);
        if (s == nullptr) {
            return std::unexpected(NoCalendar{Kind::unknown_season, choice.season});
        }
        if (!s->date.present) {
            return std::unexpected(NoCalendar{Kind::season_tba, choice.season});
        }
        return Selected{CalendarKind::event, {s}, {}};
    }
    case CalendarChoice::Kind::all: {
        Selected all{CalendarKind::feed, {}, {}};
        for (const Season* s : cat.seasons_by_number()) {
            if (s->number.present && s->date.present) {
                all.seasons.push_back(s);
            }
        }
        if (all.seasons.empty()) {
            return std::unexpected(NoCalendar{Kind::none_dated, 0});
        }
        return all;
    }
    }
    return std::unexpected(NoCalendar{Kind::none_coming, 0});
}

} // namespace

std::vector<const CalendarEvent*> CalendarPlan::changed_events() const {
    std::vector<const CalendarEvent*> out;
    for (const CalendarEvent& e : events) {
        if (e.revision.state == CalendarRevision::State::changed) {
            out.push_back(&e);
        }
    }
    return out;
}

std::expected<CalendarPlan, NoCalendar> plan_calendar(const Catalogue& cat, CalendarChoice choice, tz::Instant now) {
    auto selected = select(cat, choice, now);
    if (!selected) {
        return std::unexpected(selected.error());
    }
    CalendarPlan plan;
    plan.kind = selected->kind;
    plan.skipped_tba = std::move(selected->skipped_tba);
    plan.organiser = calendar_organiser(cat);
    for (const Season* s : selected->seasons) {
        // Every selected season has a date, so it has a revision.
        if (const std::optional<CalendarRevision> revision = calendar_revision(cat, *s)) {
            plan.events.push_back({s, season_uid(cat, s->number.value), *revision});
        }
    }
    return plan;
}

std::string calendar_identity(const Catalogue& cat) {
    if (cat.series.site_url.present) {
        if (const auto u = url::parse(cat.series.site_url.value); u && !u->host.empty()) {
            std::string path = u->path;
            while (!path.empty() && path.back() == '/') {
                path.pop_back();
            }
            return u->host + path;
        }
    }
    return "title:" + cat.series.title.value;
}

std::string season_uid(const Catalogue& cat, int season_number) {
    return digest::uuid_v5(digest::uuid_namespace_url,
                           fmt::format("{}#season-{}", calendar_identity(cat), season_number));
}

} // namespace wtool

#include "catalogue/calendar_plan.hpp"
#include "catalogue/catalogue_loader.hpp"
#include "support/digest.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace wtool;

namespace {

const std::string series = R"([series]
title = "Test Seminars"
timezone = "Europe/Copenhagen"
start_time = 15:00:00
site_url = "https://Seminars.Example.ORG/Series/"

[[series.organiser]]
name = "No Mail"

[[series.organiser]]
name = "Doe, Jane"
email = "jane@example.org"
)";

// 1 past, 2 cancelled and coming, 3 TBA, 4 and 5 dated and coming.
const std::string seasons = R"(
[[season]]
number = 4
date = 2026-03-02

[[season]]
number = 1
date = 2025-03-03
calendar_sequence = 2

[[season]]
number = 2
date = 2026-02-02
cancelled = true

[[season]]
number = 3

[[season]]
number = 5
date = 2026-04-06
)";

Catalogue load(const std::string& text) {
    Diagnostics diags;
    auto cat = parse_catalogue(text, "c.toml", diags);
    REQUIRE(cat);
    REQUIRE_FALSE(diags.has_errors());
    return std::move(*cat);
}

const tz::Instant now = *tz::parse_instant("2026-01-01T00:00:00Z");

std::vector<int> numbers(const CalendarPlan& plan) {
    std::vector<int> out;
    for (const CalendarEvent& e : plan.events) {
        out.push_back(e.season->number.value);
    }
    return out;
}

} // namespace

TEST_CASE("which seasons a calendar is for") {
    const Catalogue cat = load(series + seasons);
    SUBCASE("next: the next dated season, passing over a TBA one") {
        const auto plan = plan_calendar(cat, {CalendarChoice::Kind::next, 0}, now);
        REQUIRE(plan);
        CHECK(plan->kind == CalendarKind::event);
        CHECK(numbers(*plan) == std::vector<int>{4});
        CHECK(plan->skipped_tba == std::vector<int>{3});
        REQUIRE(plan->organiser != nullptr);
        CHECK(plan->organiser->name.value == "Doe, Jane");
    }
    SUBCASE("season N, also a past one") {
        const auto plan = plan_calendar(cat, {CalendarChoice::Kind::season, 1}, now);
        REQUIRE(plan);
        CHECK(plan->kind == CalendarKind::event);
        CHECK(numbers(*plan) == std::vector<int>{1});
        CHECK(plan->skipped_tba.empty());
    }
    SUBCASE("all: every dated season in number order, as a feed") {
        const auto plan = plan_calendar(cat, {CalendarChoice::Kind::all, 0}, now);
        REQUIRE(plan);
        CHECK(plan->kind == CalendarKind::feed);
        CHECK(numbers(*plan) == std::vector<int>{1, 2, 4, 5});
    }
}

TEST_CASE("why there is no calendar") {
    const Catalogue cat = load(series + seasons);
    const auto why = [&](CalendarChoice choice, tz::Instant at) {
        const auto plan = plan_calendar(cat, choice, at);
        REQUIRE_FALSE(plan);
        return plan.error();
    };
    const tz::Instant late = *tz::parse_instant("2027-01-01T00:00:00Z");
    const NoCalendar next_tba = why({CalendarChoice::Kind::next, 0}, late);
    CHECK(next_tba.kind == NoCalendar::Kind::next_tba);
    CHECK(next_tba.season == 3);
    const NoCalendar unknown = why({CalendarChoice::Kind::season, 42}, now);
    CHECK(unknown.kind == NoCalendar::Kind::unknown_season);
    CHECK(unknown.season == 42);
    const NoCalendar tba = why({CalendarChoice::Kind::season, 3}, now);
    CHECK(tba.kind == NoCalendar::Kind::season_tba);
    CHECK(tba.season == 3);

    const Catalogue past = load(series + "[[season]]\nnumber = 1\ndate = 2025-03-03\n");
    const auto none = plan_calendar(past, {CalendarChoice::Kind::next, 0}, now);
    REQUIRE_FALSE(none);
    CHECK(none.error().kind == NoCalendar::Kind::none_coming);
    const Catalogue undated = load(series + "[[season]]\nnumber = 1\n");
    const auto all = plan_calendar(undated, {CalendarChoice::Kind::all, 0}, now);
    REQUIRE_FALSE(all);
    CHECK(all.error().kind == NoCalendar::Kind::none_dated);
}

TEST_CASE("each event's revision and UID, and what stands in the way of publishing") {
    const Catalogue cat = load(series + seasons + "calendar_fingerprint = \"00000000\"\n"); // on season 5
    const auto plan = plan_calendar(cat, {CalendarChoice::Kind::all, 0}, now);
    REQUIRE(plan);
    REQUIRE(plan->events.size() == 4);
    const CalendarEvent& first = plan->events[0];
    CHECK(first.uid == season_uid(cat, 1));
    CHECK(first.revision.sequence == 2);
    CHECK(first.revision.state == CalendarRevision::State::unrecorded);
    CHECK(first.revision.fingerprint == *calendar_fingerprint(cat, *first.season));
    // Season 5 changed since "00000000" was recorded: a fact of the plan, not yet a severity.
    const auto changed = plan->changed_events();
    REQUIRE(changed.size() == 1);
    CHECK(changed[0]->season->number.value == 5);
    CHECK(calendar_changed_diagnostic(*changed[0]->season, changed[0]->revision, Severity::error).severity ==
          Severity::error);

    const Catalogue no_mail = load("[series]\ntitle = \"T\"\ntimezone = \"UTC\"\nstart_time = 15:00:00\n"
                                   "[[series.organiser]]\nname = \"N\"\n[[season]]\nnumber = 1\ndate = 2026-03-02\n");
    const auto unpublishable = plan_calendar(no_mail, {CalendarChoice::Kind::next, 0}, now);
    REQUIRE(unpublishable);
    CHECK(unpublishable->organiser == nullptr);
}

TEST_CASE("UIDs are stable, per season, from the site or the title") {
    const Catalogue cat = load(series + seasons);
    CHECK(calendar_identity(cat) == "seminars.example.org/Series");
    CHECK(season_uid(cat, 1) == digest::uuid_v5(digest::uuid_namespace_url, "seminars.example.org/Series#season-1"));
    CHECK(season_uid(cat, 1) == season_uid(load(series + seasons), 1));
    CHECK(season_uid(cat, 1) != season_uid(cat, 2));
    const Catalogue untitled = load("[series]\ntitle = \"T\"\ntimezone = \"UTC\"\nstart_time = 15:00:00\n");
    CHECK(calendar_identity(untitled) == "title:T");
    CHECK(season_uid(untitled, 9) == digest::uuid_v5(digest::uuid_namespace_url, "title:T#season-9"));
}

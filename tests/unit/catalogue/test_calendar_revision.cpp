#include "catalogue/calendar_revision.hpp"
#include "catalogue/catalogue_loader.hpp"
#include "catalogue/rules.hpp"
#include "support/digest.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace wtool;

namespace {

Catalogue load(std::string_view season_body, Diagnostics& diags) {
    auto cat = parse_catalogue(fmt::format("[series]\ntitle = \"T\"\ntimezone = \"Europe/Copenhagen\"\n"
                                           "start_time = 15:00:00\nduration_minutes = 90\n\n[[season]]\nnumber = 9\n{}",
                                           season_body),
                               "c.toml", diags);
    REQUIRE(cat);
    return std::move(*cat);
}

Catalogue load(std::string_view season_body) {
    Diagnostics diags;
    Catalogue cat = load(season_body, diags);
    REQUIRE_FALSE(diags.has_errors());
    return cat;
}

const std::string zoom = "zoom_url = \"https://x.zoom.us/meeting/register/abc\"\n";

} // namespace

TEST_CASE("the fingerprint covers the series' meeting_url of a season without its own link") {
    const auto fingerprint_with = [](std::string_view series_link) {
        Diagnostics diags;
        auto cat = parse_catalogue(fmt::format("[series]\ntitle = \"T\"\ntimezone = \"Europe/Copenhagen\"\n"
                                               "start_time = 15:00:00\nmeeting_url = \"{}\"\n\n[[season]]\nnumber = 9\n"
                                               "date = 2026-03-02\n",
                                               series_link),
                                   "c.toml", diags);
        REQUIRE(cat);
        return *calendar_fingerprint_input(*cat, cat->seasons[0]);
    };
    CHECK(fingerprint_with("https://meet.google.com/a-b-c").find("\nzoom=https://meet.google.com/a-b-c\n") !=
          std::string::npos);
    CHECK(fingerprint_with("https://meet.google.com/a-b-c") != fingerprint_with("https://meet.jit.si/x"));
}

TEST_CASE("the fingerprint digests what a change of must raise SEQUENCE") {
    const Catalogue cat = load("date = 2026-03-02\n" + zoom);
    const Season& s = cat.seasons[0];
    const auto input = calendar_fingerprint_input(cat, s);
    REQUIRE(input);
    CHECK(*input == "wtool-calendar-v1\nstart=2026-03-02T15:00\nstated-offset=\nzone=Europe/Copenhagen\nminutes=90\n"
                    "zoom=https://x.zoom.us/meeting/register/abc\ncancelled=no\n");
    const auto h = digest::sha256(*input);
    CHECK(calendar_fingerprint(cat, s) == digest::hex(std::span(h).first(4)));
    CHECK(calendar_fingerprint(cat, s)->size() == 8);

    const auto fingerprint_of = [](const std::string& body) {
        const Catalogue c = load(body);
        return *calendar_fingerprint(c, c.seasons[0]);
    };
    const std::string base = fingerprint_of("date = 2026-03-02\n" + zoom);
    CHECK(fingerprint_of("date = 2026-03-09\n" + zoom) != base);
    CHECK(fingerprint_of("date = 2026-03-02\ntime = 16:00:00\n" + zoom) != base);
    CHECK(fingerprint_of("date = 2026-03-02\nduration_minutes = 60\n" + zoom) != base);
    CHECK(fingerprint_of("date = 2026-03-02\nzoom_url = \"https://x.zoom.us/j/1\"\n") != base);
    CHECK(fingerprint_of("date = 2026-03-02\ncancelled = true\n" + zoom) != base);
    // The meeting link, whichever key gives it: the same link as meeting_url is the same calendar,
    // another platform's link is a change.
    CHECK(fingerprint_of("date = 2026-03-02\nmeeting_url = \"https://x.zoom.us/meeting/register/abc\"\n") == base);
    CHECK(fingerprint_of("date = 2026-03-02\nmeeting_url = \"https://meet.google.com/a-b-c\"\n") != base);
    // The theme and the talks are not in it: their changes travel with DTSTAMP alone.
    CHECK(fingerprint_of("date = 2026-03-02\ntheme = \"New\"\n" + zoom) == base);
    // A season without a date is in no calendar.
    const Catalogue tba = load("");
    CHECK_FALSE(calendar_fingerprint(tba, tba.seasons[0]));
    CHECK_FALSE(calendar_revision(tba, tba.seasons[0]));
}

TEST_CASE("revision states") {
    const Catalogue plain = load("date = 2026-03-02\n" + zoom);
    const std::string fp = *calendar_fingerprint(plain, plain.seasons[0]);
    SUBCASE("unrecorded") {
        const auto r = calendar_revision(plain, plain.seasons[0]);
        REQUIRE(r);
        CHECK(r->state == CalendarRevision::State::unrecorded);
        CHECK(r->sequence == 0);
        CHECK(calendar_fingerprint_line(*r) == fmt::format("calendar_fingerprint = \"{}\"", fp));
    }
    SUBCASE("current") {
        const Catalogue c =
            load(fmt::format("date = 2026-03-02\n{}calendar_sequence = 2\ncalendar_fingerprint = \"{}\"\n", zoom, fp));
        const auto r = calendar_revision(c, c.seasons[0]);
        CHECK(r->state == CalendarRevision::State::current);
        CHECK(r->sequence == 2);
    }
    SUBCASE("changed: the date moved, the hint gives the exact new values") {
        Diagnostics diags;
        const Catalogue c =
            load(fmt::format("date = 2026-03-09\n{}calendar_sequence = 2\ncalendar_fingerprint = \"{}\"\n", zoom, fp),
                 diags);
        const auto r = calendar_revision(c, c.seasons[0]);
        CHECK(r->state == CalendarRevision::State::changed);
        const std::string now_fp = *calendar_fingerprint(c, c.seasons[0]);
        CHECK(now_fp != fp);
        check_catalogue(c, *tz::parse_instant("2026-02-01T00:00:00Z"), diags);
        const auto it = std::find_if(diags.items().begin(), diags.items().end(),
                                     [](const Diagnostic& d) { return d.rule == "calendar-changed"; });
        REQUIRE(it != diags.items().end());
        CHECK(it->severity == Severity::warning);
        CHECK(it->pos == SourcePos{12, 24});
        CHECK(it->message == "season 9 changed since its calendar was recorded (date, time, length, Zoom link or "
                             "cancellation): calendars that have it would keep the old details");
        CHECK(it->hint == fmt::format("set calendar_sequence = 3 and calendar_fingerprint = \"{}\" in season 9 (if no "
                                      "calendar with the old details was ever sent out, updating calendar_fingerprint "
                                      "alone is enough)",
                                      now_fp));
    }
}

TEST_CASE("calendar keys are read and checked") {
    Diagnostics diags;
    const Catalogue c = load("date = 2026-03-02\ncalendar_sequence = -1\ncalendar_fingerprint = 12\n", diags);
    std::vector<std::string> rules;
    for (const Diagnostic& d : diags.items()) {
        rules.push_back(d.rule);
    }
    CHECK(rules == std::vector<std::string>{"out-of-range", "wrong-type"});
    CHECK_FALSE(c.seasons[0].calendar_sequence.present);
}

#include "catalogue/calendar_revision.hpp"
#include "catalogue/catalogue_change.hpp"
#include "catalogue/catalogue_loader.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace wtool;

namespace {

const std::string header = "[series]\n"
                           "title = \"T\"\n"
                           "timezone = \"Europe/Copenhagen\"\n"
                           "start_time = 15:00:00\n"
                           "\n"
                           "[[series.organiser]]\n"
                           "name = \"O\"\n"
                           "email = \"o@example.org\"\n"
                           "\n";

Catalogue load(const std::string& text) {
    Diagnostics diags;
    auto cat = parse_catalogue(std::string(text), "c.toml", diags);
    REQUIRE(cat);
    return std::move(*cat);
}

const tz::Instant now = *tz::parse_instant("2026-02-01T12:00:00Z");

date::local_days day(int y, unsigned m, unsigned d) {
    return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

// The catalogue with season 1 recorded as its calendar says now.
std::string recorded(const std::string& season_lines) {
    const std::string text = header + "[[season]]\nnumber = 1\n" + season_lines;
    const Catalogue cat = load(text);
    const auto revision = calendar_revision(cat, cat.seasons.front());
    REQUIRE(revision);
    return text + "calendar_fingerprint = \"" + revision->fingerprint + "\"\n";
}

} // namespace

TEST_CASE("a season's values, and its calendar revision kept in step") {
    SUBCASE("no invitation recorded: only the values change") {
        const Catalogue cat = load(header + "[[season]]\nnumber = 1\ndate = 2026-03-02\n");
        auto change = plan_season_update(cat, {.number = 1, .time = std::chrono::hours{16}}, now);
        REQUIRE(change);
        CHECK(change->new_text.ends_with("date = 2026-03-02\ntime = 16:00:00\n"));
        CHECK(change->notes.empty());
        CHECK(change->summary == "set time of season 1");
        CHECK(!change->has_errors());
    }
    SUBCASE("a recorded invitation whose start moves: sequence raised, fingerprint recorded, moved_from") {
        const Catalogue cat = load(recorded("date = 2026-03-02\n"));
        auto change = plan_season_update(cat, {.number = 1, .date = day(2026, 3, 9)}, now);
        REQUIRE(change);
        const Catalogue after = load(change->new_text);
        const Season& s = after.seasons.front();
        CHECK(s.calendar_sequence.value == 1);
        CHECK(calendar_revision(after, s)->state == CalendarRevision::State::current);
        CHECK(s.moved_from.present);
        CHECK(s.moved_from.value == day(2026, 3, 2) + std::chrono::hours{15});
        REQUIRE(change->notes.size() == 1);
        CHECK(change->notes.front().find("calendar_sequence is now 1; send the update") != std::string::npos);

        // Moved back to where the invitation first had it: no longer "moved", sequence 2.
        auto back = plan_season_update(after, {.number = 1, .date = day(2026, 3, 2)}, now);
        REQUIRE(back);
        const Catalogue again = load(back->new_text);
        CHECK(!again.seasons.front().moved_from.present);
        CHECK(again.seasons.front().calendar_sequence.value == 2);
    }
    SUBCASE("a change a calendar does not show (the theme) raises nothing") {
        const Catalogue cat = load(recorded("date = 2026-03-02\n"));
        auto change = plan_season_update(cat, {.number = 1, .theme = std::string("New")}, now);
        REQUIRE(change);
        CHECK(change->notes.empty());
        CHECK(change->new_text.find("calendar_sequence") == std::string::npos);
    }
    SUBCASE("cancelling a recorded season: the cancellation is to be sent") {
        const Catalogue cat = load(recorded("date = 2026-03-02\n"));
        auto change = plan_season_update(cat, {.number = 1, .cancelled = true}, now);
        REQUIRE(change);
        CHECK(load(change->new_text).seasons.front().cancelled.value);
        CHECK(!load(change->new_text).seasons.front().moved_from.present);
        REQUIRE(change->notes.size() == 1);
        CHECK(change->notes.front().find("send the cancellation") != std::string::npos);
    }
    SUBCASE("a date written with its time is split when either changes") {
        const Catalogue cat = load(header + "[[season]]\nnumber = 1\ndate = 2026-03-02T10:00:00+01:00\n");
        auto change = plan_season_update(cat, {.number = 1, .date = day(2026, 3, 9)}, now);
        REQUIRE(change);
        CHECK(change->new_text.ends_with("date = 2026-03-09\ntime = 10:00:00\n"));
        CHECK(!change->has_errors());
    }
    SUBCASE("a new season is appended; one that is not there cannot be cancelled") {
        const Catalogue cat = load(header + "[[season]]\nnumber = 1\n");
        auto change = plan_season_update(cat, {.number = 2, .date = day(2026, 4, 6), .duration_minutes = 90}, now);
        REQUIRE(change);
        CHECK(change->new_text.ends_with("[[season]]\nnumber = 2\ndate = 2026-04-06\nduration_minutes = 90\n"));
        CHECK(change->summary == "add season 2");
        auto cancel = plan_season_update(cat, {.number = 2, .cancelled = true}, now);
        REQUIRE(!cancel);
        CHECK(cancel.error() == "season 2 is not in the catalogue: there is nothing to cancel");
    }
    SUBCASE("a change that would be invalid says so") {
        const Catalogue cat = load(header + "[[season]]\nnumber = 1\ndate = 2026-03-02\n");
        auto change = plan_season_update(cat, {.number = 1, .zoom_url = std::string("https://example.org/x")}, now);
        REQUIRE(change);
        CHECK(change->has_errors());
    }
}

TEST_CASE("an episode's values") {
    const std::string text = header + "[[season]]\nnumber = 1\n\n[[episode]]\ncode = \"S01E01\"\ntitle = \"A\"\n"
                                      "\n[[episode.speaker]]\nname = \"N\"\n\n[[episode]]\ncode = \"S01E02\"\n"
                                      "title = \"B\"\n\n[[episode.speaker]]\nname = \"M\"\n";
    const Catalogue cat = load(text);
    SUBCASE("recording set and removed") {
        auto set = plan_episode_update(
            cat, {.code = "S01E01", .recording = std::optional<std::string>("https://www.youtube.com/watch?v=abc")}, now);
        REQUIRE(set);
        CHECK(set->new_text.find("title = \"A\"\nrecording = \"https://www.youtube.com/watch?v=abc\"\n\n") !=
              std::string::npos);
        auto removed = plan_episode_update(load(set->new_text),
                                           {.code = "S01E01", .recording = std::optional<std::string>()}, now);
        REQUIRE(removed);
        CHECK(removed->new_text == text);
        CHECK(removed->summary == "remove recording of S01E01");
    }
    SUBCASE("sharing: yes is the default and adds nothing") {
        auto yes = plan_episode_update(cat, {.code = "S01E01", .share_recording = true}, now);
        REQUIRE(yes);
        CHECK(yes->empty());
        auto no = plan_episode_update(cat, {.code = "S01E01", .share_recording = false}, now);
        REQUIRE(no);
        CHECK(no->new_text.find("share_recording = false") != std::string::npos);
    }
    SUBCASE("moving to another code") {
        auto moved = plan_episode_update(cat, {.code = "S01E02", .move_to = std::string("S02E01")}, now);
        REQUIRE(moved);
        CHECK(moved->new_text.find("code = \"S02E01\"") != std::string::npos);
        CHECK(moved->notes.size() == 1);
        auto taken = plan_episode_update(cat, {.code = "S01E02", .move_to = std::string("S01E01")}, now);
        REQUIRE(!taken);
        CHECK(taken.error() == "S01E01 is taken by another talk; choose a free code");
        CHECK(!plan_episode_update(cat, {.code = "S01E02", .move_to = std::string("E1")}, now));
        CHECK(!plan_episode_update(cat, {.code = "S09E09", .title = std::string("x")}, now));
    }
}

TEST_CASE("recording a calendar") {
    const Catalogue cat = load(recorded("date = 2026-03-02\n") + "\n[[season]]\nnumber = 2\ndate = 2026-04-06\n");
    auto planned = plan_calendar(cat, {CalendarChoice::Kind::all, 0}, now);
    REQUIRE(planned);
    auto change = plan_calendar_record(cat, *planned, now);
    REQUIRE(change);
    const Catalogue after = load(change->new_text);
    CHECK(calendar_revision(after, after.seasons[1])->state == CalendarRevision::State::current);
    CHECK(!after.seasons[0].calendar_sequence.present); // season 1 was current: untouched
    CHECK(change->summary == "record the calendar of season 2");

    // A season changed by hand since it was recorded: recording raises its sequence.
    std::string text = change->new_text;
    text.replace(text.find("2026-03-02"), 10, "2026-03-03");
    const Catalogue changed = load(text);
    auto replanned = plan_calendar(changed, {CalendarChoice::Kind::season, 1}, now);
    REQUIRE(replanned);
    auto bump = plan_calendar_record(changed, *replanned, now);
    REQUIRE(bump);
    const Catalogue bumped = load(bump->new_text);
    CHECK(bumped.seasons[0].calendar_sequence.value == 1);
    CHECK(calendar_revision(bumped, bumped.seasons[0])->state == CalendarRevision::State::current);
}

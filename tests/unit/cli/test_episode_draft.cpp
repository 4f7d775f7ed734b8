#include "cli/episode_draft.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace wtool;

namespace {

std::vector<std::string> errors_of(const EpisodeDraftOptions& opts, bool asking = false, std::istream* in = nullptr) {
    auto draft = draft_from_options(opts, asking, in);
    REQUIRE_FALSE(draft);
    return draft.error();
}

} // namespace

TEST_CASE("episode draft: the options' values") {
    EpisodeDraftOptions opts;
    opts.season = 3;
    opts.title = "Metrics";
    opts.video = "https://youtu.be/x";
    opts.speaker_args = {{SpeakerField::speaker, "Ada"}, {SpeakerField::country, "UK"}, {SpeakerField::speaker, "Bo"}};
    const auto draft = draft_from_options(opts, false, nullptr);
    REQUIRE(draft);
    CHECK(draft->episode.season == 3);
    CHECK(draft->episode.number == 0);
    CHECK(draft->episode.title == "Metrics");
    CHECK(draft->episode.recording == std::optional<std::string>("https://youtu.be/x"));
    CHECK(draft->episode.share_recording);
    REQUIRE(draft->episode.speakers.size() == 2);
    CHECK(draft->episode.speakers[0].country == std::optional<std::string>("UK"));
    CHECK(draft->episode.speakers[1].name == "Bo");
    CHECK_FALSE(draft->new_season);
}

TEST_CASE("episode draft: files and standard input") {
    const test::TempDir dir;
    const auto abstract = dir.path / "abstract.txt";
    std::ofstream(abstract) << "\r\n  An abstract.\r\nSecond line.\r\n\r\n";
    std::istringstream in("\xEF\xBB\xBF"
                          "A joint bio.\n\n");
    EpisodeDraftOptions opts;
    opts.abstract_file = abstract.string();
    opts.joint_bio_file = "-";
    const auto draft = draft_from_options(opts, false, &in);
    REQUIRE_MESSAGE(draft, (draft ? std::string() : draft.error().front()));
    CHECK(draft->episode.abstract == std::optional<std::string>("An abstract.\nSecond line."));
    CHECK(draft->episode.joint_bio == std::optional<std::string>("A joint bio."));

    SUBCASE("no standard input") {
        CHECK(errors_of(opts) == std::vector<std::string>{"--joint-bio-file -: there is no standard input to read"});
    }
    SUBCASE("standard input named twice, or while it answers questions") {
        opts.abstract_file = "-";
        opts.speaker_args = {{SpeakerField::speaker, "Ada"}, {SpeakerField::bio_file, "-"}};
        CHECK(errors_of(opts, false, &in) ==
              std::vector<std::string>{"standard input can be read only once, but --abstract-file, "
                                       "--joint-bio-file and --bio-file all name '-'; give file names"});
        opts.abstract_file.reset();
        opts.speaker_args.clear();
        CHECK(errors_of(opts, true, &in) ==
              std::vector<std::string>{
                  "--joint-bio-file -: standard input answers the questions on a terminal; give a file name"});
    }
    SUBCASE("unreadable, empty and non-UTF-8 files") {
        std::ofstream(dir.path / "empty.txt") << " \n";
        std::ofstream(dir.path / "latin1.txt") << "caf\xE9";
        opts.abstract_file = (dir.path / "empty.txt").string();
        opts.joint_bio_file = (dir.path / "latin1.txt").string();
        opts.speaker_args = {{SpeakerField::speaker, "Ada"}, {SpeakerField::bio_file, (dir.path / "no").string()}};
        const auto errors = errors_of(opts);
        REQUIRE(errors.size() == 3);
        CHECK(errors[0] ==
              "--abstract-file: '" + (dir.path / "empty.txt").string() + "' is empty; leave the option out");
        CHECK(errors[1].starts_with("--joint-bio-file: '" + (dir.path / "latin1.txt").string() +
                                    "' is not UTF-8 text; convert it"));
        CHECK(errors[2].starts_with("--bio-file: cannot read '" + (dir.path / "no").string() + "': "));
    }
}

TEST_CASE("episode draft: every problem, in the options' order") {
    EpisodeDraftOptions opts;
    opts.title = "";
    opts.video = "--no-recording";
    opts.no_recording = true;
    opts.season = 4;
    opts.season_date = "2026-02-30";
    opts.season_time = "15:00";
    opts.speaker_args = {{SpeakerField::country, "UK"}};
    const auto errors = errors_of(opts);
    REQUIRE(errors.size() == 5);
    CHECK(errors[0] == "--title is empty; leave it out or give it a value");
    CHECK(errors[1] == "--video '--no-recording' looks like an option: give --video its value");
    CHECK(errors[2].starts_with("--video and --no-recording contradict each other"));
    CHECK(errors[3].starts_with("--country"));
    CHECK(errors[4] == "--season-date: '2026-02-30' is not a day of the calendar");
}

TEST_CASE("episode draft: a new season's fields") {
    EpisodeDraftOptions opts;
    opts.season = 4;
    opts.season_theme = "Robots";
    opts.season_time = "15:30";
    const auto draft = draft_from_options(opts, false, nullptr);
    REQUIRE(draft);
    REQUIRE(draft->new_season);
    CHECK(draft->new_season->number == 4);
    CHECK(draft->new_season->theme == std::optional<std::string>("Robots"));
    CHECK_FALSE(draft->new_season->date);
    CHECK(draft->new_season->time);
    opts = {};
    opts.new_season = true;
    CHECK(draft_from_options(opts, false, nullptr)->new_season);
}

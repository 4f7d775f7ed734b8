#include "catalogue/catalogue_loader.hpp"
#include "cli/episode_interview.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace wtool;

namespace {

constexpr std::string_view catalogue = R"([series]
title = "T"
timezone = "Europe/Copenhagen"
start_time = 15:00:00

[[season]]
number = 1
theme = "One"
date = 2026-03-02
zoom_url = "https://x.zoom.us/meeting/register/abc"

[[episode]]
code = "S01E01"
title = "First"

[[episode.speaker]]
name = "Ada"
)";

struct Run {
    std::optional<Addition> result;
    std::string shown; // everything the prompter wrote
};

Run interview(const std::string& answers, const Addition& draft = {}, std::string_view text = catalogue) {
    Diagnostics diags;
    auto cat = parse_catalogue(std::string(text), "c.toml", diags);
    REQUIRE(cat);
    std::istringstream in(answers);
    std::ostringstream out;
    Prompter p(in, out);
    Run r;
    r.result = ask_for_addition(p, *cat, *tz::parse_instant("2026-02-01T12:00:00Z"), draft);
    r.shown = out.str();
    return r;
}

} // namespace

TEST_CASE("asking for an episode") {
    SUBCASE("an existing season: defaults, required fields, a bad link asked again") {
        const Run r = interview("\n"                      // season: the coming one, 1
                                "\n"                      // number: next free, 2
                                "My talk\n"               // title
                                "Grace\n"                 // speaker
                                "Dr.\n"                   // honorific
                                "\n"                      // affiliation: required
                                "Navy\n"                  //
                                "USA\n"                   // country
                                "not a link\n"            // homepage: asked again
                                "https://grace.example\n" //
                                "Line 1\nLine 2\n\n"      // bio
                                "\n"                      // no second speaker
                                "Abstract text\n\n"       // abstract
                                "\n"                      // no recording
                                "n\n");                   // may not be shared
        REQUIRE(r.result);
        const EpisodeDraft& e = r.result->episode;
        CHECK_FALSE(r.result->new_season);
        CHECK(e.season == 1);
        CHECK(e.number == 2);
        CHECK(e.title == "My talk");
        REQUIRE(e.speakers.size() == 1);
        CHECK(e.speakers[0].name == "Grace");
        CHECK(e.speakers[0].honorific == "Dr.");
        CHECK(e.speakers[0].affiliation == "Navy");
        CHECK(e.speakers[0].country == "USA");
        CHECK(e.speakers[0].homepage == "https://grace.example");
        CHECK(e.speakers[0].bio == "Line 1\nLine 2");
        CHECK(e.abstract == "Abstract text");
        CHECK_FALSE(e.joint_bio);
        CHECK_FALSE(e.recording);
        CHECK_FALSE(e.share_recording);
        CHECK(r.shown.find("Season [1]: ") == 0);
        CHECK(r.shown.find("  season 1: 'One', 2026-03-02\n") != std::string::npos);
        CHECK(r.shown.find("Episode number in season 1 [2]: ") != std::string::npos);
        CHECK(r.shown.find("  this field is required\n") != std::string::npos);
        CHECK(r.shown.find("  'not a link' is not a web link") != std::string::npos);
    }
    SUBCASE("a new season, two speakers and a joint bio") {
        const Run r = interview("2\n"                         // season 2 does not exist
                                "2026-13-01\n"                // not a date: asked again
                                "2026-06-01\n"                //
                                "14:00\n"                     // start time
                                "Second day\n"                // theme
                                "-\n"                         // no Zoom link yet
                                "\n"                          // number 1
                                "Joint talk\n"                //
                                "Alan\n\nCambridge\nUK\n\n\n" // speaker 1, no honorific/homepage/bio
                                "Grace\n\nNavy\nUSA\n\n\n"    // speaker 2
                                "\n"                          // no third speaker
                                "\n"                          // no abstract
                                "They met in 1950.\n\n"       // joint bio
                                "https://www.youtube.com/watch?v=abcdefghijk\n");
        REQUIRE(r.result);
        REQUIRE(r.result->new_season);
        const SeasonDraft& s = *r.result->new_season;
        CHECK(s.number == 2);
        CHECK(s.date == date::local_days{date::year{2026} / 6 / 1});
        CHECK(s.time == std::chrono::minutes{14 * 60});
        CHECK(s.theme == "Second day");
        CHECK_FALSE(s.zoom_url);
        const EpisodeDraft& e = r.result->episode;
        CHECK(e.season == 2);
        CHECK(e.number == 1);
        REQUIRE(e.speakers.size() == 2);
        CHECK(e.speakers[1].name == "Grace");
        CHECK_FALSE(e.speakers[0].honorific);
        CHECK(e.joint_bio == "They met in 1950.");
        CHECK(e.recording == "https://www.youtube.com/watch?v=abcdefghijk");
        CHECK(e.share_recording);
        CHECK(r.shown.find("  season 2 does not exist yet: it will be created\n") != std::string::npos);
        CHECK(r.shown.find("  '2026-13-01' is not a day of the calendar\n") != std::string::npos);
        CHECK(r.shown.find("Start time, HH:MM (empty: the series' 15:00): ") != std::string::npos);
    }
    SUBCASE("a new season in a catalogue with meeting links is asked for one of any platform") {
        const std::string meet = std::string(catalogue).replace(
            std::string(catalogue).find("\n\n"), 2, "\nmeeting_url = \"https://meet.google.com/a-b-c\"\n\n");
        const Run r = interview("2\n2026-06-01\n\n\n"               // season 2: date, start time, theme
                                "https://meet.jit.si/Second\n"      // its link
                                "\n"                                // number 1
                                "Talk\nAlan\n\nCambridge\nUK\n\n\n" // title, speaker
                                "\n\n\ny\n",                        // no more speakers, abstract, recording; shared
                                {}, meet);
        INFO(r.shown);
        REQUIRE(r.result);
        REQUIRE(r.result->new_season);
        CHECK(r.result->new_season->meeting_url == "https://meet.jit.si/Second");
        CHECK_FALSE(r.result->new_season->zoom_url);
        CHECK(r.shown.find("Meeting link (empty: the series' meeting_url): ") != std::string::npos);
        CHECK(r.shown.find("Zoom") == std::string::npos);
    }
    SUBCASE("values given on the command line are the defaults") {
        Addition draft;
        draft.episode.season = 1;
        draft.episode.number = 7;
        draft.episode.title = "Given title";
        draft.episode.speakers.push_back({.name = "Ada", .affiliation = "A", .country = "C"});
        draft.episode.abstract = "Given abstract";
        const Run r = interview("\n\n\n"   // season, number, title
                                "\n\n\n\n" // name, honorific, affiliation, country
                                "\n\n"     // homepage, bio
                                "\n"       // no second speaker
                                "\n"       // abstract kept
                                "\n\n",    // no recording, shared
                                draft);
        REQUIRE(r.result);
        CHECK(r.result->episode.number == 7);
        CHECK(r.result->episode.title == "Given title");
        CHECK(r.result->episode.speakers[0].affiliation == "A");
        CHECK(r.result->episode.abstract == "Given abstract");
        CHECK(r.shown.find("Title [Given title]: ") != std::string::npos);
    }
    SUBCASE("end of input at a question gives up") {
        CHECK_FALSE(interview("1\n\n").result);
        CHECK_FALSE(interview("").result);
    }
}

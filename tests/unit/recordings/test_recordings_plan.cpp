#include "catalogue/catalogue_loader.hpp"
#include "recordings/recordings_plan.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace wtool;
using namespace wtool::recordings;

namespace {

Catalogue load(const std::string& episodes) {
    Diagnostics diags;
    auto cat = parse_catalogue("[series]\ntitle = \"T\"\ntimezone = \"Europe/Copenhagen\"\nstart_time = 15:00:00\n"
                               "[[season]]\nnumber = 1\ndate = 2026-01-05\n[[season]]\nnumber = 2\ndate = 2026-02-02\n" +
                                   episodes,
                               "c.toml", diags);
    REQUIRE(cat);
    return std::move(*cat);
}

std::string episode(const char* code, const char* title, const char* speaker, const char* extra = "") {
    return fmt::format("[[episode]]\ncode = \"{}\"\ntitle = \"{}\"\n{}[[episode.speaker]]\nname = \"{}\"\n", code,
                       title, extra, speaker);
}

FeedVideo video(const char* id, const char* title) {
    return FeedVideo{id, title, std::string("https://www.youtube.com/watch?v=") + id, "", ""};
}

const ProposalRow& row(const Proposal& p, std::string_view code) {
    for (const ProposalRow& r : p.rows) {
        if (r.code == code) {
            return r;
        }
    }
    FAIL("no row for " << code);
    return p.rows.front();
}

} // namespace

TEST_CASE("the proposal for a season, and the rules that keep it safe") {
    const Catalogue cat = load(
        episode("S01E01", "Old talk", "Old Speaker", "recording = \"https://www.youtube.com/watch?v=AAAAAAAAAAA\"\n") +
        episode("S02E01", "Label noise in the wild", "Ada Lovelace") +
        episode("S02E02", "Federated learning for hospitals", "Alan Turing",
                "recording = \"https://www.youtube.com/watch?v=CCCCCCCCCCC\"\n") +
        episode("S02E03", "Private data, public models", "Grace Hopper", "share_recording = false\n") +
        episode("S02E04", "Benchmarks that age", "Edsger Dijkstra",
                "recording = \"https://www.youtube.com/watch?v=EEEEEEEEEEE\"\n"));
    Feed feed;
    feed.videos = {video("AAAAAAAAAAA", "S02E01 Label noise in the wild"), // season 1's recording
                   video("BBBBBBBBBBB", "Label noise in the wild - Ada Lovelace"),
                   video("DDDDDDDDDDD", "Federated learning for hospitals | Alan Turing"),
                   video("FFFFFFFFFFF", "Private data, public models (Grace Hopper)"),
                   video("EEEEEEEEEEE", "Benchmarks that age - Dijkstra"),
                   video("GGGGGGGGGGG", "Season 3 trailer")};
    const Proposal p = propose(cat, 2, feed);
    REQUIRE(p.rows.size() == 4);
    CHECK(row(p, "S02E01").action == ProposalRow::Action::set); // not the video that is S01E01's
    CHECK(row(p, "S02E01").video->video_id == "BBBBBBBBBBB");
    CHECK(row(p, "S02E02").action == ProposalRow::Action::differs); // never overwritten
    CHECK(row(p, "S02E02").existing == "https://www.youtube.com/watch?v=CCCCCCCCCCC");
    CHECK(row(p, "S02E03").action == ProposalRow::Action::not_shared);
    CHECK(!row(p, "S02E03").video);
    CHECK(row(p, "S02E04").action == ProposalRow::Action::already);
    REQUIRE(p.elsewhere.size() == 1);
    CHECK(p.elsewhere[0].second == "S01E01");
    std::vector<std::string> unplaced;
    for (const FeedVideo& v : p.unplaced) {
        unplaced.push_back(v.video_id);
    }
    CHECK(unplaced == std::vector<std::string>{"FFFFFFFFFFF", "GGGGGGGGGGG"}); // the unshared talk's video stays unplaced
    CHECK(p.to_apply() ==
          std::vector<std::pair<std::string, std::string>>{{"S02E01", "https://www.youtube.com/watch?v=BBBBBBBBBBB"}});
}

TEST_CASE("the season recordings work on, and the playlist's feed") {
    const Catalogue cat = load("");
    CHECK(last_held_season(cat, *tz::parse_instant("2026-03-01T00:00:00Z")) == 2);
    CHECK(last_held_season(cat, *tz::parse_instant("2026-01-10T00:00:00Z")) == 1);
    CHECK(!last_held_season(cat, *tz::parse_instant("2025-12-01T00:00:00Z")));
    CHECK(playlist_feed_url("https://www.youtube.com/playlist?list=PLWCikipQZ8HILJaadZnNVyC9cLpg7A2dy") ==
          "https://www.youtube.com/feeds/videos.xml?playlist_id=PLWCikipQZ8HILJaadZnNVyC9cLpg7A2dy");
    CHECK(!playlist_feed_url("https://www.youtube.com/watch?v=AUYmTQrZsRA"));
    CHECK(!playlist_feed_url("https://example.org/playlist?list=X"));
}

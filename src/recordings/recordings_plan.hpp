// What `wtool recordings` proposes for a season: for each of its talks, the playlist video that
// is its recording (recording_match.hpp) and what to do with it, and the videos it cannot place.
// The rules that keep it safe are here: a video that is already some episode's recording is never
// assigned again; an existing recording is never overwritten (a different match is reported); no
// video goes to two talks; talks whose speakers did not agree to share (share_recording = false)
// are left alone; only certain and high-confidence matches are set.
//
// Pure: catalogue and feed in, proposal out.
#pragma once

#include "catalogue/catalogue.hpp"
#include "recordings/recording_match.hpp"
#include "recordings/youtube_feed.hpp"
#include "time/timezone.hpp"

#include <expected>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wtool::recordings {

struct ProposalRow {
    enum class Action {
        set,         // confident: --apply sets it
        unsure,      // a possible match only: shown, not set
        already,     // the talk already has this video
        differs,     // the talk has another recording: reported, never overwritten
        not_shared,  // share_recording = false: left alone
        none,        // no video found
    };
    Action action = Action::none;
    std::string code;
    std::string title;               // the talk's
    std::optional<FeedVideo> video;  // the matched video (set, unsure, already, differs)
    std::optional<Confidence> confidence;
    std::string reason;              // why it matched
    std::string existing;            // the talk's recording now (differs, already)
};

std::string_view action_name(ProposalRow::Action a); // "set", "unsure", "already", "differs", "not shared", "none"

struct Proposal {
    int season = 0;
    std::vector<ProposalRow> rows;                             // one per talk of the season, in code order
    std::vector<FeedVideo> unplaced;                           // videos matched to no talk of the season
    std::vector<std::pair<FeedVideo, std::string>> elsewhere;  // videos that are another episode's recording
    // The (code, link) pairs --apply writes.
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> to_apply() const;
};

Proposal propose(const Catalogue& cat, int season, const Feed& feed);

// The season `recordings` works on by default: the last one that took place (started at `now`,
// not cancelled); nullopt when none has.
std::optional<int> last_held_season(const Catalogue& cat, tz::Instant now);

// The feed of a playlist link (https://www.youtube.com/playlist?list=ID, or a video link in a
// list): https://www.youtube.com/feeds/videos.xml?playlist_id=ID. An error when it names no playlist.
std::expected<std::string, std::string> playlist_feed_url(std::string_view playlist_url);

} // namespace wtool::recordings

// What the options of `wtool add-episode` say about the talk to add, as an Addition draft: the
// one-line values checked, the files they name read (standard input for "-"), the speakers
// grouped and a new season's fields parsed. The command completes the draft from the catalogue,
// or by asking on a terminal.
#pragma once

#include "catalogue/catalogue_append.hpp"
#include "cli/speaker_options.hpp"

#include <expected>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace wtool {

// The options that describe the talk (and a new season).
struct EpisodeDraftOptions {
    std::optional<int> season;
    std::optional<int> number;
    std::optional<std::string> title;
    std::vector<SpeakerArg> speaker_args; // --speaker and its options, in command-line order
    std::optional<std::string> abstract_file;
    std::optional<std::string> joint_bio_file;
    std::optional<std::string> video;
    bool no_recording = false;
    // A new season: any of these (or new_season) creates it when it does not exist.
    std::optional<std::string> season_date;
    std::optional<std::string> season_time;
    std::optional<std::string> season_theme;
    std::optional<std::string> zoom;
    std::optional<std::string> meeting; // any platform's link (meeting_url)
    bool new_season = false;
};

// The draft the options describe. Season fields go into `new_season` (with the season's number)
// when any is given; whether the season exists is decided later. A file named "-" is read from
// `in` (null: there is no standard input), once at most, and not when `asking` (standard input
// answers the questions then). Every problem is reported, each as one message naming its option.
std::expected<Addition, std::vector<std::string>> draft_from_options(const EpisodeDraftOptions& opts, bool asking,
                                                                     std::istream* in);

} // namespace wtool

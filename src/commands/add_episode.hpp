// `wtool add-episode`: appends one talk (and, when needed, its new season) to the catalogue as
// text, without changing a byte of what is there; asks for the fields on a terminal.
#pragma once

#include "cli/context.hpp"
#include "cli/speaker_options.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace wtool {

struct AddEpisodeOptions {
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
    bool new_season = false;
    bool dry_run = false;
    int wait_seconds = 30; // how long to wait for another run's lock
};

CLI::App* setup_add_episode(CLI::App& app, AddEpisodeOptions& opts);

// Exit 0 when the episode was added (or, with --dry-run, would be valid); 1 when the result
// would have errors, the file changed on disk or stayed locked, or the user declined; 2 for bad
// usage, missing fields without a terminal, and an unreadable or invalid catalogue.
ExitCode run_add_episode(Context& ctx, const AddEpisodeOptions& opts);

} // namespace wtool

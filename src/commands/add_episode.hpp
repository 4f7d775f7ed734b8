// `wtool add-episode`: appends one talk (and, when needed, its new season) to the catalogue as
// text, without changing a byte of what is there; asks for the fields on a terminal.
#pragma once

#include "cli/context.hpp"
#include "cli/episode_draft.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace wtool {

// The talk's options (cli/episode_draft.hpp) and how the command runs.
struct AddEpisodeOptions : EpisodeDraftOptions {
    bool dry_run = false;
    int wait_seconds = 30; // how long to wait for another run's lock
};

CLI::App* setup_add_episode(CLI::App& app, AddEpisodeOptions& opts);

// Exit 0 when the episode was added (or, with --dry-run, would be valid); 1 when the result
// would have errors, the file changed on disk or stayed locked, or the user declined; 2 for bad
// usage, missing fields without a terminal, and an unreadable or invalid catalogue.
ExitCode run_add_episode(Context& ctx, const AddEpisodeOptions& opts);

} // namespace wtool

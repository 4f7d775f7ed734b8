// `wtool episode CODE [--title] [--recording URL | --no-recording] [--share-recording yes|no]
// [--move-to SxxEyy]`: edits a talk in the catalogue, format-preserving
// (catalogue/catalogue_change.hpp). docs/episode.md.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace wtool {

struct EpisodeOptions {
    std::string code;
    std::optional<std::string> title, recording, share_recording, move_to;
    bool no_recording = false;
    bool dry_run = false;
    int wait_seconds = 10;
};

CLI::App* setup_episode(CLI::App& app, EpisodeOptions& opts);

// Exit codes as `wtool season`.
ExitCode run_episode(Context& ctx, const EpisodeOptions& opts);

} // namespace wtool

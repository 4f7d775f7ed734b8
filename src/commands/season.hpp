// `wtool season N [--date] [--time] [--duration] [--theme] [--zoom|--meeting] [--cancel|--uncancel]`:
// sets a season's values in the catalogue, format-preserving (catalogue/catalogue_change.hpp),
// creating the season when it is not there; keeps a recorded calendar invitation's revision in
// step. docs/season.md.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace wtool {

struct SeasonOptions {
    int number = 0;
    std::optional<std::string> date, time, theme, zoom, meeting;
    std::optional<int> duration;
    bool cancel = false;
    bool uncancel = false;
    bool dry_run = false;
    int wait_seconds = 10;
};

CLI::App* setup_season(CLI::App& app, SeasonOptions& opts);

// Exit 0 changed (or nothing to change, or a dry run of a valid change); 1 not changed (the
// change would be invalid, or the catalogue stayed locked or changed meanwhile); 2 bad usage or
// an unusable catalogue.
ExitCode run_season(Context& ctx, const SeasonOptions& opts);

} // namespace wtool

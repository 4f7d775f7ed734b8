// `wtool export`: the catalogue as JSON or CSV, for scripts and spreadsheets.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>

namespace wtool {

struct ExportOptions {
    std::string format = "json"; // json | csv
    std::string output;          // empty: standard output
    int season = -1;             // -1: every season
};

CLI::App* setup_export(CLI::App& app, ExportOptions& opts);

// Exit 0 with the export written; 2 when the catalogue has errors, the season does not exist or
// the output file cannot be written (then it is left as it was).
ExitCode run_export(Context& ctx, const ExportOptions& opts);

} // namespace wtool

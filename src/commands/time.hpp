// `wtool time`: a season's start, or any time, in the series' zone, UTC and the audience's zones.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace wtool {

struct TimeOptions {
    std::vector<std::string> when; // the WHEN words, joined with spaces; empty: a season's start
    int season = 0;                // --season N; 0: the next season
    std::string date;              // --date YYYY-MM-DD for a WHEN without a date
    std::string from;              // --from ZONE: the zone WHEN is read in (default: the series' zone)
    std::vector<std::string> to;   // --to ZONE[,ZONE...] (default: the catalogue's audience zones)
    std::string format = "text";   // text | markdown | json
    bool earlier = false;          // a repeated local time: the first one
    bool later = false;            // a repeated local time: the second one
};

CLI::App* setup_time(CLI::App& app, TimeOptions& opts);

// Prints the conversion table. Exit 0; 2 for a bad WHEN or zone, a time that does not exist or
// exists twice locally, or an unusable catalogue; 4 when there is no coming season or the season
// has no date yet. Warnings (a zone label that contradicts the date) go to ctx.err.
ExitCode run_time(Context& ctx, const TimeOptions& opts);

} // namespace wtool

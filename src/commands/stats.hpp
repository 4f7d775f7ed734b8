// `wtool stats`: speakers per country and institution, talks per season and year, published
// recordings, new and returning institutions; as text, Markdown or JSON, and an SVG chart.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>

namespace wtool {

struct StatsOptions {
    std::string format = "text"; // text | markdown | json
    std::string svg;             // also write the speakers-per-country chart here; empty: no chart
    bool all = false;            // count every talk, not only those held
};

CLI::App* setup_stats(CLI::App& app, StatsOptions& opts);

// Prints the statistics (and writes the chart). Exit 0; 2 when the catalogue has errors or the
// chart cannot be written.
ExitCode run_stats(Context& ctx, const StatsOptions& opts);

} // namespace wtool

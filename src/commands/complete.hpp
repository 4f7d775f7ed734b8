// `wtool __complete seasons|episodes|zones` (hidden): the values the shell completion scripts offer,
// one per line, from the catalogue (or the tz database). Built for speed and silence: it only
// parses the catalogue (no validation), never prints an error, and prints nothing when the
// catalogue cannot be read.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>

namespace wtool {

struct CompleteOptions {
    std::string what; // seasons | episodes | zones
};

CLI::App* setup_complete(CLI::App& app, CompleteOptions& opts);

// Season numbers in number order, episode codes in code order, or every zone name. Exit 0, or 1
// (printing nothing) when the catalogue cannot be read or parsed.
ExitCode run_complete(Context& ctx, const CompleteOptions& opts);

} // namespace wtool

// `wtool validate`: every problem in the catalogue at once, like a compiler.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>

namespace wtool {

struct ValidateOptions {
    std::string format = "text"; // text | json
    bool strict = false;         // warnings fail too
};

CLI::App* setup_validate(CLI::App& app, ValidateOptions& opts);

// Exit 0 when clean (warnings allowed unless strict), 1 when there are errors (or warnings
// under strict), 2 when the file cannot be read.
ExitCode run_validate(Context& ctx, const ValidateOptions& opts);

} // namespace wtool

// `wtool man`: the manual page wtool.1 in roff, generated from the command line's own definition.
// The build runs it to make the installed page.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>

namespace wtool {

struct ManOptions {
    std::string output;             // empty: standard output
    const CLI::App* root = nullptr; // the whole command line, set by setup_man
};

CLI::App* setup_man(CLI::App& app, ManOptions& opts);

// Prints (or writes) the page, dated with ctx.now. Exit 0; 2 when the file cannot be written.
ExitCode run_man(Context& ctx, const ManOptions& opts);

} // namespace wtool

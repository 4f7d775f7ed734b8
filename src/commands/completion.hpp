// `wtool completion bash|zsh|fish`: the shell completion script, generated from the command line's
// own definition (so it includes every command, whenever it was added).
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>

namespace wtool {

struct CompletionOptions {
    std::string shell;              // bash | zsh | fish
    std::string output;             // empty: standard output
    const CLI::App* root = nullptr; // the whole command line, set by setup_completion
};

CLI::App* setup_completion(CLI::App& app, CompletionOptions& opts);

// Prints (or writes) the script. Exit 0; 2 when the file cannot be written.
ExitCode run_completion(Context& ctx, const CompletionOptions& opts);

} // namespace wtool

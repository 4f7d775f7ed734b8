// `wtool init`: a new, commented catalogue for another series (and, if asked, a copy of the default
// templates), from options or, on a terminal, from questions. Never overwrites a file.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace wtool {

struct InitOptions {
    std::string dir = ".";             // where episodes.toml is written; created when missing
    std::string title;                 // empty: not given
    std::string timezone;              // empty: not given
    std::string start;                 // HH:MM; empty: not given
    std::string duration;              // minutes; empty: not given (60)
    std::vector<std::string> audience; // zones, each possibly "a,b"; empty: not given
    std::string meeting_url;           // empty: not given
    std::string site_url;              // empty: not given
    std::string organiser;             // the organiser's name; empty: not given
    std::string email;                 // the organiser's e-mail; empty: not given
    bool with_templates = false;       // also copy the default templates to DIR/templates
    bool dry_run = false;              // print the catalogue instead of writing anything
};

CLI::App* setup_init(CLI::App& app, InitOptions& opts);

// Writes DIR/episodes.toml (and DIR/templates/...). Values missing from the options are asked for
// when ctx.interactive; otherwise a missing --title, --timezone or --start is a usage error (exit
// 2) that lists them all. An invalid value, an existing file or missing default templates is exit
// 2, and then nothing is written. With dry_run, the catalogue is printed and nothing is written
// (the same checks run first).
ExitCode run_init(Context& ctx, const InitOptions& opts);

} // namespace wtool

// `wtool check-links`: checks every link of the catalogue (or of other files) the way its service
// needs: YouTube through oEmbed, Zoom pages by their content, other pages by HEAD/GET. Built for
// cron: meaningful exit codes, --quiet, a state file, --fail-after.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace wtool {

struct CheckLinksOptions {
    std::vector<std::string> files; // check these instead of the catalogue ("-" for stdin)
    int season = 0;                 // 0: all seasons
    std::string episode;            // empty: all episodes
    std::string format = "text";    // text | json | markdown
    int jobs = 16;
    double timeout_seconds = 20;
    int retries = 2;
    std::string state;
    int fail_after = 1;
    int host_concurrency = 4;
    int host_interval_ms = 100;
    std::string oembed_endpoint = "https://www.youtube.com/oembed";
    std::vector<std::string> connect_to;
};

CLI::App* setup_check_links(CLI::App& app, CheckLinksOptions& opts);

// Exit 0 when every link works (warnings allowed), 1 when one is broken, 3 when none is broken
// but some could not be checked, 2 for usage, catalogue or state-file errors.
ExitCode run_check_links(Context& ctx, const CheckLinksOptions& opts);

} // namespace wtool

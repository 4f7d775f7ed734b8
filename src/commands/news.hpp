// `wtool news N`: the site's news post after season N ("We had the ninth edition of our
// webinar! ..."), printed, written to a file, or written into a Jekyll site tree.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>

namespace wtool {

struct NewsOptions {
    int season = 0;     // N
    std::string site;   // --site DIR; empty when not given
    std::string output; // --output FILE; empty for standard output
    bool force = false; // --force: also for a cancelled day or one not over yet
};

CLI::App* setup_news(CLI::App& app, NewsOptions& opts);

// Exit 0 when the post was printed or written; 4 when the season has no date yet or was
// cancelled (nothing to post); 2 for an unknown season, a catalogue with errors, a bad template
// or a file that cannot be written.
ExitCode run_news(Context& ctx, const NewsOptions& opts);

} // namespace wtool

// `wtool page webinar|talks`: the site's whole webinar page and talks page, front matter
// included, printed, written to a file, or written into a Jekyll site tree; `wtool page --site
// DIR` updates both pages and adds the news posts that are still missing.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace wtool {

struct PageOptions {
    std::vector<std::string> pages; // "webinar", "talks"; none with --site: the whole site
    std::string site;               // --site DIR; empty when not given
    std::string output;             // --output FILE; empty for standard output
};

CLI::App* setup_page(CLI::App& app, PageOptions& opts);

// Exit 0 when the pages were printed or written; 2 for bad usage (two pages to one output), a
// catalogue with errors, a bad template or a file that cannot be written.
ExitCode run_page(Context& ctx, const PageOptions& opts);

} // namespace wtool

// `wtool announce`: the announcement of one season (by default the next one) as the webinar
// page's "Next webinar" section, an e-mail for the newsletter, a social-media post, or the JSON
// data the templates see.
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>

namespace wtool {

struct AnnounceOptions {
    bool next = false;               // --next (the default when no --season is given)
    int season = 0;                  // --season N; 0 when not given
    bool times = false;              // --times
    bool no_times = false;           // --no-times
    std::string format = "markdown"; // markdown | email | social | json
    std::size_t max_chars = 0;       // --max-chars; 0 when not given (social posts default to 500)
    std::string output;              // --output FILE; empty for standard output
};

CLI::App* setup_announce(CLI::App& app, AnnounceOptions& opts);

// Exit 0 with the announcement, or with a note on stderr and no output when no season is coming.
// Exit 2 for an unknown season, a catalogue with errors, a bad template or a social post that
// cannot fit --max-chars.
ExitCode run_announce(Context& ctx, const AnnounceOptions& opts);

} // namespace wtool

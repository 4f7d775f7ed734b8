// `wtool recordings [--season N] [--apply] [--format text|json] [--feed-url URL]`: the season's
// recordings from the series' YouTube playlist feed, matched to its talks; with --apply, the
// confident matches written into the catalogue (docs/recordings.md).
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>

namespace wtool {

struct RecordingsOptions {
    int season = 0;           // 0: the last season that took place
    bool apply = false;
    std::string format = "text";
    std::string feed_url;     // empty: from [series] playlist_url
    double timeout_seconds = 20;
    int retries = 2;
    int wait_seconds = 10;
};

CLI::App* setup_recordings(CLI::App& app, RecordingsOptions& opts);

// Exit 0 proposal printed (or applied); 1 --apply refused (the change would be invalid, the file
// stayed locked or changed); 2 bad usage, no playlist, the feed missing (HTTP error), not XML or
// not a feed; 3 the network failed (timeout, DNS, connection); 4 no season has taken place yet.
ExitCode run_recordings(Context& ctx, const RecordingsOptions& opts);

} // namespace wtool

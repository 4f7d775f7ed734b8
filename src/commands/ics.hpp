// `wtool ics`: the next webinar as a calendar event to import or attach to an invitation, or
// every dated season as a calendar feed to subscribe to (docs/ics.md).
#pragma once

#include "cli/context.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace wtool {

struct IcsOptions {
    bool next = false;       // the next dated season (the default)
    int season = 0;          // --season N; 0 when not given
    bool all = false;        // every dated season, as a feed
    std::string output;      // file to write atomically; empty: standard output
    std::vector<int> alarms; // --alarm MINUTES, repeatable; empty: the series' alarm_minutes
    bool record = false;     // --record: record the calendar's fingerprint (and raised sequence) in the catalogue
};

CLI::App* setup_ics(CLI::App& app, IcsOptions& opts);

// Exit 0 when the calendar was written; 2 when the catalogue is unusable, the season does not
// exist, no organiser has an email, or a season changed without a new calendar_sequence (unless
// --record, which raises it); 1 when --record cannot write the catalogue; 4
// (nothing to output) when the season asked for, or every coming season, has no date yet.
ExitCode run_ics(Context& ctx, const IcsOptions& opts);

} // namespace wtool

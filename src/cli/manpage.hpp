// The manual page, wtool.1, generated in roff (the man(7) macros) from the command line's
// definition (cli_model.hpp): every visible command with its options and the example its --help
// footer shows, plus the exit codes, environment variables and files, which are the same for every
// command. So `man wtool` cannot drift from `--help`.
#pragma once

#include "cli/cli_model.hpp"

#include <string>
#include <string_view>

namespace wtool {

struct ManPageInfo {
    std::string version; // "0.1.0"
    std::string date;    // "2026-02-01": the page's date (from --now / SOURCE_DATE_EPOCH)
};

// The page. Pure: the same definition and info give the same bytes. Text is escaped for roff
// (backslashes, hyphens as \-, lines that would start with a control character); characters
// beyond ASCII are written as \[uXXXX].
std::string render_man_page(const CliSpec& cli, const ManPageInfo& info);

// `s` as roff text (see render_man_page).
std::string roff_escape(std::string_view s);

} // namespace wtool

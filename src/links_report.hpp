// Reporting check-links results: text (one compiler-style line per link), JSON (for scripts)
// and Markdown (for an issue or an e-mail). Pure: results in, text out.
#pragma once

#include "context.hpp"
#include "diagnostics.hpp"
#include "links_collect.hpp"
#include "links_probe.hpp"
#include "links_verdict.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace wtool::links {

// One checked link and every place it is written.
struct LinkResult {
    Target target;
    std::vector<Place> places; // at least one, in the order found
    Verdict verdict;           // as reported (after --fail-after)
    bool reused = false;       // taken from the state file, not asked again
    int requests = 0;          // requests sent for it in this run
    int retries = 0;
    std::optional<int> consecutive_failures; // with --state
};

struct Counts {
    std::size_t ok = 0, warning = 0, broken = 0, unknown = 0, expired = 0, reused = 0, places = 0;
    [[nodiscard]] std::size_t total() const { return ok + warning + broken + unknown + expired; }
};
Counts count(const std::vector<LinkResult>& results);

// 1 when a link is broken, else 3 when one is unknown, else 0.
ExitCode exit_code_for(const Counts& counts);

// "youtube", "youtube-playlist", "zoom", "web".
std::string_view service_name(url::Service service);

// Results in report order: by the first place's file (in order of first appearance), then line
// and column.
void sort_for_report(std::vector<LinkResult>& results);

enum class Detail {
    all,      // every link and a summary
    problems, // --quiet: only broken and unknown links (and a summary when there are any)
};

// One line per link: "file:line:col: status: URL (where): detail [kind]", further places
// indented below ("  also at file:line:col (where)"), then a summary line. With Detail::problems
// and nothing broken or unknown: empty.
std::string render_text(const std::vector<LinkResult>& results, Detail detail, Color color);

// {"summary": {...}, "links": [...]}: every link (only broken and unknown with Detail::problems),
// always a whole JSON document.
std::string render_json(const std::vector<LinkResult>& results, Detail detail);

// A heading with the counts, a table of the links that need a look (warnings too unless
// Detail::problems), and the rest in a collapsed list. With Detail::problems and nothing broken
// or unknown: empty.
std::string render_markdown(const std::vector<LinkResult>& results, Detail detail);

} // namespace wtool::links

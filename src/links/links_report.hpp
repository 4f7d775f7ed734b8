// Reporting check-links results: text (one compiler-style line per link), JSON (for scripts)
// and Markdown (for an issue or an e-mail). Pure: results in, text out.
#pragma once

#include "links/links_collect.hpp"
#include "links/links_probe.hpp"
#include "links/links_verdict.hpp"
#include "support/diagnostics.hpp"

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

// What a run found, worst first: a broken link, else a link that could not be checked, else none.
// `check-links` exits 1, 3 or 0 for them (docs/check-links.md).
enum class Outcome { broken, unknown, ok };
Outcome outcome_of(const Counts& counts);
// The exit status check-links gives an outcome, also written in the JSON report: 1, 3 or 0.
int exit_status(Outcome outcome);

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

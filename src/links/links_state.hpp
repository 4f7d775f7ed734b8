// The --state file of check-links: every link's last result, when it was checked, and how many
// runs in a row it failed. It lets a cron job reuse recent ok results instead of asking again,
// and report a link as broken only after it failed in several runs in a row (--fail-after).
//
// Format (JSON, keys sorted, written atomically by the command):
//   {"format": "wtool check-links state", "version": 1,
//    "links": {"<key>": {"status": "ok", "kind": "ok", "detail": "HTTP 200", "http_status": 200,
//                        "checked_at": "2026-02-01T12:00:00Z", "consecutive_failures": 0,
//                        "last_ok": "2026-02-01T12:00:00Z"}}}
// A link's key is its check key (links_probe.hpp: make_target).
//
// Runs that share a state file may overlap (two cron jobs, one per --season): the command merges
// its results into the file as it is when it writes (re-read under the file's lock), never into
// the copy it read at its start, so that no run loses another's entries (merge_results).
#pragma once

#include "links/links_verdict.hpp"
#include "time/timezone.hpp"

#include <chrono>
#include <expected>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace wtool::links {

struct LinkRecord {
    Verdict verdict;                    // the last result as checked (before --fail-after)
    tz::Instant checked_at{};           // when (the run's "now")
    int consecutive_failures = 0;       // runs in a row whose result was broken
    std::optional<tz::Instant> last_ok; // the last run whose result was ok or a warning

    friend bool operator==(const LinkRecord&, const LinkRecord&) = default;
};

struct LinkState {
    std::map<std::string, LinkRecord> links;
};

// Parses a state file's text. Errors say what is wrong ("not JSON", "links.<key>: no 'status'").
std::expected<LinkState, std::string> parse_state(std::string_view json);

// The state as JSON text (2-space indent, keys sorted, ending in a newline).
std::string render_state(const LinkState& state);

// Whether `record` holds an ok or warning result (never a failing one) checked less than
// `reuse_for` before `now` (and not in the future). A zero `reuse_for` never reuses.
bool reusable(const LinkRecord& record, tz::Instant now, std::chrono::hours reuse_for);

// The record after a run checked the link and got `fresh` at `now`: broken counts one more failed
// run, ok and warning reset the count, unknown keeps it (nothing was proven); an expired result
// (not checked) keeps the previous record's count.
LinkRecord next_record(const std::optional<LinkRecord>& previous, const Verdict& fresh, tz::Instant now);

// One link this run asked about, and what it found.
struct CheckedLink {
    std::string key;
    Verdict verdict;
};

// The state after a run: `current` (the state file as it is now, re-read under its lock) with each
// checked link's record replaced by next_record(its record in `current`, its verdict, now). Every
// other record stays exactly as `current` has it, whichever run wrote it.
LinkState merge_results(LinkState current, std::span<const CheckedLink> checked, tz::Instant now);

// What to report for a record under --fail-after N: a broken result counts as broken only from
// its N-th failed run in a row; before that it is a warning of kind "failing" that says so.
// Anything else is reported as it is. N below 2 reports broken at once.
Verdict reported_verdict(const LinkRecord& record, int fail_after);

} // namespace wtool::links

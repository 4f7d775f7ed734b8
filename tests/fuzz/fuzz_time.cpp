// Fuzz target: `wtool time` on the times and zones people type. The input is up to five lines:
//   WHEN (as typed: "2026-03-02 15:00 CET", "3pm new york", ...)
//   --to ZONE[,ZONE...]        (empty: UTC)
//   --from ZONE
//   --date YYYY-MM-DD
//   --format and --earlier/--later, in any order: "json", "markdown", "earlier", "later"
// and runs the command itself (run_time), so WHEN's grammar (when.hpp), every zone lookup with
// its suggestions (timezone.hpp: IANA names, cities, offsets, abbreviations), DST gaps and
// overlaps, and the three renderings are all reached. The command's own errors (CommandError:
// bad input, exit 2) are expected; anything else escaping is a finding. The same WHEN line is
// also read as an instant (--now) and as a date (--date). The catalogue is never read: a blank
// WHEN (a season's start) is not run, and when nothing else names the zone WHEN is read in,
// --from is UTC.
#include "cli/context.hpp"
#include "commands/time.hpp"
#include "fuzz_support.hpp"
#include "support/text.hpp"
#include "time/timezone.hpp"
#include "time/when.hpp"

#include <sstream>

using namespace wtool;

namespace {

// Big enough for any time a person types and for many zones after --to; the zone lookups'
// suggestions compare the text with every zone name.
constexpr std::size_t max_time_input_bytes = 4096;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > max_time_input_bytes) {
        return -1;
    }
    const std::string_view input = fuzz::as_text(data, size);
    const std::string_view when = fuzz::line(input, 0);
    (void)tz::parse_instant(when);
    (void)tz::parse_date(when);
    const auto parsed = tz::parse_when(when);
    if (text::trim(when).empty()) {
        return 0; // a season's start: that comes from the catalogue
    }

    TimeOptions opts;
    opts.when = {std::string(when)};
    opts.to = {std::string(fuzz::line(input, 1))};
    if (opts.to.front().empty()) {
        opts.to.front() = "UTC";
    }
    opts.from = std::string(fuzz::line(input, 2));
    if (parsed && parsed->zone.empty() && opts.from.empty()) {
        opts.from = "UTC";
    }
    opts.date = std::string(fuzz::line(input, 3));
    const std::string_view flags = fuzz::line(input, 4);
    opts.format = flags.find("json") != std::string_view::npos       ? "json"
                  : flags.find("markdown") != std::string_view::npos ? "markdown"
                                                                     : "text";
    opts.earlier = flags.find("earlier") != std::string_view::npos;
    opts.later = !opts.earlier && flags.find("later") != std::string_view::npos;

    std::ostringstream out;
    std::ostringstream err;
    Context ctx{.out = out, .err = err, .catalogue = "/nonexistent/fuzz.toml", .now = fuzz::now()};
    try {
        (void)run_time(ctx, opts);
    } catch (const CommandError& e) {
        if (std::string_view(e.what()).empty()) {
            __builtin_trap(); // every error says what is wrong
        }
    }
    return 0;
}

// What a command may know about the world: its streams, the moment it runs, the catalogue path
// and the user's global choices. Passed down explicitly; nothing below a command's run function
// reads the clock, the environment or a global stream.
#pragma once

#include "support/diagnostics.hpp"
#include "time/timezone.hpp"

#include <filesystem>
#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>

namespace wtool {

// Documented exit codes (docs/exit-codes.md, man page).
enum class ExitCode : int {
    ok = 0,       // success; warnings allowed
    problems = 1, // the command ran and found problems (invalid catalogue, broken links, ...)
    usage = 2,    // bad command line, unreadable or unusable input
    unknown = 3,  // check-links: nothing proven broken, but some links could not be checked
    nothing = 4,  // nothing to output (e.g. ics for a season that has no date yet)
};

struct Context {
    std::ostream& out;
    std::ostream& err;
    std::filesystem::path catalogue; // resolved path of the catalogue to read
    // True when neither --catalogue nor $WTOOL_CATALOGUE named it: `catalogue` is wtool's own
    // guess (./episodes.toml, else ./data/episodes.toml), and a missing file needs explaining.
    bool catalogue_guessed = false;
    tz::Instant now{};               // --now, SOURCE_DATE_EPOCH, or the system clock
    bool quiet = false;
    Color out_color = Color::no;
    Color err_color = Color::no;
    bool interactive = false;   // stdin and stderr are terminals: prompts and progress are allowed
    std::istream* in = nullptr; // standard input (prompts, "-" as a file name); null: none
    // Test-only fault injection ($WTOOL_TEST_KILL_AT, read by app.cpp): the name of a point in a
    // command's write sequence where it kills itself with SIGKILL (docs/add-episode.md).
    std::string test_kill_at{};
};

// A failure that ends the command: printed once by the application as "wtool: error: <what>".
class CommandError : public std::runtime_error {
  public:
    explicit CommandError(const std::string& what, ExitCode code = ExitCode::usage)
        : std::runtime_error(what), code_(code) {}
    [[nodiscard]] ExitCode code() const { return code_; }

  private:
    ExitCode code_;
};

} // namespace wtool

// What a command may know about the world: its streams, the moment it runs, the catalogue path
// and the user's global choices. Passed down explicitly; nothing below a command's run function
// reads the clock, the environment or a global stream.
#pragma once

#include "diagnostics.hpp"
#include "timezone.hpp"

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
    std::ostream &out;
    std::ostream &err;
    std::filesystem::path catalogue; // resolved path of the catalogue to read
    tz::Instant now{};               // --now, SOURCE_DATE_EPOCH, or the system clock
    bool quiet = false;
    Color out_color = Color::no;
    Color err_color = Color::no;
    bool interactive = false;   // stdin and stderr are terminals: prompts and progress are allowed
    std::istream *in = nullptr; // where answers to prompts are read (stdin); only when interactive
};

// A failure that ends the command: printed once by the application as "wtool: error: <what>".
class CommandError : public std::runtime_error {
  public:
    explicit CommandError(const std::string &what, ExitCode code = ExitCode::usage)
        : std::runtime_error(what), code_(code) {}
    [[nodiscard]] ExitCode code() const { return code_; }

  private:
    ExitCode code_;
};

} // namespace wtool

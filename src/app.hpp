// The wtool application: builds the command line, resolves the global options into a Context,
// dispatches to one command and maps the outcome to an exit code. main() is one call to this.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace wtool {

// What the application reads from the process; tests pass their own.
struct Environment {
    std::ostream &out;
    std::ostream &err;
    std::function<std::optional<std::string>(std::string_view)> getenv;
    bool stdout_tty = false;
    bool stderr_tty = false;
    bool stdin_tty = false;
    std::istream *in = nullptr; // standard input, for prompts
};

// Environment of the real process.
Environment process_environment();

int run_app(int argc, const char *const *argv, const Environment &env);

} // namespace wtool

// Asking the user questions on a terminal: one-line answers with a default, multi-line texts,
// and yes/no questions. The Prompter works on any pair of streams, so the questions a command
// asks can be tested with string streams; the command decides whether prompting is allowed at
// all (Context::interactive).
//
// Conventions, shown to the user in each prompt:
//   - "Title [Old title]: "  an empty answer keeps the default in brackets; for an optional
//     field "-" clears it;
//   - multi-line texts end at the first empty line or at end of input (Ctrl-D), so a text
//     typed at a prompt is one paragraph (longer texts come from a file).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace wtool {

// Whether "-" clears a one-line answer (for optional fields).
enum class Clearable { yes, no };

class Prompter {
  public:
    // Prompts are written to `out` (stderr in the application), answers read from `in`.
    Prompter(std::istream& in, std::ostream& out) : in_(in), out_(out) {}

    // Asks for one line: "question [default]: ". An empty answer gives `default_value`; when
    // `clearable` is yes (an optional field), "-" gives an empty string (no value). nullopt at
    // end of input.
    std::optional<std::string> line(std::string_view question, std::string_view default_value = {},
                                    Clearable clearable = Clearable::no);

    // Asks for a text of several lines, read up to the first empty line or end of input, joined
    // with "\n". An empty first line (or end of input at once) gives `default_value`; "-" alone
    // gives an empty string (no text). End of input is cleared afterwards, so that a terminal
    // can go on answering after Ctrl-D (a closed input ends at the next question).
    std::string text(std::string_view question, std::string_view default_value = {});

    // Asks "question [Y/n]: " (or [y/N]) until the answer is y, yes, n, no (any case) or empty
    // (the default). nullopt at end of input.
    std::optional<bool> yes_no(std::string_view question, bool default_value);

    // Writes a message (a newline is added when missing).
    void say(std::string_view message);

  private:
    std::optional<std::string> read_line();
    std::istream& in_;
    std::ostream& out_;
};

} // namespace wtool

// Asking the user for values on a terminal: one question per line on the error stream (so that
// standard output stays clean for results), the default shown in brackets and taken by an empty
// answer, and the question asked again when the answer is not acceptable. Streams are passed in,
// so tests drive it with string streams.
#pragma once

#include <expected>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace wtool {

class Prompter {
  public:
    Prompter(std::istream &in, std::ostream &out) : in_(in), out_(out) {}

    // Prints "question [default]: " (without the brackets when there is no default) and reads one
    // line. Blanks around the answer are removed; an empty answer gives `default_value`.
    // nullopt at the end of the input (Ctrl-D).
    std::optional<std::string> ask(std::string_view question, std::string_view default_value = {});

    // Asks until `parse` accepts the answer: `parse` takes the answer and returns
    // std::expected<T, std::string>; each error is printed as "  <error>" and the question is
    // asked again. nullopt at the end of the input.
    template <class Parse>
    auto ask_valid(std::string_view question, std::string_view default_value, Parse parse)
        -> std::optional<typename decltype(parse(std::string{}))::value_type> {
        while (true) {
            std::optional<std::string> answer = ask(question, default_value);
            if (!answer) {
                return std::nullopt;
            }
            auto parsed = parse(*answer);
            if (parsed) {
                return std::move(*parsed);
            }
            out_ << "  " << parsed.error() << "\n";
        }
    }

  private:
    std::istream &in_;
    std::ostream &out_;
};

} // namespace wtool

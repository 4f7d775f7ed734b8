#include "cli/prompter.hpp"

#include "support/text.hpp"

#include <cstdio>
#include <iostream>
#include <ostream>

namespace wtool {

namespace {

// Forgets an end of input, so that a terminal can go on answering after Ctrl-D. std::cin reads
// through C stdio, whose end-of-file flag is sticky (glibc 2.28 and later): that is cleared too.
void forget_end_of_input(std::istream& in) {
    in.clear();
    if (in.rdbuf() == std::cin.rdbuf()) {
        std::clearerr(stdin);
    }
}

} // namespace

std::optional<std::string> Prompter::read_line() {
    std::string answer;
    if (!std::getline(in_, answer)) {
        if (in_.eof() && !answer.empty()) {
            return answer; // a last line without a newline
        }
        return std::nullopt;
    }
    if (!answer.empty() && answer.back() == '\r') {
        answer.pop_back();
    }
    return answer;
}

std::optional<std::string> Prompter::line(std::string_view question, std::string_view default_value,
                                          Clearable clearable) {
    out_ << question;
    if (!default_value.empty()) {
        out_ << " [" << default_value << "]";
    }
    out_ << ": " << std::flush;
    auto answer = read_line();
    if (!answer) {
        out_ << "\n";
        return std::nullopt;
    }
    if (answer->empty()) {
        return std::string(default_value);
    }
    if (clearable == Clearable::yes && text::trim(*answer) == "-") {
        return std::string{};
    }
    return answer;
}

std::string Prompter::text(std::string_view question, std::string_view default_value) {
    out_ << question;
    if (!default_value.empty()) {
        out_ << " (empty line: keep the current text; '-': none)";
    }
    out_ << "; end with an empty line or Ctrl-D:\n" << std::flush;
    std::string result;
    bool first = true;
    while (true) {
        std::string line;
        const bool ended = !std::getline(in_, line);
        if (ended) {
            forget_end_of_input(in_);
        }
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty()) {
            return first ? std::string(default_value) : result;
        }
        if (first && text::trim(line) == "-") {
            return std::string{};
        }
        result += first ? line : "\n" + line;
        first = false;
        if (ended) {
            return result;
        }
    }
}

std::optional<bool> Prompter::yes_no(std::string_view question, bool default_value) {
    while (true) {
        out_ << question << (default_value ? " [Y/n]: " : " [y/N]: ") << std::flush;
        auto answer = read_line();
        if (!answer) {
            out_ << "\n";
            return std::nullopt;
        }
        const std::string a = text::to_lower_ascii(text::trim(*answer));
        if (a.empty()) {
            return default_value;
        }
        if (a == "y" || a == "yes") {
            return true;
        }
        if (a == "n" || a == "no") {
            return false;
        }
        out_ << "please answer y or n\n";
    }
}

void Prompter::say(std::string_view message) {
    out_ << message;
    if (!message.ends_with('\n')) {
        out_ << '\n';
    }
    out_ << std::flush;
}

} // namespace wtool

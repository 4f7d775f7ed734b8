#include "prompt.hpp"

#include "text.hpp"

namespace wtool {

std::optional<std::string> Prompter::ask(std::string_view question, std::string_view default_value) {
    out_ << question;
    if (!default_value.empty()) {
        out_ << " [" << default_value << "]";
    }
    out_ << ": " << std::flush;
    std::string line;
    if (!std::getline(in_, line)) {
        out_ << "\n";
        return std::nullopt;
    }
    const std::string_view answer = text::trim(line);
    return answer.empty() ? std::string(default_value) : std::string(answer);
}

} // namespace wtool

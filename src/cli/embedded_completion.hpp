// The completion script templates (data/completion/*.in), compiled into the binary at build time
// by cmake/EmbedFiles.cmake. They are mustache templates with <% %> as tag delimiters (shell code
// is full of braces); completion.cpp fills them in from the command line's definition.
#pragma once

#include <span>
#include <string_view>

namespace wtool {

struct EmbeddedScript {
    std::string_view name; // file name without ".in", e.g. "wtool.bash"
    std::string_view text; // the file's bytes
};

// Every completion script template, sorted by name.
std::span<const EmbeddedScript> embedded_completion_scripts();

} // namespace wtool

// The completion script templates (data/completion/*.in), compiled into the binary at build time
// by cmake/EmbedFiles.cmake. They are mustache templates with <% %> as tag delimiters (shell code
// is full of braces); completion.cpp fills them in from the command line's definition.
#pragma once

#include "support/embedded_file.hpp"

#include <span>

namespace wtool {

// Every completion script template, sorted by name; a name is the file name without ".in",
// e.g. "wtool.bash".
std::span<const EmbeddedFile> embedded_completion_scripts();

} // namespace wtool

// The default templates (data/templates/*.mustache), compiled into the binary at build time by
// cmake/EmbedFiles.cmake, so wtool finds them wherever it runs from.
#pragma once

#include "support/embedded_file.hpp"

#include <span>

namespace wtool {

// Every default template, sorted by name; a name is the file name without ".mustache".
std::span<const EmbeddedFile> embedded_templates();

} // namespace wtool

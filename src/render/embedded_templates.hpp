// The default templates (data/templates/*.mustache), compiled into the binary at build time by
// cmake/EmbedFiles.cmake, so wtool finds them wherever it runs from.
#pragma once

#include <span>
#include <string_view>

namespace wtool {

struct EmbeddedTemplate {
    std::string_view name; // file name without ".mustache", e.g. "page_webinar"
    std::string_view text; // the file's bytes
};

// Every default template, sorted by name.
std::span<const EmbeddedTemplate> embedded_templates();

} // namespace wtool

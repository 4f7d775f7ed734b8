// A data file compiled into the binary at build time by cmake/EmbedFiles.cmake (the default
// templates, the completion scripts), so that wtool finds it wherever it runs from.
#pragma once

#include <string_view>

namespace wtool {

struct EmbeddedFile {
    std::string_view name; // file name without its suffix, e.g. "page_webinar" or "wtool.bash"
    std::string_view text; // the file's bytes
};

} // namespace wtool

// Where wtool finds the files it ships with (the default templates, the catalogue's JSON Schema):
// its data folder, found relative to the running program so that an installed copy works from any
// prefix, with the source tree as the fallback for a binary run from its build folder.
//
//   installed:   <prefix>/bin/wtool  ->  <prefix>/share/wtool/templates/...
//   build tree:  build/dev/wtool     ->  <source>/data/templates/...
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

namespace wtool {

// The running program's own file, read from /proc/self/exe (symbolic links resolved). Empty when
// it cannot be read (no /proc). The only function here that looks at the process.
std::filesystem::path executable_path();

// The folders that may be wtool's data folder, in the order they are tried:
//  1. `<exe dir>/../share/wtool`: the installed layout (the relative part comes from CMake's
//     CMAKE_INSTALL_BINDIR and CMAKE_INSTALL_DATADIR, so another layout is followed too);
//  2. the source tree's `data/` folder, whose absolute path is compiled in: the fallback for a
//     binary that runs from its build folder, before `cmake --install`.
// With an empty `exe`, only the fallback.
std::vector<std::filesystem::path> data_dir_candidates(const std::filesystem::path& exe);

// The first of `candidates` that is an existing folder, or nullopt.
std::optional<std::filesystem::path> find_data_dir(const std::vector<std::filesystem::path>& candidates);

// The default templates folder inside a data folder: `<data dir>/templates`.
std::filesystem::path default_templates_dir(const std::filesystem::path& data_dir);

} // namespace wtool

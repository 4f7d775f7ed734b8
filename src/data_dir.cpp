#include "data_dir.hpp"

#ifndef WTOOL_DATADIR_FROM_BINDIR
#error "WTOOL_DATADIR_FROM_BINDIR must be defined by the build (see CMakeLists.txt)"
#endif
#ifndef WTOOL_SOURCE_DATA_DIR
#error "WTOOL_SOURCE_DATA_DIR must be defined by the build (see CMakeLists.txt)"
#endif

namespace wtool {

std::filesystem::path executable_path() {
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe;
}

std::vector<std::filesystem::path> data_dir_candidates(const std::filesystem::path& exe) {
    std::vector<std::filesystem::path> out;
    if (!exe.empty()) {
        out.push_back((exe.parent_path() / WTOOL_DATADIR_FROM_BINDIR).lexically_normal());
    }
    out.emplace_back(WTOOL_SOURCE_DATA_DIR);
    return out;
}

std::optional<std::filesystem::path> find_data_dir(const std::vector<std::filesystem::path>& candidates) {
    for (const std::filesystem::path& dir : candidates) {
        std::error_code ec;
        if (std::filesystem::is_directory(dir, ec)) {
            return dir;
        }
    }
    return std::nullopt;
}

std::filesystem::path default_templates_dir(const std::filesystem::path& data_dir) {
    return data_dir / "templates";
}

} // namespace wtool

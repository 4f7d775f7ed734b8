#include "catalogue/site_paths.hpp"

#include <algorithm>
#include <filesystem>

namespace wtool {

std::optional<SitePathProblem> site_path_problem(std::string_view path, SitePathKind kind) {
    const bool file = kind == SitePathKind::file;
    std::string hint = file ? "give a file path inside the site folder, such as '_pages/webinar.md'"
                            : "give a folder inside the site folder, such as '_news' (\"\" is the site folder itself)";
    const std::filesystem::path p{path};
    if (p.is_absolute()) {
        return SitePathProblem{"is an absolute path", std::move(hint)};
    }
    if (std::any_of(p.begin(), p.end(), [](const std::filesystem::path& part) { return part == ".."; })) {
        return SitePathProblem{"leaves the site folder ('..')", std::move(hint)};
    }
    if (file && path.empty()) {
        return SitePathProblem{"is empty", std::move(hint)};
    }
    if (file && (!p.has_filename() || p.filename() == ".")) {
        return SitePathProblem{"names a folder, not a file", std::move(hint)};
    }
    return std::nullopt;
}

} // namespace wtool

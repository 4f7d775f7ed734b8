// The paths a catalogue's [site] table gives the files wtool generates, and the one check of them
// that validate (rule site-path) and `page`/`news --site` share.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wtool {

// What a [site] value names inside the site folder: a file (webinar_page, talks_page) or a
// folder (news_dir; empty: the site folder itself).
enum class SitePathKind { file, folder };

struct SitePathProblem {
    std::string reason; // follows the quoted value: "leaves the site folder ('..')"
    std::string hint;   // how to write it instead
};

// Why the [site] value `path` cannot be used inside a site folder, or nothing when it can: it is
// absolute, or has a ".." part (either would leave the site folder), or, for a file, is empty or
// ends in a folder ("_pages/", "_pages/."). Purely lexical: what the folder holds is checked when
// writing (output_target.hpp). The one check behind both `page`/`news --site` and validate's
// rule site-path.
std::optional<SitePathProblem> site_path_problem(std::string_view path, SitePathKind kind);

} // namespace wtool

// The files of a Jekyll site that wtool generates: the webinar page, the talks page and one
// news post per season, each rendered from its template with the path the catalogue's [site]
// table gives it. Shared by `page` and `news`; pure (catalogue in, text out).
#pragma once

#include "catalogue.hpp"
#include "templates.hpp"
#include "timezone.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

struct SiteFile {
    std::string content;
    std::string site_path; // where it goes in the site tree
    std::string site_key;  // the catalogue key that says so, for messages
    std::string key_value; // that key's value: the file's path, or the news folder
    SitePathKind key_kind = SitePathKind::file;
};

// The webinar page ("webinar") or the talks page ("talks") as of `now`. Throws CommandError when
// the catalogue or a template cannot be rendered.
SiteFile render_site_page(const Catalogue& cat, const TemplateSet& templates, const std::string& page, tz::Instant now);

// The news post of a dated, not cancelled season. Throws CommandError when it cannot be rendered.
SiteFile render_news_post(const Catalogue& cat, const TemplateSet& templates, const Season& season);

// The seasons that have a news post to write at `now`: dated, not cancelled, started; in number
// order.
std::vector<const Season*> seasons_with_news(const Catalogue& cat, tz::Instant now);

} // namespace wtool

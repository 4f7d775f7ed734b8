#include "site_files.hpp"

#include "context.hpp"
#include "schedule.hpp"
#include "template_views.hpp"

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

namespace {
std::string rendered_or_throw(const TemplateSet& templates, std::string_view name, const nlohmann::ordered_json& view) {
    auto text = render_template(templates, name, view);
    if (!text) {
        throw CommandError(text.error().message);
    }
    return std::move(*text);
}
} // namespace

SiteFile render_site_page(const Catalogue& cat, const TemplateSet& templates, const std::string& page,
                          tz::Instant now) {
    const bool webinar = page == "webinar";
    auto view = webinar ? webinar_page_view(cat, now, Escaping::markdown) : talks_page_view(cat, Escaping::markdown);
    if (!view) {
        throw CommandError(view.error());
    }
    std::string text = rendered_or_throw(templates, webinar ? "page_webinar" : "page_talks", *view);
    const std::string path(std::string_view(webinar ? cat.site.webinar_page.value : cat.site.talks_page.value));
    return {std::move(text), path, webinar ? "[site] webinar_page" : "[site] talks_page", path, SitePathKind::file};
}

SiteFile render_news_post(const Catalogue& cat, const TemplateSet& templates, const Season& season) {
    auto view = news_view(cat, season, Escaping::markdown);
    if (!view) {
        throw CommandError(view.error());
    }
    const std::string& dir = cat.site.news_dir.value;
    std::string path = dir.empty() ? news_file_name(season) : dir + "/" + news_file_name(season);
    return {rendered_or_throw(templates, "news", *view), std::move(path), "[site] news_dir", dir, SitePathKind::folder};
}

std::vector<const Season*> seasons_with_news(const Catalogue& cat, tz::Instant now) {
    std::vector<const Season*> out;
    for (const Season* s : cat.seasons_by_number()) {
        if (s->date.present && !s->cancelled.value && season_started(cat, *s, now)) {
            out.push_back(s);
        }
    }
    return out;
}

} // namespace wtool

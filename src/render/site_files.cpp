#include "render/site_files.hpp"

#include "catalogue/schedule.hpp"
#include "render/template_views.hpp"

#include <algorithm>
#include <filesystem>

namespace wtool {

std::expected<SiteFile, std::string> render_site_page(const Catalogue& cat, const TemplateSet& templates,
                                                      const std::string& page, tz::Instant now) {
    const bool webinar = page == "webinar";
    auto view = webinar ? webinar_page_view(cat, now, Escaping::markdown) : talks_page_view(cat, Escaping::markdown);
    if (!view) {
        return std::unexpected(std::move(view.error()));
    }
    auto text = render_template(templates, webinar ? "page_webinar" : "page_talks", *view);
    if (!text) {
        return std::unexpected(std::move(text.error().message));
    }
    const std::string path(std::string_view(webinar ? cat.site.webinar_page.value : cat.site.talks_page.value));
    return SiteFile{std::move(*text), path, webinar ? "[site] webinar_page" : "[site] talks_page", path,
                    SitePathKind::file};
}

std::expected<SiteFile, std::string> render_news_post(const Catalogue& cat, const TemplateSet& templates,
                                                      const Season& season) {
    auto view = news_view(cat, season, Escaping::markdown);
    if (!view) {
        return std::unexpected(std::move(view.error()));
    }
    auto text = render_template(templates, "news", *view);
    if (!text) {
        return std::unexpected(std::move(text.error().message));
    }
    const std::string& dir = cat.site.news_dir.value;
    std::string path = dir.empty() ? news_file_name(season) : dir + "/" + news_file_name(season);
    return SiteFile{std::move(*text), std::move(path), "[site] news_dir", dir, SitePathKind::folder};
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

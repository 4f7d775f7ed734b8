#include "site_files.hpp"

#include "context.hpp"
#include "schedule.hpp"
#include "template_views.hpp"

namespace wtool {

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
    if (webinar) {
        return {std::move(text), cat.site.webinar_page.value, "[site] webinar_page"};
    }
    return {std::move(text), cat.site.talks_page.value, "[site] talks_page"};
}

SiteFile render_news_post(const Catalogue& cat, const TemplateSet& templates, const Season& season) {
    auto view = news_view(cat, season, Escaping::markdown);
    if (!view) {
        throw CommandError(view.error());
    }
    const std::string& dir = cat.site.news_dir.value;
    std::string path = dir.empty() ? news_file_name(season) : dir + "/" + news_file_name(season);
    return {rendered_or_throw(templates, "news", *view), std::move(path), "[site] news_dir"};
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

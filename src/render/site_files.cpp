#include "render/site_files.hpp"

#include "catalogue/schedule.hpp"
#include "render/template_views.hpp"

#include "time/time_format.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

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

std::optional<NoNews> no_news(const Catalogue& cat, const Season& season, tz::Instant now) {
    const int n = season.number.value;
    if (season.cancelled.value) {
        return NoNews{NoNews::Kind::cancelled, fmt::format("season {} was cancelled: there is no news post to write", n)};
    }
    const auto end = season_end(cat, season);
    if (!season.date.present || !end) {
        return NoNews{NoNews::Kind::tba, fmt::format("season {} has no date yet: a news post needs one", n)};
    }
    if (*end > now) {
        const tz::ZonedView local = tz::in_zone(*series_zone(cat), *end);
        return NoNews{NoNews::Kind::not_over,
                      fmt::format("season {} has not taken place yet: it ends on {} at {} {}", n,
                                  tz::format_iso_date(date::floor<date::days>(local.local)),
                                  tz::format_clock_24h(local.local), tz::format_zone_label(local))};
    }
    return std::nullopt;
}

std::vector<const Season*> seasons_with_news(const Catalogue& cat, tz::Instant now) {
    std::vector<const Season*> out;
    for (const Season* s : cat.seasons_by_number()) {
        if (!no_news(cat, *s, now)) {
            out.push_back(s);
        }
    }
    return out;
}

} // namespace wtool

// The files of a Jekyll site that wtool generates: the webinar page, the talks page and one
// news post per season, each rendered from its template with the path the catalogue's [site]
// table gives it. Shared by `page` and `news`; pure (catalogue in, text out).
#pragma once

#include "catalogue/catalogue.hpp"
#include "catalogue/site_paths.hpp"
#include "render/templates.hpp"
#include "time/timezone.hpp"

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wtool {

struct SiteFile {
    std::string content;
    std::string site_path; // where it goes in the site tree
    std::string site_key;  // the catalogue key that says so, for messages
    std::string key_value; // that key's value: the file's path, or the news folder
    SitePathKind key_kind = SitePathKind::file;
};

// The webinar page ("webinar") or the talks page ("talks") as of `now`; the message when the
// catalogue or a template cannot be rendered.
std::expected<SiteFile, std::string> render_site_page(const Catalogue& cat, const TemplateSet& templates,
                                                      const std::string& page, tz::Instant now);

// The news post of a dated, not cancelled season; the message when it cannot be rendered.
std::expected<SiteFile, std::string> render_news_post(const Catalogue& cat, const TemplateSet& templates,
                                                      const Season& season);

// Why a season has no news post (yet) at `now`: news is for days that happened.
struct NoNews {
    enum class Kind {
        tba,       // no date: no post can be written
        cancelled, // the day did not happen
        not_over,  // the day has not ended at `now`
    };
    Kind kind = Kind::tba;
    std::string message; // "season 5 has not taken place yet: it ends on 2026-11-18 at 13:00 EST"
};

// nullopt when the season has a news post at `now`: it has a date, was not cancelled and has
// ended (schedule.hpp season_ended).
std::optional<NoNews> no_news(const Catalogue& cat, const Season& season, tz::Instant now);

// The seasons that have a news post to write at `now` (no_news is nullopt), in number order.
std::vector<const Season*> seasons_with_news(const Catalogue& cat, tz::Instant now);

} // namespace wtool

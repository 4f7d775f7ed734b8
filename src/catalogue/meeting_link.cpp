#include "catalogue/meeting_link.hpp"

#include "net/meeting_platform.hpp"
#include "net/url.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace wtool {

namespace {

bool uses_meeting_url(const Catalogue& cat) {
    return cat.series.meeting_url.present ||
           std::ranges::any_of(cat.seasons, [](const Season& s) { return s.meeting_url.present; });
}

} // namespace

MeetingLink season_meeting_link(const Catalogue& cat, const Season& season) {
    MeetingLink link;
    if (season.meeting_url.present) {
        link.url = &season.meeting_url;
    } else if (season.zoom_url.present) {
        link.url = &season.zoom_url;
    } else if (cat.series.meeting_url.present) {
        link.url = &cat.series.meeting_url;
    }
    if (link.url == nullptr) {
        link.zoom = !uses_meeting_url(cat);
        link.known_platform = link.zoom;
        link.platform = link.zoom ? "Zoom" : "Online";
        return link;
    }
    const auto parsed = url::parse(link.url->value);
    const std::string_view platform = parsed ? url::meeting_platform(parsed->host) : std::string_view{};
    link.known_platform = !platform.empty();
    link.platform = link.known_platform ? std::string(platform) : std::string("Online");
    link.zoom = parsed && url::is_zoom_host(parsed->host);
    return link;
}

std::optional<std::string> meeting_url_problem(std::string_view link) {
    const auto parsed = url::parse(link);
    if (!parsed) {
        return fmt::format("is not a URL: {}", parsed.error());
    }
    if (parsed->scheme != "https") {
        return std::string("is not an https link");
    }
    return std::nullopt;
}

std::string_view meeting_link_noun(const Catalogue& cat) {
    return uses_meeting_url(cat) ? "meeting link" : "Zoom link";
}

} // namespace wtool

#include "net/url.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <array>
#include <curl/curl.h>
#include <memory>

namespace wtool::url {

namespace {

// The URL handle of this thread, reused for every URL: making and freeing a handle per URL costs
// a fifth of the parse. Setting the whole URL to NULL empties it first (curl 7.84 and later), so
// that nothing of the previous URL can be resolved against.
CURLU* empty_handle() {
    struct Free {
        void operator()(CURLU* h) const { curl_url_cleanup(h); }
    };
    thread_local const std::unique_ptr<CURLU, Free> handle{curl_url()};
    if (handle) {
        curl_url_set(handle.get(), CURLUPART_URL, nullptr, 0);
    }
    return handle.get();
}

std::string get_part(CURLU* h, CURLUPart part) {
    char* value = nullptr;
    if (curl_url_get(h, part, &value, 0) != CURLUE_OK || value == nullptr) {
        return {};
    }
    std::string out(value);
    curl_free(value);
    return out;
}

std::string describe(CURLUcode rc) {
    switch (rc) {
    case CURLUE_BAD_SCHEME: return "unsupported or missing scheme";
    case CURLUE_MALFORMED_INPUT: return "malformed URL";
    case CURLUE_BAD_PORT_NUMBER: return "bad port number";
    case CURLUE_NO_HOST: return "no host name";
    default: return curl_url_strerror(rc);
    }
}

bool is_tracking_param(std::string_view name) {
    static constexpr std::array<std::string_view, 7> names = {"si", "feature", "pp", "fbclid", "gclid", "ab_channel", "app"};
    return std::ranges::find(names, name) != names.end() || name.starts_with("utm_");
}

bool valid_video_id(std::string_view id) {
    return id.size() == 11 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_';
           });
}

} // namespace

std::expected<Url, std::string> parse(std::string_view text) {
    if (text.empty()) {
        return std::unexpected(std::string("empty URL"));
    }
    if (std::any_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; })) {
        return std::unexpected(std::string("contains a blank"));
    }
    CURLU* h = empty_handle();
    if (h == nullptr) {
        return std::unexpected(std::string("out of memory"));
    }
    const std::string copy(text);
    const CURLUcode rc = curl_url_set(h, CURLUPART_URL, copy.c_str(), CURLU_NON_SUPPORT_SCHEME);
    if (rc != CURLUE_OK) {
        return std::unexpected(describe(rc));
    }
    // curl accepts "https:example.com"; a URL in a catalogue must spell out "//".
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || text.substr(colon + 1, 2) != "//") {
        return std::unexpected(std::string("missing '//' after the scheme"));
    }
    Url u;
    u.host = text::to_lower_ascii(get_part(h, CURLUPART_HOST));
    if (u.host.empty()) {
        return std::unexpected(std::string("no host name"));
    }
    u.scheme = text::to_lower_ascii(get_part(h, CURLUPART_SCHEME));
    u.path = get_part(h, CURLUPART_PATH);
    u.query = get_part(h, CURLUPART_QUERY);
    if (u.path.empty()) {
        u.path = "/";
    }
    return u;
}

std::vector<std::pair<std::string, std::string>> query_params(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> out;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view item = query.substr(0, amp);
        if (!item.empty()) {
            const std::size_t eq = item.find('=');
            out.emplace_back(std::string(item.substr(0, eq)),
                             eq == std::string_view::npos ? std::string{} : std::string(item.substr(eq + 1)));
        }
        if (amp == std::string_view::npos) {
            break;
        }
        query.remove_prefix(amp + 1);
    }
    return out;
}

bool host_is(std::string_view host, std::string_view domain) {
    if (text::iequals_ascii(host, domain)) {
        return true;
    }
    return host.size() > domain.size() && host[host.size() - domain.size() - 1] == '.' &&
           text::iequals_ascii(host.substr(host.size() - domain.size()), domain);
}

std::optional<YouTubeLink> parse_youtube(const Url& u) {
    const bool short_host = host_is(u.host, "youtu.be");
    const bool long_host = host_is(u.host, "youtube.com") || host_is(u.host, "youtube-nocookie.com");
    if (!short_host && !long_host) {
        return std::nullopt;
    }
    YouTubeLink link;
    std::string t;
    for (const auto& [name, value] : query_params(u.query)) {
        if (is_tracking_param(name)) {
            link.tracking.push_back(name);
        } else if (name == "v") {
            link.video_id = value;
        } else if (name == "list") {
            link.playlist_id = value;
        } else if (name == "t" || name == "start") {
            t = value;
        }
    }
    std::string_view path = u.path;
    const auto segment_after = [&](std::string_view prefix) -> std::optional<std::string> {
        if (!path.starts_with(prefix)) {
            return std::nullopt;
        }
        std::string_view rest = path.substr(prefix.size());
        return std::string(rest.substr(0, rest.find('/')));
    };
    if (short_host) {
        const std::string_view rest = path.substr(1);
        link.video_id = std::string(rest.substr(0, rest.find('/')));
    } else if (path == "/watch") {
        // video id from v=
    } else if (path == "/playlist") {
        link.kind = YouTubeLink::Kind::playlist;
    } else {
        for (std::string_view prefix : {"/shorts/", "/live/", "/embed/", "/v/", "/e/"}) {
            if (auto id = segment_after(prefix)) {
                link.video_id = *id;
                break;
            }
        }
    }
    if (link.kind == YouTubeLink::Kind::playlist) {
        if (!link.playlist_id.empty()) {
            link.canonical = "https://www.youtube.com/playlist?list=" + link.playlist_id;
        }
        return link;
    }
    if (valid_video_id(link.video_id)) {
        link.kind = YouTubeLink::Kind::video;
        link.canonical = "https://www.youtube.com/watch?v=" + link.video_id;
        if (!link.playlist_id.empty()) {
            link.canonical += "&list=" + link.playlist_id;
        }
        if (!t.empty()) {
            link.canonical += "&t=" + t;
        }
    } else {
        link.kind = YouTubeLink::Kind::other;
    }
    return link;
}

bool is_zoom_host(std::string_view host) {
    return host_is(host, "zoom.us");
}

bool is_zoom_meeting_path(std::string_view path) {
    static constexpr std::array<std::string_view, 5> prefixes = {"/j/", "/meeting/register/", "/webinar/register/",
                                                                 "/w/", "/s/"};
    return std::ranges::any_of(prefixes, [&](std::string_view prefix) {
        return path.starts_with(prefix) && path.size() > prefix.size();
    });
}

Service classify(const Url& u) {
    if (const auto yt = parse_youtube(u)) {
        if (yt->kind == YouTubeLink::Kind::video) {
            return Service::youtube_video;
        }
        if (yt->kind == YouTubeLink::Kind::playlist && !yt->playlist_id.empty()) {
            return Service::youtube_playlist;
        }
        return Service::web;
    }
    if (is_zoom_host(u.host) && is_zoom_meeting_path(u.path)) {
        return Service::zoom_meeting;
    }
    return Service::web;
}

std::expected<std::string, std::string> append_query(std::string_view url, std::string_view name,
                                                     std::string_view value) {
    CURLU* h = empty_handle();
    if (h == nullptr) {
        return std::unexpected(std::string("out of memory"));
    }
    const std::string base(url);
    if (const CURLUcode rc = curl_url_set(h, CURLUPART_URL, base.c_str(), 0); rc != CURLUE_OK) {
        return std::unexpected(describe(rc));
    }
    std::string param(name);
    param += '=';
    param += value;
    if (const CURLUcode rc = curl_url_set(h, CURLUPART_QUERY, param.c_str(), CURLU_APPENDQUERY | CURLU_URLENCODE);
        rc != CURLUE_OK) {
        return std::unexpected(describe(rc));
    }
    return get_part(h, CURLUPART_URL);
}

} // namespace wtool::url

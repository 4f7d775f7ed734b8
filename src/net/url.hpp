// URL parsing (through libcurl's URL API, never by hand) and what wtool knows about the two
// kinds of links a series lives on: YouTube recordings and Zoom registrations.
#pragma once

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wtool::url {

struct Url {
    std::string scheme; // lower case
    std::string host;   // lower case
    std::string path;   // "/" when empty
    std::string query;  // without '?', still percent-encoded
};

// Parses an absolute URL. Errors name what is wrong ("no scheme", "bad host name", ...).
std::expected<Url, std::string> parse(std::string_view text);

// The query's name=value pairs in order (values still percent-encoded).
std::vector<std::pair<std::string, std::string>> query_params(std::string_view query);

// Whether `host` is `domain` or a subdomain of it (case-insensitive).
bool host_is(std::string_view host, std::string_view domain);

// What a YouTube URL points at.
struct YouTubeLink {
    enum class Kind { video, playlist, other } kind = Kind::other;
    std::string video_id;              // for videos
    std::string playlist_id;           // list=..., for playlists and videos in a playlist
    std::vector<std::string> tracking; // names of tracking parameters present (si, feature, utm_*, ...)
    std::string canonical;             // https://www.youtube.com/watch?v=ID[&list=..][&t=..] or /playlist?list=ID
};

// Recognises youtube.com (www., m., music.), youtu.be and youtube-nocookie.com links to a video
// (watch, youtu.be, shorts, live, embed, v) or a playlist. nullopt for other hosts.
std::optional<YouTubeLink> parse_youtube(const Url& u);

// Whether this is a Zoom host (zoom.us or a subdomain such as itucph.zoom.us).
bool is_zoom_host(std::string_view host);
// Whether the path is a Zoom meeting or registration link: /j/..., /meeting/register/...,
// /webinar/register/..., /w/...
bool is_zoom_meeting_path(std::string_view path);

// Which service a link belongs to, so that it can be checked the way that service needs.
enum class Service {
    youtube_video,    // a YouTube video (parse_youtube kind video)
    youtube_playlist, // a YouTube playlist with a list id
    zoom_meeting,     // a Zoom meeting, webinar or registration link
    web,              // anything else, including other YouTube and Zoom pages
};
Service classify(const Url& u);

// `url` with "name=value" appended to its query, the value percent-encoded by libcurl (so a
// whole URL can be a parameter). An error when `url` does not parse.
std::expected<std::string, std::string> append_query(std::string_view url, std::string_view name,
                                                     std::string_view value);

} // namespace wtool::url

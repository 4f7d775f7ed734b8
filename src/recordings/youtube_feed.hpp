// A YouTube playlist's Atom feed (https://www.youtube.com/feeds/videos.xml?playlist_id=ID), read
// with expat (a real XML parser; namespaces resolved, so prefixes do not matter): each entry's
// video id (yt:videoId), title, link, publication time and description (media:group/
// media:description). The feed is outside input: a document type declaration (and so every
// entity trick) is refused, entries and texts are bounded, and expat keeps its own stack, so no
// depth of nesting costs ours.
#pragma once

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace wtool::recordings {

struct FeedVideo {
    std::string video_id;    // 11 characters of [A-Za-z0-9_-]
    std::string title;       // as the uploader wrote it
    std::string url;         // https://www.youtube.com/watch?v=<id>
    std::string published;   // the feed's ISO 8601 time, e.g. 2026-03-04T10:00:00+00:00
    std::string description; // may be empty
};

struct Feed {
    std::string title;             // the playlist's title
    std::vector<FeedVideo> videos; // in feed order (YouTube: the newest 15)
    std::size_t skipped = 0;       // entries without a valid video id
};

// Bounds on outside input: more entries are ignored (counted in `skipped`), longer texts are cut.
inline constexpr std::size_t max_feed_entries = 1000;
inline constexpr std::size_t max_feed_text = 20000; // bytes of one title or description

// Parses the feed. Errors, for people: "not XML: <expat's reason> at line L, column C", "not an
// Atom feed (its root element is 'html')", "not an Atom feed (it is a 'html' document)", "the feed
// declares a document type, which a YouTube feed never does".
std::expected<Feed, std::string> parse_youtube_feed(std::string_view xml);

} // namespace wtool::recordings

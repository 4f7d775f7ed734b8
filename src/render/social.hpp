// How long a social-media post is, counted the way the platforms count, rounded up so that a post
// wtool says fits does fit:
//   - Mastodon (500 by default) counts characters and every link as 23, however long;
//   - Bluesky (300) counts grapheme clusters (what a reader sees as one character) and links at
//     their full length.
// wtool counts Unicode code points (never fewer than grapheme clusters: "é" written as e + a
// combining accent is 2 here and 1 there) and each link (a word starting with http:// or
// https://) as its full length but at least 23. That is an upper bound for both platforms.
#pragma once

#include <cstddef>
#include <string_view>

namespace wtool::social {

// The length of `post` as above; a trailing line break is not counted.
std::size_t post_length(std::string_view post);

// The length every link counts at least (Mastodon's fixed link length).
inline constexpr std::size_t min_link_length = 23;

} // namespace wtool::social

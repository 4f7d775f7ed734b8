// Finding the links to check and where they are written: in the catalogue (every URL field, and
// every http(s) address inside its texts, e.g. the Markdown of [series.text]) and in other files
// (Markdown, HTML, plain lists of URLs). Each link comes with file:line:col and its role.
#pragma once

#include "catalogue/catalogue.hpp"
#include "support/source_pos.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wtool::links {

enum class Role {
    recording, // an episode's recording
    playlist,  // the series' playlist
    zoom,      // a season's Zoom link
    meeting,   // a meeting link of any platform (a season's or the series' meeting_url)
    homepage,  // an organiser's or speaker's homepage
    site,      // the series' site, webinar and talks URLs
    text,      // a link inside a text (Markdown page texts, abstracts, bios)
    file,      // a link in a FILE argument
};

// "recording", "playlist", "zoom", "meeting", "homepage", "site", "text", "file".
std::string_view role_name(Role role);

// One place a link is written.
struct Place {
    std::string file; // the catalogue's or the FILE's name as given; "<stdin>" for "-"
    SourcePos pos;    // of the link's first character
    Role role = Role::file;
    std::string where;         // what holds it: "S09E01 recording", "series.text.intro"; empty in files
    std::optional<int> season; // the season it belongs to (Zoom links of past seasons expire)
};

struct FoundLink {
    std::string url;
    Place place;
};

// Which part of the catalogue to collect from: everything, one season (its meeting link, which may
// be the series' meeting_url, and its episodes' links), or one episode.
struct Selection {
    std::optional<int> season;
    std::optional<std::string> episode; // an episode code, SxxEyy
};

// Every link in the catalogue within `selection`, in catalogue order (the order of
// for_each_text). URL fields give their whole value; texts give each http(s) address in them.
std::vector<FoundLink> collect_catalogue_links(const Catalogue& cat, const Selection& selection);

enum class TextFormat { markdown, html, plain };

// The format by file name: .md/.markdown → markdown, .html/.htm → html, anything else plain.
TextFormat text_format_for(const std::filesystem::path& path);

// An address found in a text, spelled in `length` bytes at byte `offset`.
struct TextUrl {
    std::string url;
    std::size_t offset = 0;
    std::size_t length = 0;
};

// Every absolute http(s) address in `text`: bare, in Markdown links and autolinks, in HTML
// attributes, one per line in a plain list. An address ends at a blank, a quote, '<', '>' or a
// backtick (and a "'" in HTML); trailing punctuation and an unbalanced ')' or ']' are not part
// of it. In Markdown and HTML, "&amp;" (and &#38;, &#x26;) in an address stands for '&'.
// Relative links are not found (they have no host to ask).
std::vector<TextUrl> find_urls(std::string_view text, TextFormat format);

// The links of a file's content, each with its line and column (in code points).
std::vector<FoundLink> collect_text_links(std::string_view content, const std::string& file_name, TextFormat format);

} // namespace wtool::links

#include "catalogue/catalogue_loader.hpp"
#include "links/links_collect.hpp"

#include <doctest/doctest.h>

using namespace wtool;
using namespace wtool::links;

namespace {

std::vector<std::string> urls_in(std::string_view text, TextFormat format = TextFormat::markdown) {
    std::vector<std::string> out;
    for (const TextUrl& u : find_urls(text, format)) {
        out.push_back(u.url);
    }
    return out;
}

std::string describe(const FoundLink& l) {
    std::string out = l.place.file + ":" + std::to_string(l.place.pos.line) + ":" + std::to_string(l.place.pos.column) +
                      " " + std::string(role_name(l.place.role)) + " '" + l.place.where + "' " + l.url;
    if (l.place.season) {
        out += " season " + std::to_string(*l.place.season);
    }
    return out;
}

constexpr const char* catalogue = R"([series]
title = "T"
timezone = "Europe/Copenhagen"
start_time = 15:00:00
site_url = "https://example.org"
playlist_url = "https://www.youtube.com/playlist?list=PL1"

[series.text]
intro = """
See [the talks](https://example.org/talks) and <https://example.org/a?x=1&y=2>.
Also [the talks](https://example.org/talks) again."""

[[season]]
number = 1
date = 2025-01-06
zoom_url = "https://x.zoom.us/j/111"

[[season]]
number = 2
date = 2026-03-02
zoom_url = "https://x.zoom.us/meeting/register/abc"

[[episode]]
code = "S01E01"
title = "A talk"
abstract = "Read http://inthepicture.itu.dk/."
recording = "https://www.youtube.com/watch?v=AUYmTQrZsRA"

[[episode.speaker]]
name = "Ada"
homepage = "https://ada.example.org/"

[[episode]]
code = "S02E01"
title = "Another talk"

[[episode.speaker]]
name = "Bob"
homepage = "https://bob.example.org/"
)";

} // namespace

TEST_CASE("finding addresses in texts") {
    SUBCASE("Markdown links, autolinks, bare addresses") {
        CHECK(urls_in("[a](https://x.org/a) <https://x.org/b> and https://x.org/c.") ==
              std::vector<std::string>{"https://x.org/a", "https://x.org/b", "https://x.org/c"});
        CHECK(urls_in("[a](https://x.org/a \"title\")") == std::vector<std::string>{"https://x.org/a"});
        CHECK(urls_in("(see https://en.wikipedia.org/wiki/Foo_(bar)), then") ==
              std::vector<std::string>{"https://en.wikipedia.org/wiki/Foo_(bar)"});
        CHECK(urls_in("[x](https://x.org/p?a=1&amp;b=2)") == std::vector<std::string>{"https://x.org/p?a=1&b=2"});
        CHECK(urls_in("`https://x.org/code`") == std::vector<std::string>{"https://x.org/code"});
        CHECK(urls_in("HTTPS://X.ORG/up, xhttps://no.org, http:// alone, /relative, www.x.org").size() == 1);
    }
    SUBCASE("HTML attributes") {
        CHECK(urls_in(R"(<a href="https://x.org/a?b=1&amp;c=2">x</a><img src='https://x.org/i.png'>)",
                      TextFormat::html) == std::vector<std::string>{"https://x.org/a?b=1&c=2", "https://x.org/i.png"});
    }
    SUBCASE("plain lists keep ampersand entities as written") {
        CHECK(urls_in("https://x.org/a\n  https://x.org/b?q=&amp;\n# https://x.org/c\n", TextFormat::plain) ==
              std::vector<std::string>{"https://x.org/a", "https://x.org/b?q=&amp", "https://x.org/c"});
    }
    SUBCASE("offsets") {
        const auto found = find_urls("ab https://x.org/é.", TextFormat::plain);
        REQUIRE(found.size() == 1);
        CHECK(found[0].offset == 3);
        CHECK(found[0].length == 16); // bytes: é takes two
    }
    SUBCASE("formats by file name") {
        CHECK(text_format_for("_pages/webinar.md") == TextFormat::markdown);
        CHECK(text_format_for("index.HTML") == TextFormat::html);
        CHECK(text_format_for("links.txt") == TextFormat::plain);
    }
}

TEST_CASE("positions of the links in a file") {
    const auto links =
        collect_text_links("# Page\n\nSee 👀 <https://x.org/a> and\nhttps://x.org/b\n", "p.md", TextFormat::markdown);
    REQUIRE(links.size() == 2);
    CHECK(describe(links[0]) == "p.md:3:8 file '' https://x.org/a");
    CHECK(describe(links[1]) == "p.md:4:1 file '' https://x.org/b");
}

TEST_CASE("links of the catalogue, with their places and roles") {
    Diagnostics diags;
    auto cat = parse_catalogue(catalogue, "c.toml", diags);
    REQUIRE(cat);
    SUBCASE("everything") {
        std::vector<std::string> got;
        for (const FoundLink& l : collect_catalogue_links(*cat, {})) {
            got.push_back(describe(l));
        }
        CHECK(got == std::vector<std::string>{
                         "c.toml:5:13 site 'series.site_url' https://example.org",
                         "c.toml:6:17 playlist 'series.playlist_url' https://www.youtube.com/playlist?list=PL1",
                         "c.toml:10:17 text 'series.text.intro' https://example.org/talks",
                         "c.toml:10:49 text 'series.text.intro' https://example.org/a?x=1&y=2",
                         "c.toml:11:18 text 'series.text.intro' https://example.org/talks",
                         "c.toml:16:13 zoom 'season 1 zoom_url' https://x.zoom.us/j/111 season 1",
                         "c.toml:21:13 zoom 'season 2 zoom_url' https://x.zoom.us/meeting/register/abc season 2",
                         "c.toml:26:18 text 'S01E01 abstract' http://inthepicture.itu.dk/ season 1",
                         "c.toml:27:14 recording 'S01E01 recording' https://www.youtube.com/watch?v=AUYmTQrZsRA "
                         "season 1",
                         "c.toml:31:13 homepage 'S01E01 speaker 1 homepage' https://ada.example.org/ season 1",
                         "c.toml:39:13 homepage 'S02E01 speaker 1 homepage' https://bob.example.org/ season 2",
                     });
    }
    SUBCASE("one season") {
        std::vector<std::string> got;
        for (const FoundLink& l : collect_catalogue_links(*cat, {.season = 2, .episode = std::nullopt})) {
            got.push_back(describe(l));
        }
        CHECK(got == std::vector<std::string>{
                         "c.toml:21:13 zoom 'season 2 zoom_url' https://x.zoom.us/meeting/register/abc season 2",
                         "c.toml:39:13 homepage 'S02E01 speaker 1 homepage' https://bob.example.org/ season 2",
                     });
    }
    SUBCASE("one episode") {
        const auto links = collect_catalogue_links(*cat, {.season = std::nullopt, .episode = "S01E01"});
        REQUIRE(links.size() == 3);
        CHECK(links[0].place.role == Role::text);
        CHECK(links[1].place.role == Role::recording);
        CHECK(links[2].place.role == Role::homepage);
        CHECK(collect_catalogue_links(*cat, {.season = std::nullopt, .episode = "S09E09"}).empty());
    }
}

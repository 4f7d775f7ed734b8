#include "net/url.hpp"

#include <doctest/doctest.h>

using namespace wtool;

TEST_CASE("parsing URLs with libcurl") {
    const auto u = url::parse("https://itucph.zoom.us/meeting/register/7Uu9dZ9TQVO75y1arqSp4g?x=1#f");
    REQUIRE(u);
    CHECK(u->scheme == "https");
    CHECK(u->host == "itucph.zoom.us");
    CHECK(u->path == "/meeting/register/7Uu9dZ9TQVO75y1arqSp4g");
    CHECK(u->query == "x=1");
    CHECK_FALSE(url::parse("not a url"));
    CHECK_FALSE(url::parse("https//example.com"));
    CHECK_FALSE(url::parse("https:example.com"));
    CHECK_FALSE(url::parse(""));
    CHECK(url::parse("HTTPS://Example.COM")->host == "example.com");
}

TEST_CASE("each URL is parsed on its own, though one libcurl handle is reused") {
    REQUIRE(url::parse("https://example.org/a/b?q=1"));
    // Resolved against the previous URL this would be https://example.org/a/c/d.
    CHECK_FALSE(url::parse("c/d"));
    CHECK_FALSE(url::parse("/c/d"));
    REQUIRE(url::parse("https://example.org/a/b?q=1"));
    CHECK_FALSE(url::parse("_x://example.com/")); // "_x" is no scheme: a relative URL
    REQUIRE(url::parse("https://example.org/a/b?q=1"));
    const auto next = url::parse("https://example.com");
    REQUIRE(next);
    CHECK(next->host == "example.com");
    CHECK(next->path == "/");
    CHECK(next->query.empty());
    REQUIRE(url::parse("https://example.org/a/b?q=1"));
    CHECK(url::parse("file:///etc/hosts").error() == "no host name");
}

TEST_CASE("YouTube links") {
    const auto yt = [](std::string_view s) { return url::parse_youtube(*url::parse(s)); };
    SUBCASE("every video form has the same canonical URL") {
        for (const char* s :
             {"https://youtu.be/1qH-FpyqXtM", "https://www.youtube.com/watch?v=1qH-FpyqXtM",
              "https://m.youtube.com/watch?v=1qH-FpyqXtM&feature=share", "https://youtube.com/shorts/1qH-FpyqXtM",
              "https://www.youtube.com/live/1qH-FpyqXtM", "https://www.youtube.com/embed/1qH-FpyqXtM",
              "https://www.youtube-nocookie.com/embed/1qH-FpyqXtM",
              "https://youtu.be/1qH-FpyqXtM?si=vktQtJcAR6vgIr2c"}) {
            CAPTURE(s);
            const auto link = yt(s);
            REQUIRE(link);
            CHECK(link->kind == url::YouTubeLink::Kind::video);
            CHECK(link->video_id == "1qH-FpyqXtM");
            CHECK(link->canonical == "https://www.youtube.com/watch?v=1qH-FpyqXtM");
        }
    }
    SUBCASE("tracking parameters are named") {
        CHECK(yt("https://youtu.be/1qH-FpyqXtM?si=x&utm_source=y")->tracking ==
              std::vector<std::string>{"si", "utm_source"});
    }
    SUBCASE("playlists") {
        const auto p = yt("https://youtube.com/playlist?list=PLWCikipQZ8HILJaadZnNVyC9cLpg7A2dy&si=PIOq9ba2dxLcj2tQ");
        CHECK(p->kind == url::YouTubeLink::Kind::playlist);
        CHECK(p->canonical == "https://www.youtube.com/playlist?list=PLWCikipQZ8HILJaadZnNVyC9cLpg7A2dy");
    }
    SUBCASE("not YouTube, or not a video") {
        CHECK_FALSE(yt("https://example.com/watch?v=1qH-FpyqXtM"));
        CHECK_FALSE(yt("https://notyoutube.com/watch?v=1qH-FpyqXtM"));
        CHECK(yt("https://www.youtube.com/watch?v=short")->kind == url::YouTubeLink::Kind::other);
        CHECK(yt("https://www.youtube.com/@channel")->kind == url::YouTubeLink::Kind::other);
    }
}

TEST_CASE("Zoom links") {
    CHECK(url::is_zoom_host("zoom.us"));
    CHECK(url::is_zoom_host("itucph.zoom.us"));
    CHECK_FALSE(url::is_zoom_host("zoom.us.evil.example"));
    CHECK_FALSE(url::is_zoom_host("notzoom.us"));
    CHECK(url::is_zoom_meeting_path("/meeting/register/abc"));
    CHECK(url::is_zoom_meeting_path("/j/61746892111"));
    CHECK(url::is_zoom_meeting_path("/webinar/register/WN_abc"));
    CHECK_FALSE(url::is_zoom_meeting_path("/pricing"));
}

TEST_CASE("services of links") {
    const auto service = [](std::string_view s) { return url::classify(*url::parse(s)); };
    CHECK(service("https://youtu.be/1qH-FpyqXtM") == url::Service::youtube_video);
    CHECK(service("https://www.youtube.com/shorts/1qH-FpyqXtM") == url::Service::youtube_video);
    CHECK(service("https://www.youtube.com/live/1qH-FpyqXtM?si=x") == url::Service::youtube_video);
    CHECK(service("https://www.youtube.com/playlist?list=PLWC") == url::Service::youtube_playlist);
    CHECK(service("https://www.youtube.com/playlist") == url::Service::web);
    CHECK(service("https://www.youtube.com/watch?v=short") == url::Service::web);
    CHECK(service("https://itucph.zoom.us/meeting/register/7Uu9dZ9TQVO75y1arqSp4g") == url::Service::zoom_meeting);
    CHECK(service("https://zoom.us/webinar/register/WN_abc") == url::Service::zoom_meeting);
    CHECK(service("https://itucph.zoom.us/j/61746892111") == url::Service::zoom_meeting);
    CHECK(service("https://zoom.us/") == url::Service::web);
    CHECK(service("https://zoom.us.evil.example/j/1") == url::Service::web);
    CHECK(service("https://example.org/j/1") == url::Service::web);
}

TEST_CASE("appending a query parameter") {
    CHECK(url::append_query("https://www.youtube.com/oembed", "url", "https://youtu.be/x?a=1&b=2 c") ==
          "https://www.youtube.com/oembed?url=https%3a%2f%2fyoutu.be%2fx%3fa%3d1%26b%3d2+c");
    CHECK(url::append_query("http://127.0.0.1:8080/o?k=v", "format", "json") ==
          "http://127.0.0.1:8080/o?k=v&format=json");
    CHECK_FALSE(url::append_query("not a url", "a", "b"));
}

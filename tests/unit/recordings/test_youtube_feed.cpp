#include "recordings/youtube_feed.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace wtool::recordings;

namespace {

std::string fixture(const char* name) {
    std::ifstream in(std::string(WTOOL_SOURCE_DIR) + "/tests/data/recordings/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("a playlist feed") {
    const auto feed = parse_youtube_feed(fixture("season9.xml"));
    REQUIRE_MESSAGE(feed, feed.error());
    CHECK(feed->title == "Datasets through the L👀king-Glass");
    REQUIRE(feed->videos.size() == 6);
    CHECK(feed->skipped == 0);
    const FeedVideo& v = feed->videos[1];
    CHECK(v.video_id == "AUYmTQrZsRA");
    CHECK(v.title == "Datasets through the L👀king-Glass S09E01 – From Metrics to Meaning (Evangelia Christodoulou)");
    CHECK(v.url == "https://www.youtube.com/watch?v=AUYmTQrZsRA");
    CHECK(v.published == "2026-03-04T10:00:00+00:00");
    CHECK(v.description == "Talk 1 of the ninth edition & more.");
    CHECK(feed->videos[0].description == "Coming soon.");
    CHECK(feed->videos[2].description.empty());
    CHECK(feed->videos[5].title == "Q&A \u202Esession"); // character references decoded
}

TEST_CASE("namespace prefixes do not matter, only their URIs") {
    const auto feed = parse_youtube_feed(
        "<a:feed xmlns:a='http://www.w3.org/2005/Atom' xmlns:y='http://www.youtube.com/xml/schemas/2015'>"
        "<a:entry><y:videoId>AUYmTQrZsRA</y:videoId><a:title>T</a:title></a:entry></a:feed>");
    REQUIRE(feed);
    REQUIRE(feed->videos.size() == 1);
    CHECK(feed->videos[0].title == "T");
    // A videoId in another namespace is not YouTube's.
    const auto other = parse_youtube_feed("<feed xmlns='http://www.w3.org/2005/Atom'><entry><videoId>AUYmTQrZsRA"
                                          "</videoId></entry></feed>");
    REQUIRE(other);
    CHECK(other->videos.empty());
    CHECK(other->skipped == 1);
}

TEST_CASE("what is not a feed") {
    const auto error = [](std::string_view xml) {
        auto f = parse_youtube_feed(xml);
        return f ? std::string("<parsed>") : f.error();
    };
    CHECK(error("") == "not XML: no element found at line 1, column 1");
    CHECK(error("<html><body>Not found</body></html>") == "not an Atom feed (its root element is 'html')");
    CHECK(error("<feed xmlns='http://www.w3.org/2005/Atom'><entry>").starts_with("not XML: no element found"));
    CHECK(error("{\"error\": 404}").starts_with("not XML: not well-formed (invalid token) at line 1, column 1"));
    // Entities: refused with the document type that would define them (billion laughs, XXE).
    CHECK(error("<?xml version='1.0'?><!DOCTYPE feed [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;&a;'>]>"
                "<feed xmlns='http://www.w3.org/2005/Atom'><title>&b;</title></feed>") ==
          "the feed declares a document type, which a YouTube feed never does");
    CHECK(error("<!DOCTYPE feed SYSTEM 'file:///etc/passwd'><feed/>") ==
          "the feed declares a document type, which a YouTube feed never does");
    CHECK(error("<!DOCTYPE html>\n<html><body>Oops</body></html>") == "not an Atom feed (it is a 'html' document)");
    // An entry without a valid video id is skipped.
    const auto skipped = parse_youtube_feed("<feed xmlns='http://www.w3.org/2005/Atom' xmlns:yt='http://www.youtube."
                                            "com/xml/schemas/2015'><entry><yt:videoId>bad id</yt:videoId></entry></feed>");
    REQUIRE(skipped);
    CHECK(skipped->videos.empty());
    CHECK(skipped->skipped == 1);
}

TEST_CASE("bounds on outside input") {
    // Deep nesting costs no stack of ours; long texts are cut; too many entries are skipped.
    const std::string deep = "<feed xmlns='http://www.w3.org/2005/Atom'>" + std::string(100000, '\0') + "</feed>";
    std::string nested = "<feed xmlns='http://www.w3.org/2005/Atom'>";
    for (int i = 0; i < 50000; ++i) {
        nested += "<x>";
    }
    for (int i = 0; i < 50000; ++i) {
        nested += "</x>";
    }
    nested += "</feed>";
    CHECK(parse_youtube_feed(nested));
    CHECK(!parse_youtube_feed(deep)); // NUL is not XML

    const std::string long_title = "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:yt='http://www.youtube.com/xml/"
                                   "schemas/2015'><entry><yt:videoId>AUYmTQrZsRA</yt:videoId><title>" +
                                   std::string(100000, 'x') + "</title></entry></feed>";
    const auto cut = parse_youtube_feed(long_title);
    REQUIRE(cut);
    CHECK(cut->videos.at(0).title.size() == max_feed_text);

    std::string many = "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:yt='http://www.youtube.com/xml/schemas/2015'>";
    for (std::size_t i = 0; i < max_feed_entries + 5; ++i) {
        many += "<entry><yt:videoId>AUYmTQrZsRA</yt:videoId></entry>";
    }
    many += "</feed>";
    const auto bounded = parse_youtube_feed(many);
    REQUIRE(bounded);
    CHECK(bounded->videos.size() == max_feed_entries);
    CHECK(bounded->skipped == 5);
}

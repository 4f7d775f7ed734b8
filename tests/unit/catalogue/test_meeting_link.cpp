#include "catalogue/catalogue_loader.hpp"
#include "catalogue/meeting_link.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {

Catalogue load(std::string_view series_extra, std::string_view seasons) {
    const std::string text = "[series]\ntitle = \"T\"\ntimezone = \"America/New_York\"\nstart_time = 12:00:00\n" +
                             std::string(series_extra) + "\n" + std::string(seasons);
    Diagnostics diags;
    auto cat = parse_catalogue(text, "c.toml", diags);
    REQUIRE(cat);
    return std::move(*cat);
}

std::string link_of(const MeetingLink& m) {
    return m.url != nullptr ? m.url->value.str() : std::string("(none)");
}

} // namespace

TEST_CASE("a season's meeting link") {
    const std::string meet = "meeting_url = \"https://meet.google.com/abc-defg-hij\"";
    SUBCASE("its own meeting_url, else its own zoom_url, else the series' meeting_url") {
        const Catalogue cat = load(meet, "[[season]]\nnumber = 1\nmeeting_url = \"https://meet.jit.si/one\"\n"
                                         "[[season]]\nnumber = 2\nzoom_url = \"https://x.zoom.us/j/2\"\n"
                                         "[[season]]\nnumber = 3\n");
        const MeetingLink one = season_meeting_link(cat, cat.seasons[0]);
        CHECK(link_of(one) == "https://meet.jit.si/one");
        CHECK(one.platform == "Jitsi Meet");
        CHECK(one.known_platform);
        CHECK_FALSE(one.zoom);
        const MeetingLink two = season_meeting_link(cat, cat.seasons[1]);
        CHECK(link_of(two) == "https://x.zoom.us/j/2");
        CHECK(two.platform == "Zoom");
        CHECK(two.zoom);
        const MeetingLink three = season_meeting_link(cat, cat.seasons[2]);
        CHECK(link_of(three) == "https://meet.google.com/abc-defg-hij");
        CHECK(three.url == &cat.series.meeting_url);
        CHECK(three.platform == "Google Meet");
    }
    SUBCASE("a season's meeting_url wins over its zoom_url (validate calls both an error)") {
        const Catalogue cat = load("", "[[season]]\nnumber = 1\nzoom_url = \"https://x.zoom.us/j/1\"\n"
                                       "meeting_url = \"https://teams.live.com/meet/1\"\n");
        const MeetingLink m = season_meeting_link(cat, cat.seasons[0]);
        CHECK(link_of(m) == "https://teams.live.com/meet/1");
        CHECK(m.platform == "Microsoft Teams");
    }
    SUBCASE("a Zoom link given as meeting_url is Zoom") {
        const Catalogue cat =
            load("meeting_url = \"https://x.zoom.us/meeting/register/a\"", "[[season]]\nnumber = 1\n");
        const MeetingLink m = season_meeting_link(cat, cat.seasons[0]);
        CHECK(m.platform == "Zoom");
        CHECK(m.zoom);
    }
    SUBCASE("a host wtool does not know is an online meeting") {
        const Catalogue cat = load("", "[[season]]\nnumber = 1\nmeeting_url = \"https://video.example.org/r/1\"\n");
        const MeetingLink m = season_meeting_link(cat, cat.seasons[0]);
        CHECK(link_of(m) == "https://video.example.org/r/1");
        CHECK(m.platform == "Online");
        CHECK_FALSE(m.known_platform);
        CHECK_FALSE(m.zoom);
    }
    SUBCASE("no link: Zoom in a catalogue of zoom_url only, as before meeting_url existed") {
        const Catalogue zoom_only = load("", "[[season]]\nnumber = 1\nzoom_url = \"https://x.zoom.us/j/1\"\n"
                                             "[[season]]\nnumber = 2\n");
        const MeetingLink m = season_meeting_link(zoom_only, zoom_only.seasons[1]);
        CHECK(m.url == nullptr);
        CHECK(m.platform == "Zoom");
        CHECK(m.zoom);
        CHECK(meeting_link_noun(zoom_only) == "Zoom link");
        const Catalogue mixed = load("", "[[season]]\nnumber = 1\nmeeting_url = \"https://meet.jit.si/a\"\n"
                                         "[[season]]\nnumber = 2\n");
        const MeetingLink n = season_meeting_link(mixed, mixed.seasons[1]);
        CHECK(n.url == nullptr);
        CHECK(n.platform == "Online");
        CHECK_FALSE(n.zoom);
        CHECK(meeting_link_noun(mixed) == "meeting link");
    }
}

TEST_CASE("meeting links given on the command line") {
    CHECK_FALSE(meeting_url_problem("https://meet.google.com/abc-defg-hij"));
    CHECK(meeting_url_problem("http://meet.google.com/abc") == "is not an https link");
    CHECK(meeting_url_problem("meet.google.com/abc") == "is not a URL: unsupported or missing scheme");
    CHECK(meeting_url_problem("") == "is not a URL: empty URL");
}

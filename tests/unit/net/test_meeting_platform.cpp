#include "net/meeting_platform.hpp"
#include "net/url.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {

std::string_view platform_of(std::string_view link) {
    const auto u = url::parse(link);
    REQUIRE(u);
    return url::meeting_platform(u->host);
}

} // namespace

TEST_CASE("meeting platforms by host") {
    SUBCASE("each platform's hosts") {
        CHECK(platform_of("https://zoom.us/j/123") == "Zoom");
        CHECK(platform_of("https://itucph.zoom.us/meeting/register/abc") == "Zoom");
        CHECK(platform_of("https://us06web.zoom.us/webinar/register/WN_abc") == "Zoom");
        CHECK(platform_of("https://meet.google.com/abc-defg-hij") == "Google Meet");
        CHECK(platform_of("https://teams.microsoft.com/l/meetup-join/x") == "Microsoft Teams");
        CHECK(platform_of("https://teams.live.com/meet/123") == "Microsoft Teams");
        CHECK(platform_of("https://webex.com/meet/ada") == "Webex");
        CHECK(platform_of("https://university.webex.com/meet/ada") == "Webex");
        CHECK(platform_of("https://meet.jit.si/CausalWeekly") == "Jitsi Meet");
        CHECK(platform_of("https://whereby.com/causal") == "Whereby");
        CHECK(platform_of("https://lab.whereby.com/causal") == "Whereby");
    }
    SUBCASE("case does not matter") {
        CHECK(url::meeting_platform("MEET.Google.com") == "Google Meet");
        CHECK(url::meeting_platform("ITUCPH.ZOOM.US") == "Zoom");
    }
    SUBCASE("other hosts are no platform wtool names") {
        CHECK(platform_of("https://video.example.org/room").empty());
        CHECK(platform_of("https://google.com/meet").empty());
        CHECK(platform_of("https://calendar.google.com/x").empty());   // a Google host, not Meet
        CHECK(platform_of("https://other.meet.google.com/x").empty()); // only Meet's own host
        CHECK(platform_of("https://microsoft.com/teams").empty());
        CHECK(platform_of("https://notzoom.us/j/1").empty()); // not a subdomain
        CHECK(platform_of("https://zoom.us.example.org/j/1").empty());
        CHECK(platform_of("https://jit.si/x").empty());
    }
    SUBCASE("Zoom is what is_zoom_host says") {
        for (const std::string_view host : {"zoom.us", "x.zoom.us", "notzoom.us", "zoom.us.example.org"}) {
            CHECK((url::meeting_platform(host) == "Zoom") == url::is_zoom_host(host));
        }
    }
}

#include "fake_http_client.hpp"
#include "links/links_verdict.hpp"

#include <doctest/doctest.h>

using namespace wtool;
using namespace wtool::links;
using wtool::testing::answer;
using wtool::testing::failure;

namespace {

http::Response response(int status, std::string body = {},
                        std::vector<std::pair<std::string, std::string>> headers = {}) {
    return answer(status, std::move(body), std::move(headers)).response;
}

http::Response failed(http::Failure f, std::string text = {}) {
    return failure(f, std::move(text)).response;
}

const ZoomMarkers default_markers{{"3001", "does not exist", "is invalid", "no longer valid", "has expired"},
                                  {"registration", "join meeting", "join webinar", "launch meeting"}};

std::chrono::sys_seconds at(int y, unsigned m, unsigned d, int hh, int mm, int ss) {
    return std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}} +
           std::chrono::hours{hh} + std::chrono::minutes{mm} + std::chrono::seconds{ss};
}

} // namespace

TEST_CASE("YouTube oEmbed answers") {
    SUBCASE("200 with a JSON object that has a type: ok, with the title") {
        const Verdict v = youtube_verdict(response(200, R"({"type":"video","title":"From Metrics to Meaning"})"));
        CHECK(v == Verdict{Status::ok, "ok", "YouTube knows it: \"From Metrics to Meaning\"", 200});
    }
    SUBCASE("200 with a type but no title") {
        CHECK(youtube_verdict(response(200, R"({"type":"rich"})")).detail == "YouTube knows it (oEmbed type 'rich')");
    }
    SUBCASE("401: ok with a warning, embedding disabled") {
        CHECK(youtube_verdict(response(401, "Unauthorized")) ==
              Verdict{Status::warning, "embedding-disabled",
                      "the video exists but its owner disabled embedding (oEmbed HTTP 401)", 401});
    }
    SUBCASE("403: private") {
        CHECK(youtube_verdict(response(403, "Forbidden")) ==
              Verdict{Status::broken, "private", "the video is private (oEmbed HTTP 403)", 403});
    }
    SUBCASE("200 that is not the JSON: private") {
        for (const char* body : {"<html>Sign in</html>", "", R"({"title":"no type"})", "[1,2]", R"({"type":3})"}) {
            CAPTURE(body);
            const Verdict v = youtube_verdict(response(200, body));
            CHECK(v.status == Status::broken);
            CHECK(v.kind == "private");
            CHECK(v.detail == "private or unavailable: oEmbed answered HTTP 200 without its JSON description");
        }
    }
    SUBCASE("404: gone") {
        CHECK(youtube_verdict(response(404, "Not Found")) ==
              Verdict{Status::broken, "gone", "YouTube does not know it: deleted, or never existed (oEmbed HTTP 404)",
                      404});
    }
    SUBCASE("400: malformed id") {
        CHECK(youtube_verdict(response(400, "Bad Request")) ==
              Verdict{Status::broken, "malformed-id", "YouTube rejects the id as malformed (oEmbed HTTP 400)", 400});
    }
    SUBCASE("429, 5xx, failures and odd answers prove nothing") {
        CHECK(youtube_verdict(response(429)) ==
              Verdict{Status::unknown, "rate-limited", "the server is rate-limiting requests (HTTP 429)", 429});
        CHECK(youtube_verdict(response(503)) ==
              Verdict{Status::unknown, "server-error", "the server failed (HTTP 503)", 503});
        CHECK(youtube_verdict(failed(http::Failure::timeout, "Operation timed out")) ==
              Verdict{Status::unknown, "timeout", "no answer in time (Operation timed out)", 0});
        CHECK(youtube_verdict(response(418)) ==
              Verdict{Status::unknown, "unexpected-answer", "oEmbed answered HTTP 418", 418});
    }
}

TEST_CASE("Zoom pages") {
    SUBCASE("a registration page: ok") {
        CHECK(zoom_verdict(response(200, "<title>Meeting Registration - Zoom</title>"), default_markers) ==
              Verdict{Status::ok, "ok", "a registration or join page (\"registration\")", 200});
    }
    SUBCASE("an invalid-meeting marker: broken, whatever else the page says") {
        for (const char* body :
             {"<p>This meeting ID is invalid (3001)</p>", "Meeting Does Not Exist",
              "This registration link is no longer valid", "The meeting HAS EXPIRED. Registration"}) {
            CAPTURE(body);
            const Verdict v = zoom_verdict(response(200, body), default_markers);
            CHECK(v.status == Status::broken);
            CHECK(v.kind == "invalid-meeting");
        }
        CHECK(zoom_verdict(response(200, "Meeting does not exist: 3001"), default_markers).detail ==
              "the page says the meeting is invalid or expired (\"3001\")");
    }
    SUBCASE("neither marker: ok, unverified (warning)") {
        CHECK(zoom_verdict(response(200, "<html><body>Zoom</body></html>"), default_markers) ==
              Verdict{Status::warning, "unverified",
                      "the page loads but shows neither a registration form nor an error message", 200});
    }
    SUBCASE("the markers come from the catalogue") {
        const ZoomMarkers custom{{"Besprechung existiert nicht"}, {"Anmeldung"}};
        CHECK(zoom_verdict(response(200, "Diese Besprechung existiert nicht"), custom).kind == "invalid-meeting");
        CHECK(zoom_verdict(response(200, "Anmeldung zum Webinar"), custom).kind == "ok");
        CHECK(zoom_verdict(response(200, "does not exist"), custom).kind == "unverified");
        CHECK(zoom_verdict(response(200, "registration"), ZoomMarkers{}).kind == "unverified");
    }
    SUBCASE("404 and 410: gone") {
        CHECK(zoom_verdict(response(404), default_markers) ==
              Verdict{Status::broken, "gone", "Zoom does not know this meeting (HTTP 404)", 404});
        CHECK(zoom_verdict(response(410), default_markers).kind == "gone");
    }
    SUBCASE("a bot wall: blocked, not broken") {
        CHECK(zoom_verdict(response(403, "challenge", {{"cf-mitigated", "challenge"}}), default_markers) ==
              Verdict{Status::warning, "blocked",
                      "a bot wall answered, the page was not verified (HTTP 403, cf-mitigated: challenge)", 403});
    }
    SUBCASE("other answers") {
        CHECK(zoom_verdict(response(400), default_markers).kind == "http-error");
        CHECK(zoom_verdict(response(502), default_markers).status == Status::unknown);
        CHECK(zoom_verdict(failed(http::Failure::reset), default_markers).kind == "connection-reset");
    }
    SUBCASE("a redirect to an error page") {
        CHECK(is_zoom_error_page(*url::parse("https://zoom.us/error?code=3001")));
        CHECK(is_zoom_error_page(*url::parse("https://itucph.zoom.us/meeting/register/x?errorCode=1")));
        CHECK(is_zoom_error_page(*url::parse("https://itucph.zoom.us/ERROR")));
        CHECK_FALSE(is_zoom_error_page(*url::parse("https://itucph.zoom.us/meeting/register/abc")));
    }
}

TEST_CASE("other web pages") {
    CHECK(web_verdict(response(200)) == Verdict{Status::ok, "ok", "HTTP 200", 200});
    CHECK(web_verdict(response(204)).status == Status::ok);
    CHECK(web_verdict(response(404)) == Verdict{Status::broken, "gone", "not found (HTTP 404)", 404});
    CHECK(web_verdict(response(410)) == Verdict{Status::broken, "gone", "gone (HTTP 410)", 410});
    CHECK(web_verdict(response(403)) == Verdict{Status::broken, "http-error", "HTTP 403", 403});
    CHECK(web_verdict(response(401)) ==
          Verdict{Status::warning, "needs-login", "the page asks for a login (HTTP 401)", 401});
    CHECK(web_verdict(response(500)).kind == "server-error");
    CHECK(web_verdict(response(304)).kind == "odd-redirect");
    SUBCASE("bot walls are blocked, not broken") {
        CHECK(web_verdict(response(403, "", {{"cf-mitigated", "challenge"}})).kind == "blocked");
        CHECK(web_verdict(response(403, "", {{"x-amzn-waf-action", "captcha"}})) ==
              Verdict{Status::warning, "blocked",
                      "a bot wall answered, the page was not verified (HTTP 403, x-amzn-waf-action: captcha)", 403});
        CHECK(web_verdict(response(403, "", {{"server", "cloudflare"}})).kind == "blocked");
        CHECK(web_verdict(response(503, "", {{"cf-mitigated", "challenge"}})).kind == "blocked");
        CHECK(web_verdict(response(999)).kind == "blocked");
        CHECK(web_verdict(response(403, "", {{"server", "nginx"}})).kind == "http-error");
    }
}

TEST_CASE("requests that got no HTTP answer") {
    using F = http::Failure;
    CHECK(failure_verdict(failed(F::timeout)) == Verdict{Status::unknown, "timeout", "no answer in time", 0});
    CHECK(failure_verdict(failed(F::dns, "Could not resolve host: x.invalid")).detail ==
          "the host name could not be resolved (Could not resolve host: x.invalid)");
    CHECK(failure_verdict(failed(F::connect)).kind == "connection-failed");
    CHECK(failure_verdict(failed(F::reset)).kind == "connection-reset");
    CHECK(failure_verdict(failed(F::tls)).status == Status::unknown);
    CHECK(failure_verdict(failed(F::tls_certificate)) ==
          Verdict{Status::broken, "tls-certificate", "the server's certificate does not verify", 0});
    CHECK(failure_verdict(failed(F::unsupported_scheme)).status == Status::broken);
    CHECK(failure_verdict(failed(F::other)).kind == "network-error");
}

TEST_CASE("which answers are worth asking again") {
    using F = http::Failure;
    for (const F f : {F::timeout, F::dns, F::connect, F::reset, F::tls, F::other}) {
        CHECK(is_transient(failed(f)));
    }
    CHECK_FALSE(is_transient(failed(F::tls_certificate)));
    CHECK_FALSE(is_transient(failed(F::unsupported_scheme)));
    for (const int status : {408, 429, 500, 502, 503, 504}) {
        CAPTURE(status);
        CHECK(is_transient(response(status)));
    }
    for (const int status : {200, 301, 400, 401, 403, 404, 410, 501}) {
        CAPTURE(status);
        CHECK_FALSE(is_transient(response(status)));
    }
    CHECK_FALSE(is_transient(response(503, "", {{"cf-mitigated", "challenge"}})));
}

TEST_CASE("Retry-After, in seconds or as an HTTP date") {
    const auto ref = at(2015, 10, 21, 7, 27, 0);
    CHECK(parse_retry_after("120", std::nullopt) == std::chrono::seconds{120});
    CHECK(parse_retry_after(" 0 ", std::nullopt) == std::chrono::seconds{0});
    CHECK(parse_retry_after("99999999999999999999", std::nullopt) == std::chrono::seconds{1'000'000'000});
    CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", ref) == std::chrono::seconds{60});
    CHECK(parse_retry_after("Wednesday, 21-Oct-15 07:28:30 GMT", ref) == std::chrono::seconds{90});
    CHECK(parse_retry_after("Wed Oct 21 07:29:00 2015", ref) == std::chrono::seconds{120});
    CHECK(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", ref) == std::chrono::seconds{0}); // in the past
    CHECK_FALSE(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", std::nullopt));
    CHECK_FALSE(parse_retry_after("soon", ref));
    CHECK_FALSE(parse_retry_after("", ref));
    CHECK_FALSE(parse_retry_after("-5", ref));

    SUBCASE("a date counts from the response's Date header, else from its arrival") {
        http::Response r = response(
            429, "", {{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}, {"date", "Wed, 21 Oct 2015 07:27:50 GMT"}});
        r.received_at = at(2015, 10, 21, 7, 0, 0); // the local clock is off: the server's Date wins
        CHECK(retry_after(r) == std::chrono::seconds{10});
        r.headers.pop_back();
        CHECK(retry_after(r) == std::chrono::seconds{28 * 60});
        CHECK(retry_after(response(503, "", {{"retry-after", "7"}})) == std::chrono::seconds{7});
        CHECK_FALSE(retry_after(response(503)));
    }
}

TEST_CASE("status names") {
    for (const Status s : {Status::ok, Status::warning, Status::broken, Status::unknown, Status::expired}) {
        CHECK(parse_status(status_name(s)) == s);
    }
    CHECK_FALSE(parse_status("fine"));
}

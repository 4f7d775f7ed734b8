// The probes (what to ask, redirects, HEAD then GET) and the scheduler (limits, retries), driven
// through a scripted fake client on a virtual clock.
#include "fake_http_client.hpp"
#include "links/links_scheduler.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace wtool;
using namespace wtool::links;
using namespace std::chrono_literals;
using wtool::testing::answer;
using wtool::testing::failure;
using wtool::testing::FakeClient;
using wtool::testing::redirect;

namespace {

const ProbeSettings settings = [] {
    ProbeSettings s;
    s.oembed_endpoint = "http://oembed.test/oembed";
    s.zoom_markers = {{"does not exist", "3001"}, {"registration"}};
    return s;
}();

SchedulerOptions quick() {
    SchedulerOptions o;
    o.host_interval = 0ms;
    o.seed = 7;
    return o;
}

struct Run {
    std::vector<Probe> probes;
    std::vector<ProbeStats> stats;
};

Run run(FakeClient& client, const std::vector<std::string>& urls, const SchedulerOptions& options = quick()) {
    Run r;
    for (const std::string& u : urls) {
        r.probes.emplace_back(make_target(u), settings);
    }
    r.stats = run_probes(r.probes, client, options);
    return r;
}

std::string oembed(std::string_view video) {
    return *oembed_request_url(settings.oembed_endpoint, fmt::format("https://www.youtube.com/watch?v={}", video));
}

} // namespace

TEST_CASE("what is checked for a link") {
    SUBCASE("every spelling of a YouTube video is one check") {
        for (const char* u : {"https://youtu.be/AUYmTQrZsRA?si=abc", "https://www.youtube.com/watch?v=AUYmTQrZsRA",
                              "https://youtube.com/watch?v=AUYmTQrZsRA&list=PLx&t=10s#x",
                              "https://www.youtube.com/embed/AUYmTQrZsRA"}) {
            CAPTURE(u);
            const Target t = make_target(u);
            CHECK(t.service == url::Service::youtube_video);
            CHECK(t.key == "https://www.youtube.com/watch?v=AUYmTQrZsRA");
            CHECK(t.url == u);
        }
    }
    SUBCASE("playlists, Zoom meetings and everything else") {
        const Target p = make_target("https://youtube.com/playlist?list=PLWC&si=PIOq");
        CHECK(p.service == url::Service::youtube_playlist);
        CHECK(p.key == "https://www.youtube.com/playlist?list=PLWC");
        CHECK(make_target("https://itucph.zoom.us/meeting/register/abc").service == url::Service::zoom_meeting);
        CHECK(make_target("https://zoom.us/pricing").service == url::Service::web);
        CHECK(make_target("https://www.youtube.com/@channel").service == url::Service::web);
        const Target w = make_target("https://example.org/page#section");
        CHECK(w.service == url::Service::web);
        CHECK(w.key == "https://example.org/page");
    }
    SUBCASE("malformed links are broken without asking") {
        const Target t = make_target("https://exa mple.org");
        CHECK(t.error == "contains a blank");
        const Probe probe(t, settings);
        CHECK(probe.done());
        CHECK(probe.verdict() == Verdict{Status::broken, "malformed-url", "malformed URL: contains a blank", 0});
        CHECK(make_target("ftp://example.org/x").error == "'ftp:' is not http or https");
    }
    SUBCASE("the oEmbed request") {
        CHECK(oembed_request_url("https://www.youtube.com/oembed", "https://www.youtube.com/watch?v=AUYmTQrZsRA") ==
              "https://www.youtube.com/oembed?url=https%3a%2f%2fwww.youtube.com%2fwatch%3fv%3dAUYmTQrZsRA&format=json");
        CHECK(oembed_request_url("http://127.0.0.1:8080/o?key=1", "https://www.youtube.com/playlist?list=PL") ==
              "http://127.0.0.1:8080/o?key=1&url=https%3a%2f%2fwww.youtube.com%2fplaylist%3flist%3dPL&format=json");
        const Probe probe(make_target("https://youtu.be/AUYmTQrZsRA"), settings);
        CHECK(probe.request().url == oembed("AUYmTQrZsRA"));
        CHECK(probe.request().method == http::Method::get);
        CHECK(probe.request().keep_body == settings.keep_body);
    }
}

TEST_CASE("YouTube links are asked through oEmbed") {
    FakeClient client;
    client.on(oembed("AAAAAAAAAAA"), {answer(200, R"({"type":"video","title":"T"})")});
    client.on(oembed("BBBBBBBBBBB"), {answer(401)});
    client.on(oembed("CCCCCCCCCCC"), {answer(403)});
    client.on(oembed("DDDDDDDDDDD"), {answer(404)});
    client.on(oembed("EEEEEEEEEEE"), {answer(400)});
    client.on(oembed("FFFFFFFFFFF"), {answer(200, "<html>consent</html>")});
    const Run r = run(client, {"https://www.youtube.com/watch?v=AAAAAAAAAAA", "https://youtu.be/BBBBBBBBBBB",
                               "https://youtu.be/CCCCCCCCCCC", "https://youtu.be/DDDDDDDDDDD",
                               "https://youtu.be/EEEEEEEEEEE", "https://youtu.be/FFFFFFFFFFF"});
    CHECK(r.probes[0].verdict().kind == "ok");
    CHECK(r.probes[1].verdict().kind == "embedding-disabled");
    CHECK(r.probes[1].verdict().status == Status::warning);
    CHECK(r.probes[2].verdict().kind == "private");
    CHECK(r.probes[3].verdict().kind == "gone");
    CHECK(r.probes[4].verdict().kind == "malformed-id");
    CHECK(r.probes[5].verdict().kind == "private");
    CHECK(client.sent.size() == 6);
}

TEST_CASE("other pages: HEAD, then GET when HEAD is refused or fails") {
    FakeClient client;
    client.on("http://a.test/ok", http::Method::head, {answer(200)});
    client.on("http://a.test/no-head", http::Method::head, {answer(405)});
    client.on("http://a.test/no-head", http::Method::get, {answer(200)});
    client.on("http://a.test/head-breaks", http::Method::head, {failure(http::Failure::reset)});
    client.on("http://a.test/head-breaks", http::Method::get, {answer(200)});
    client.on("http://a.test/missing", {answer(404)});
    const Run r = run(
        client, {"http://a.test/ok", "http://a.test/no-head", "http://a.test/head-breaks", "http://a.test/missing"});
    CHECK(r.probes[0].verdict().kind == "ok");
    CHECK(r.stats[0].requests == 1);
    CHECK(r.probes[1].verdict().kind == "ok");
    CHECK(r.stats[1].requests == 2);
    CHECK(r.stats[1].retries == 0);
    CHECK(r.probes[2].verdict().kind == "ok");
    CHECK(r.stats[2].requests == 2);
    CHECK(r.probes[3].verdict() == Verdict{Status::broken, "gone", "not found (HTTP 404)", 404});
    CHECK(r.stats[3].requests == 2); // HEAD 404 is confirmed with GET
}

TEST_CASE("redirects are followed here, at most 10, loops are broken") {
    FakeClient client;
    client.on("http://r.test/moved", http::Method::head, {redirect(301, "http://r.test/new#frag")});
    client.on("http://r.test/new", http::Method::head, {answer(200)});
    client.on("http://r.test/loop-a", {redirect(302, "http://r.test/loop-b")});
    client.on("http://r.test/loop-b", {redirect(302, "http://r.test/loop-a")});
    for (int i = 0; i < 12; ++i) {
        client.on(fmt::format("http://r.test/chain/{}", i),
                  {redirect(302, fmt::format("http://r.test/chain/{}", i + 1))});
    }
    client.on("http://r.test/chain/10", {answer(200)});
    client.on("http://r.test/long/0", {redirect(302, "http://r.test/chain/0")});
    client.on("http://r.test/ftp", {redirect(302, "ftp://r.test/file")});
    const Run r = run(client, {"http://r.test/moved", "http://r.test/loop-a", "http://r.test/chain/0",
                               "http://r.test/long/0", "http://r.test/ftp"});
    CHECK(r.probes[0].verdict() == Verdict{Status::ok, "ok", "HTTP 200, after 1 redirect to http://r.test/new", 200});
    CHECK(r.probes[1].verdict() == Verdict{Status::broken, "redirect-loop",
                                           "redirect loop: back to http://r.test/loop-a after 2 redirects", 302});
    CHECK(r.probes[2].verdict().kind == "ok"); // exactly 10 hops
    CHECK(r.probes[2].redirects() == 10);
    CHECK(r.probes[3].verdict() == Verdict{Status::broken, "too-many-redirects", "more than 10 redirects", 302});
    CHECK(r.probes[4].verdict() ==
          Verdict{Status::broken, "bad-redirect", "redirects to 'ftp://r.test/file', which is not http or https", 302});
}

TEST_CASE("Zoom links") {
    FakeClient client;
    client.on("https://z.zoom.us/meeting/register/good", {answer(200, "Meeting Registration")});
    client.on("https://z.zoom.us/meeting/register/bad", {answer(200, "This meeting does not exist")});
    client.on("https://z.zoom.us/meeting/register/none", {answer(200, "<html></html>")});
    client.on("https://z.zoom.us/j/404", {answer(404)});
    client.on("https://z.zoom.us/j/111", {redirect(302, "https://z.zoom.us/error?code=3001")});
    client.on("https://z.zoom.us/j/222", {redirect(302, "https://z.zoom.us/meeting/register/good")});
    const Run r = run(client, {"https://z.zoom.us/meeting/register/good", "https://z.zoom.us/meeting/register/bad",
                               "https://z.zoom.us/meeting/register/none", "https://z.zoom.us/j/404",
                               "https://z.zoom.us/j/111", "https://z.zoom.us/j/222"});
    CHECK(r.probes[0].verdict().kind == "ok");
    CHECK(r.probes[1].verdict().kind == "invalid-meeting");
    CHECK(r.probes[2].verdict().kind == "unverified");
    CHECK(r.probes[3].verdict().kind == "gone");
    CHECK(r.probes[4].verdict() == Verdict{Status::broken, "error-page",
                                           "Zoom redirects to an error page: https://z.zoom.us/error?code=3001", 302});
    CHECK(r.probes[5].verdict().kind == "ok");
    for (const FakeClient::Sent& s : client.sent) {
        CHECK(s.url != "https://z.zoom.us/error?code=3001"); // the error page itself is not fetched
        CHECK(s.method == http::Method::get);
    }
}

TEST_CASE("transient answers are retried, then unknown") {
    FakeClient client;
    client.on("http://t.test/flaky", http::Method::get, {answer(503), answer(503), answer(200)});
    client.on("http://t.test/flaky", http::Method::head, {answer(503)});
    client.on("http://t.test/down", {answer(502)});
    client.on("http://t.test/slow", {failure(http::Failure::timeout, "timed out", 1000ms)});
    SchedulerOptions o = quick();
    o.retries = 3;
    const Run r = run(client, {"http://t.test/flaky", "http://t.test/down", "http://t.test/slow"}, o);
    CHECK(r.probes[0].verdict().kind == "ok");
    CHECK(r.stats[0].requests == 4); // HEAD 503, GET 503, GET 503, GET 200
    CHECK(r.stats[0].retries == 3);
    CHECK(r.probes[1].verdict() ==
          Verdict{Status::unknown, "server-error", "the server failed (HTTP 502), after 4 attempts", 502});
    CHECK(r.probes[2].verdict() ==
          Verdict{Status::unknown, "timeout", "no answer in time (timed out), after 4 attempts", 0});
    CHECK(r.stats[2].requests == 4);
    SUBCASE("backoff grows exponentially, with jitter") {
        std::vector<std::chrono::milliseconds> starts;
        for (const FakeClient::Sent& s : client.sent) {
            if (s.url == "http://t.test/down") {
                starts.push_back(s.at);
            }
        }
        REQUIRE(starts.size() == 4);
        for (std::size_t i = 1; i < starts.size(); ++i) {
            const auto gap = starts[i] - starts[i - 1] - 10ms; // minus the answer's latency
            const auto full = o.backoff_base * (1 << (i - 1));
            CAPTURE(i);
            CHECK(gap >= full / 2);
            CHECK(gap <= full);
        }
    }
}

TEST_CASE("backoff delays") {
    SchedulerOptions o;
    o.backoff_base = 500ms;
    o.backoff_max = 3000ms;
    CHECK(backoff_delay(1, o, 0.0) == 250ms);
    CHECK(backoff_delay(1, o, 1.0) == 500ms);
    CHECK(backoff_delay(2, o, 1.0) == 1000ms);
    CHECK(backoff_delay(3, o, 0.5) == 1500ms);
    CHECK(backoff_delay(4, o, 1.0) == 3000ms); // capped
    CHECK(backoff_delay(9, o, 0.0) == 1500ms);
}

TEST_CASE("Retry-After is honoured, up to a cap") {
    FakeClient client;
    client.on("http://w.test/later", {answer(503, "", {{"retry-after", "3600"}})});
    const Run first = run(client, {"http://w.test/later"});
    CHECK(first.probes[0].verdict() ==
          Verdict{Status::unknown, "server-error",
                  "the server failed (HTTP 503), and asks to wait 3600 s (wtool waits at most 30 s)", 503});
    CHECK(first.stats[0].requests == 1); // not asked again before the server said

    FakeClient second;
    second.on("http://w.test/x", http::Method::head, {answer(429, "", {{"retry-after", "5"}})});
    second.on("http://w.test/x", http::Method::get, {answer(200)});
    std::vector<Probe> again;
    again.emplace_back(make_target("http://w.test/x"), settings);
    run_probes(again, second, quick());
    CHECK(again[0].verdict().kind == "ok");
    REQUIRE(second.sent.size() == 2);
    CHECK(second.sent[1].at - second.sent[0].at == 5010ms); // 10 ms latency, then 5 s as asked
}

TEST_CASE("limits: jobs, per-host concurrency, per-host interval") {
    std::vector<std::string> urls;
    FakeClient client;
    for (int i = 0; i < 30; ++i) {
        for (const char* host : {"a.test", "b.test", "c.test"}) {
            const std::string u = fmt::format("http://{}/{}", host, i);
            client.on(u, {answer(200, "", {}, 100ms)});
            urls.push_back(u);
        }
    }
    SUBCASE("per host") {
        SchedulerOptions o = quick();
        o.jobs = 32;
        o.host_concurrency = 3;
        run(client, urls, o);
        CHECK(client.max_in_flight_per_host.at("a.test") == 3);
        CHECK(client.max_in_flight_per_host.at("b.test") == 3);
        CHECK(client.max_in_flight == 9);
        CHECK(client.elapsed() == 1000ms); // 30 per host, 3 at a time, 100 ms each
    }
    SUBCASE("in all") {
        SchedulerOptions o = quick();
        o.jobs = 4;
        o.host_concurrency = 8;
        run(client, urls, o);
        CHECK(client.max_in_flight == 4);
    }
    SUBCASE("an interval between starts to one host") {
        SchedulerOptions o = quick();
        o.jobs = 32;
        o.host_concurrency = 8;
        o.host_interval = 250ms;
        run(client, urls, o);
        std::map<std::string, std::chrono::milliseconds> last;
        for (const FakeClient::Sent& s : client.sent) {
            const std::string host = url::parse(s.url)->host;
            if (last.contains(host)) {
                CHECK(s.at - last[host] >= 250ms);
            }
            last[host] = s.at;
        }
        CHECK(client.max_in_flight_per_host.at("a.test") == 1); // 100 ms answers, 250 ms apart
    }
}

TEST_CASE("a host that does not resolve") {
    SUBCASE("is broken when other hosts answered") {
        FakeClient client;
        client.on("http://gone.test/", {failure(http::Failure::dns, "Could not resolve host: gone.test")});
        client.on("http://up.test/", {answer(200)});
        const Run r = run(client, {"http://gone.test/", "http://up.test/"});
        CHECK(r.probes[0].verdict() ==
              Verdict{Status::broken, "host-not-found",
                      "the host name could not be resolved (Could not resolve host: gone.test), after 3 attempts "
                      "(while other hosts answered)",
                      0});
    }
    SUBCASE("is unknown when nothing answered (the network is down)") {
        FakeClient client;
        client.on("http://gone.test/", {failure(http::Failure::dns)});
        client.on("http://up.test/", {failure(http::Failure::dns)});
        const Run r = run(client, {"http://gone.test/", "http://up.test/"});
        CHECK(r.probes[0].verdict().status == Status::unknown);
        CHECK(r.probes[1].verdict().status == Status::unknown);
    }
}

TEST_CASE("progress is reported after each verdict") {
    FakeClient client;
    client.on("http://p.test/1", {answer(200)});
    client.on("http://p.test/2", {answer(404)});
    std::vector<Probe> probes;
    probes.emplace_back(make_target("http://p.test/1"), settings);
    probes.emplace_back(make_target("http://p.test/2"), settings);
    probes.emplace_back(make_target("not a url"), settings);
    std::vector<std::string> seen;
    run_probes(probes, client, quick(),
               [&](const Progress& p) { seen.push_back(fmt::format("{}/{} {}", p.done, p.total, p.failed)); });
    CHECK(seen == std::vector<std::string>{"2/3 1", "3/3 2"});
}

// Checking one link: what to ask, and what each answer means. A Probe is a small state machine
// the scheduler drives: it names the request to send, takes the answer, and either names the
// next request (a redirect hop, GET after a refused HEAD), asks for a retry later (a transient
// answer), or settles on a verdict.
//
// - YouTube videos and playlists: GET <oembed endpoint>?url=<canonical link>&format=json.
// - Zoom meeting links: GET the page (the body is kept, up to a cap, for the markers).
// - Anything else: HEAD, then GET when HEAD is refused or fails.
// Redirects are followed here, not by the HTTP client: at most `max_redirects` hops, a hop to an
// address already visited is a loop (broken), a hop to another scheme than http(s) is broken,
// and a Zoom link redirected to an error page is broken without fetching that page.
#pragma once

#include "links/links_verdict.hpp"
#include "net/http_client.hpp"
#include "net/url.hpp"

#include <chrono>
#include <expected>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace wtool::links {

// One unique thing to check.
struct Target {
    std::string url; // as first written (for reports)
    std::string key; // identity: see make_target
    url::Service service = url::Service::web;
    std::string error; // non-empty: the URL does not parse, nothing is fetched
};

// What to check for a URL as written. YouTube videos are keyed by their canonical
// https://www.youtube.com/watch?v=ID (tracking, list and t parameters dropped), playlists by
// https://www.youtube.com/playlist?list=ID, anything else by the URL without its #fragment. Two
// spellings of one key are checked once.
Target make_target(std::string_view url_text);

struct ProbeSettings {
    std::string oembed_endpoint = "https://www.youtube.com/oembed";
    ZoomMarkers zoom_markers;
    int max_redirects = 10;
    std::size_t keep_body = std::size_t{512} * 1024; // body bytes kept for Zoom pages and oEmbed
};

// The oEmbed request for a YouTube link: `endpoint` with url=<link>&format=json appended to its
// query (so an endpoint may carry a query of its own). An error when the endpoint does not parse.
std::expected<std::string, std::string> oembed_request_url(std::string_view endpoint, std::string_view link);

class Probe {
  public:
    enum class Next {
        send,  // send request() now
        retry, // send request() again after a pause (a transient answer)
        done,  // verdict() is final
    };

    // `settings` must outlive the probe.
    Probe(Target target, const ProbeSettings& settings);

    [[nodiscard]] const Target& target() const { return target_; }
    [[nodiscard]] bool done() const { return done_; }
    // The request to send; meaningful while not done.
    [[nodiscard]] const http::Request& request() const { return request_; }
    // Takes the answer to request().
    Next on_response(const http::Response& response);
    // After Next::retry: the delay the server asked for (Retry-After), if any.
    [[nodiscard]] std::optional<std::chrono::seconds> retry_after() const { return retry_after_; }
    // Ends a probe that got only transient answers: unknown, saying why (the last answer), with
    // `note` appended when not empty.
    void give_up(std::string_view note = {});
    // Turns a final unknown verdict into broken, with `note` appended (the scheduler's
    // host-not-found rule).
    void confirm_broken(std::string_view note);
    // The final verdict; meaningful once done.
    [[nodiscard]] const Verdict& verdict() const { return verdict_; }
    // Redirect hops followed so far.
    [[nodiscard]] int redirects() const { return redirects_; }

  private:
    Verdict judge(const http::Response& r) const;
    Next finish(Verdict v);
    Next follow(const http::Response& r);

    Target target_;
    const ProbeSettings* settings_;
    http::Request request_;
    std::set<std::string> visited_;
    int redirects_ = 0;
    bool done_ = false;
    Verdict verdict_;
    std::optional<http::Response> last_transient_;
    std::optional<std::chrono::seconds> retry_after_;
};

} // namespace wtool::links

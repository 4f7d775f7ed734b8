// What an HTTP answer means for a link: pure rules from one response to a verdict, one set per
// service (YouTube's oEmbed endpoint, Zoom meeting pages, any other web page), plus the rules
// that decide whether an answer is worth asking again (transient) and how long to wait.
// docs/check-links.md lists every verdict kind and why.
#pragma once

#include "net/http_client.hpp"
#include "net/url.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wtool::links {

enum class Status {
    ok,      // the link works
    warning, // it works, or could not be verified, but someone may want to look (exit 0)
    broken,  // proven broken (exit 1)
    unknown, // could not be checked: network trouble, rate limits, server errors (exit 3)
    expired, // not checked on purpose: a past season's Zoom link (exit 0)
};

// "ok", "warning", "broken", "unknown", "expired".
std::string_view status_name(Status s);
// The inverse of status_name.
std::optional<Status> parse_status(std::string_view name);

struct Verdict {
    Status status = Status::unknown;
    std::string kind;   // stable id, e.g. "gone", "embedding-disabled" (docs/check-links.md)
    std::string detail; // one line for people, lower-case, no trailing period
    int http_status = 0;

    friend bool operator==(const Verdict&, const Verdict&) = default;
};

struct ZoomMarkers {
    std::vector<std::string> invalid; // texts of an invalid or expired meeting's page
    std::vector<std::string> valid;   // texts of a registration or join page
};

// YouTube's oEmbed endpoint asked about a video or playlist: 200 with a JSON object that has a
// "type" → ok (the detail names the title); 401 → warning embedding-disabled (the video exists
// but its owner turned off embedding); 403, or 200 whose body is not that JSON → broken private;
// 404 → broken gone; 400 → broken malformed-id; failures, 429 and 5xx → unknown; any other
// status → unknown unexpected-answer.
Verdict youtube_verdict(const http::Response& r);

// A Zoom meeting page, fetched after following its redirects: 404/410 → broken gone; a page
// with an invalid marker → broken invalid-meeting; 2xx with a valid marker → ok; 2xx with neither
// → warning unverified; a bot wall → warning blocked; failures, 429 and 5xx → unknown; other 4xx
// → broken http-error. Markers match case-insensitively anywhere in the (capped) body.
Verdict zoom_verdict(const http::Response& r, const ZoomMarkers& markers);

// Whether a redirect from a Zoom meeting link goes to an error page: the target's path or query
// mentions "error" (e.g. https://zoom.us/error?code=3001), ignoring case.
bool is_zoom_error_page(const url::Url& target);

// Any other page: 2xx → ok; 401 → warning needs-login; a bot wall → warning blocked; 404/410 →
// broken gone; other 4xx → broken http-error; a 3xx without a usable Location → warning
// odd-redirect; failures, 429 and 5xx → unknown.
Verdict web_verdict(const http::Response& r);

// The verdict for a request that got no HTTP answer: unknown (timeout, dns, connect, reset,
// tls, other), except a certificate that does not verify and a non-http scheme (broken).
Verdict failure_verdict(const http::Response& r);

// A bot wall ("blocked, not verified"): 403 or 503 carrying a `cf-mitigated` or
// `x-amzn-waf-action` header, 403 from a `server: cloudflare`, or LinkedIn's status 999.
bool is_bot_wall(const http::Response& r);

// Whether asking again later may give a different answer: failures other than a bad
// certificate or scheme, 408, 429 and 5xx (but not a bot wall, nor 501 Not Implemented).
bool is_transient(const http::Response& r);

// A Retry-After value as a delay: delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015
// 07:28:00 GMT", also the RFC 850 and asctime forms), a date counted from `reference`. A date in
// the past is a zero delay; nullopt when the value does not parse or a date has no reference.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::optional<std::chrono::sys_seconds> reference);

// The response's Retry-After as a delay, a date counted from the response's Date header (else
// from when it arrived). nullopt when there is none or it does not parse.
std::optional<std::chrono::seconds> retry_after(const http::Response& r);

} // namespace wtool::links

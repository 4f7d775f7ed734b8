#include "links/links_verdict.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <charconv>
#include <curl/curl.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace wtool::links {

namespace {

Verdict make(Status status, std::string kind, std::string detail, int http_status = 0) {
    return Verdict{status, std::move(kind), std::move(detail), http_status};
}

// The first marker found in `haystack`, ignoring ASCII case.
std::optional<std::string> find_marker(std::string_view haystack, const std::vector<std::string>& markers) {
    const std::string lowered = text::to_lower_ascii(haystack);
    for (const std::string& m : markers) {
        if (!m.empty() && lowered.find(text::to_lower_ascii(m)) != std::string::npos) {
            return m;
        }
    }
    return std::nullopt;
}

// 429 and 5xx after the retries: nothing is proven about the link.
Verdict overloaded_verdict(const http::Response& r) {
    if (r.status == 429) {
        return make(Status::unknown, "rate-limited", "the server is rate-limiting requests (HTTP 429)", r.status);
    }
    return make(Status::unknown, "server-error", fmt::format("the server failed (HTTP {})", r.status), r.status);
}

Verdict blocked_verdict(const http::Response& r) {
    std::string why = fmt::format("HTTP {}", r.status);
    for (const std::string_view name : {"cf-mitigated", "x-amzn-waf-action", "server"}) {
        if (const auto value = r.header(name)) {
            why += fmt::format(", {}: {}", name, *value);
            break;
        }
    }
    return make(Status::warning, "blocked", fmt::format("a bot wall answered, the page was not verified ({})", why),
                r.status);
}

bool is_redirect_status(int status) {
    return status >= 300 && status < 400;
}

} // namespace

std::string_view status_name(Status s) {
    switch (s) {
    case Status::ok: return "ok";
    case Status::warning: return "warning";
    case Status::broken: return "broken";
    case Status::unknown: return "unknown";
    case Status::expired: return "expired";
    }
    return "unknown";
}

std::optional<Status> parse_status(std::string_view name) {
    for (const Status s : {Status::ok, Status::warning, Status::broken, Status::unknown, Status::expired}) {
        if (status_name(s) == name) {
            return s;
        }
    }
    return std::nullopt;
}

Verdict failure_verdict(const http::Response& r) {
    const std::string because = r.failure_text.empty() ? std::string{} : fmt::format(" ({})", r.failure_text);
    using F = http::Failure;
    switch (r.failure) {
    case F::none: break;
    case F::timeout: return make(Status::unknown, "timeout", "no answer in time" + because);
    case F::dns: return make(Status::unknown, "host-not-found", "the host name could not be resolved" + because);
    case F::connect: return make(Status::unknown, "connection-failed", "could not connect" + because);
    case F::reset: return make(Status::unknown, "connection-reset", "the connection broke" + because);
    case F::tls: return make(Status::unknown, "tls-error", "the TLS handshake failed" + because);
    case F::tls_certificate:
        return make(Status::broken, "tls-certificate", "the server's certificate does not verify" + because);
    case F::unsupported_scheme:
        return make(Status::broken, "unsupported-scheme", "only http and https links can be checked" + because);
    case F::other: return make(Status::unknown, "network-error", "the request failed" + because);
    }
    return make(Status::unknown, "unexpected-answer", fmt::format("unexpected answer (HTTP {})", r.status), r.status);
}

bool is_bot_wall(const http::Response& r) {
    if (r.status == 999) {
        return true;
    }
    if (r.status != 403 && r.status != 503) {
        return false;
    }
    if (r.header("cf-mitigated") || r.header("x-amzn-waf-action")) {
        return true;
    }
    const auto server = r.header("server");
    return r.status == 403 && server && text::iequals_ascii(text::trim(*server), "cloudflare");
}

bool is_transient(const http::Response& r) {
    if (r.failure != http::Failure::none) {
        return r.failure != http::Failure::tls_certificate && r.failure != http::Failure::unsupported_scheme;
    }
    if (is_bot_wall(r)) {
        return false;
    }
    return r.status == 408 || r.status == 429 || (r.status >= 500 && r.status <= 599 && r.status != 501);
}

Verdict youtube_verdict(const http::Response& r) {
    if (r.failure != http::Failure::none) {
        return failure_verdict(r);
    }
    switch (r.status) {
    case 200: {
        const auto json = nlohmann::json::parse(r.body, nullptr, false);
        if (!json.is_discarded() && json.is_object() && json.contains("type") && json["type"].is_string()) {
            const auto title = json.find("title");
            return make(Status::ok, "ok",
                        title != json.end() && title->is_string()
                            ? fmt::format("YouTube knows it: \"{}\"", title->get<std::string>())
                            : fmt::format("YouTube knows it (oEmbed type '{}')", json["type"].get<std::string>()),
                        r.status);
        }
        return make(Status::broken, "private",
                    "private or unavailable: oEmbed answered HTTP 200 without its JSON description", r.status);
    }
    case 401:
        return make(Status::warning, "embedding-disabled",
                    "the video exists but its owner disabled embedding (oEmbed HTTP 401)", r.status);
    case 403: return make(Status::broken, "private", "the video is private (oEmbed HTTP 403)", r.status);
    case 404:
        return make(Status::broken, "gone", "YouTube does not know it: deleted, or never existed (oEmbed HTTP 404)",
                    r.status);
    case 400:
        return make(Status::broken, "malformed-id", "YouTube rejects the id as malformed (oEmbed HTTP 400)", r.status);
    default: break;
    }
    if (r.status == 429 || r.status >= 500) {
        return overloaded_verdict(r);
    }
    return make(Status::unknown, "unexpected-answer", fmt::format("oEmbed answered HTTP {}", r.status), r.status);
}

bool is_zoom_error_page(const url::Url& target) {
    return text::to_lower_ascii(target.path).find("error") != std::string::npos ||
           text::to_lower_ascii(target.query).find("error") != std::string::npos;
}

Verdict zoom_verdict(const http::Response& r, const ZoomMarkers& markers) {
    if (r.failure != http::Failure::none) {
        return failure_verdict(r);
    }
    if (is_bot_wall(r)) {
        return blocked_verdict(r);
    }
    if (r.status == 404 || r.status == 410) {
        return make(Status::broken, "gone", fmt::format("Zoom does not know this meeting (HTTP {})", r.status),
                    r.status);
    }
    if (r.status == 429 || r.status >= 500) {
        return overloaded_verdict(r);
    }
    if (r.status >= 200 && r.status < 300) {
        if (const auto m = find_marker(r.body, markers.invalid)) {
            return make(Status::broken, "invalid-meeting",
                        fmt::format("the page says the meeting is invalid or expired (\"{}\")", *m), r.status);
        }
        if (const auto m = find_marker(r.body, markers.valid)) {
            return make(Status::ok, "ok", fmt::format("a registration or join page (\"{}\")", *m), r.status);
        }
        return make(Status::warning, "unverified",
                    "the page loads but shows neither a registration form nor an error message", r.status);
    }
    if (r.status >= 400) {
        return make(Status::broken, "http-error", fmt::format("HTTP {}", r.status), r.status);
    }
    if (is_redirect_status(r.status)) {
        return make(Status::warning, "odd-redirect", fmt::format("HTTP {} without a usable Location", r.status),
                    r.status);
    }
    return make(Status::unknown, "unexpected-answer", fmt::format("unexpected answer (HTTP {})", r.status), r.status);
}

Verdict web_verdict(const http::Response& r) {
    if (r.failure != http::Failure::none) {
        return failure_verdict(r);
    }
    if (r.status >= 200 && r.status < 300) {
        return make(Status::ok, "ok", fmt::format("HTTP {}", r.status), r.status);
    }
    if (is_bot_wall(r)) {
        return blocked_verdict(r);
    }
    if (r.status == 401) {
        return make(Status::warning, "needs-login", "the page asks for a login (HTTP 401)", r.status);
    }
    if (r.status == 404 || r.status == 410) {
        return make(Status::broken, "gone",
                    fmt::format("{} (HTTP {})", r.status == 404 ? "not found" : "gone", r.status), r.status);
    }
    if (r.status == 429 || r.status >= 500) {
        return overloaded_verdict(r);
    }
    if (r.status >= 400) {
        return make(Status::broken, "http-error", fmt::format("HTTP {}", r.status), r.status);
    }
    if (is_redirect_status(r.status)) {
        return make(Status::warning, "odd-redirect", fmt::format("HTTP {} without a usable Location", r.status),
                    r.status);
    }
    return make(Status::unknown, "unexpected-answer", fmt::format("unexpected answer (HTTP {})", r.status), r.status);
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::optional<std::chrono::sys_seconds> reference) {
    value = text::trim(value);
    if (value.empty()) {
        return std::nullopt;
    }
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        constexpr std::int64_t limit = 1'000'000'000;
        if (value.size() > 10) {
            return std::chrono::seconds{limit};
        }
        std::int64_t seconds = 0;
        std::from_chars(value.data(), value.data() + value.size(), seconds);
        return std::chrono::seconds{std::min(seconds, limit)};
    }
    const std::string copy(value);
    const time_t when = curl_getdate(copy.c_str(), nullptr);
    if (when == -1 || !reference) {
        return std::nullopt;
    }
    const std::chrono::seconds delay = std::chrono::seconds{when} - reference->time_since_epoch();
    return std::max(delay, std::chrono::seconds{0});
}

std::optional<std::chrono::seconds> retry_after(const http::Response& r) {
    const auto value = r.header("retry-after");
    if (!value) {
        return std::nullopt;
    }
    std::optional<std::chrono::sys_seconds> reference = r.received_at;
    if (const auto date = r.header("date")) {
        const std::string copy(*date);
        if (const time_t t = curl_getdate(copy.c_str(), nullptr); t != -1) {
            reference = std::chrono::sys_seconds{std::chrono::seconds{t}};
        }
    }
    return parse_retry_after(*value, reference);
}

} // namespace wtool::links

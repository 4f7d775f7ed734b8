#include "links/links_probe.hpp"

#include <fmt/format.h>

namespace wtool::links {

namespace {

bool is_redirect(const http::Response& r) {
    return r.failure == http::Failure::none && r.status >= 300 && r.status < 400 && !r.redirect_url.empty();
}

std::string without_fragment(std::string_view u) {
    return std::string(u.substr(0, u.find('#')));
}

std::string_view method_name(http::Method m) {
    return m == http::Method::head ? "HEAD" : "GET";
}

} // namespace

Target make_target(std::string_view url_text) {
    Target t;
    t.url = std::string(url_text);
    t.key = without_fragment(url_text);
    const auto parsed = url::parse(url_text);
    if (!parsed) {
        t.error = parsed.error();
        return t;
    }
    if (parsed->scheme != "http" && parsed->scheme != "https") {
        t.error = fmt::format("'{}:' is not http or https", parsed->scheme);
        return t;
    }
    t.service = url::classify(*parsed);
    if (t.service == url::Service::youtube_video || t.service == url::Service::youtube_playlist) {
        if (const auto yt = url::parse_youtube(*parsed)) {
            t.key = t.service == url::Service::youtube_video
                        ? "https://www.youtube.com/watch?v=" + yt->video_id
                        : "https://www.youtube.com/playlist?list=" + yt->playlist_id;
        }
    }
    return t;
}

std::expected<std::string, std::string> oembed_request_url(std::string_view endpoint, std::string_view link) {
    auto with_url = url::append_query(endpoint, "url", link);
    if (!with_url) {
        return with_url;
    }
    return url::append_query(*with_url, "format", "json");
}

Probe::Probe(Target target, const ProbeSettings& settings) : target_(std::move(target)), settings_(&settings) {
    if (!target_.error.empty()) {
        finish({Status::broken, "malformed-url", fmt::format("malformed URL: {}", target_.error), 0});
        return;
    }
    switch (target_.service) {
    case url::Service::youtube_video:
    case url::Service::youtube_playlist: {
        auto request_url = oembed_request_url(settings_->oembed_endpoint, target_.key);
        if (!request_url) {
            finish({Status::unknown, "bad-endpoint",
                    fmt::format("the oEmbed endpoint '{}' is not a URL: {}", settings_->oembed_endpoint,
                                request_url.error()),
                    0});
            return;
        }
        request_ = {std::move(*request_url), http::Method::get, settings_->keep_body};
        break;
    }
    case url::Service::zoom_meeting: request_ = {target_.key, http::Method::get, settings_->keep_body}; break;
    case url::Service::web: request_ = {target_.key, http::Method::head, 0}; break;
    }
    visited_.insert(fmt::format("{} {}", method_name(request_.method), request_.url));
}

Probe::Next Probe::finish(Verdict v) {
    if (redirects_ > 0 && v.status != Status::broken) {
        v.detail += fmt::format(", after {} redirect{} to {}", redirects_, redirects_ == 1 ? "" : "s", request_.url);
    }
    verdict_ = std::move(v);
    done_ = true;
    return Next::done;
}

Probe::Next Probe::follow(const http::Response& r) {
    ++redirects_;
    const auto broken = [&](std::string kind, std::string detail) {
        verdict_ = {Status::broken, std::move(kind), std::move(detail), r.status};
        done_ = true;
        return Next::done;
    };
    if (redirects_ > settings_->max_redirects) {
        return broken("too-many-redirects", fmt::format("more than {} redirects", settings_->max_redirects));
    }
    const auto next = url::parse(r.redirect_url);
    if (!next) {
        return broken("bad-redirect", fmt::format("redirects to a malformed address '{}'", r.redirect_url));
    }
    if (next->scheme != "http" && next->scheme != "https") {
        return broken("bad-redirect", fmt::format("redirects to '{}', which is not http or https", r.redirect_url));
    }
    const std::string next_url = without_fragment(r.redirect_url);
    if (target_.service == url::Service::zoom_meeting && url::is_zoom_host(next->host) && is_zoom_error_page(*next)) {
        return broken("error-page", fmt::format("Zoom redirects to an error page: {}", next_url));
    }
    if (target_.service == url::Service::youtube_video || target_.service == url::Service::youtube_playlist) {
        const auto from = url::parse(request_.url);
        if (from && from->host != next->host) {
            verdict_ = {Status::unknown, "unexpected-redirect",
                        fmt::format("the oEmbed endpoint redirects elsewhere: {}", next_url), r.status};
            done_ = true;
            return Next::done;
        }
    }
    if (!visited_.insert(fmt::format("{} {}", method_name(request_.method), next_url)).second) {
        return broken("redirect-loop", fmt::format("redirect loop: back to {} after {} redirect{}", next_url,
                                                   redirects_, redirects_ == 1 ? "" : "s"));
    }
    request_.url = next_url;
    return Next::send;
}

Verdict Probe::judge(const http::Response& r) const {
    switch (target_.service) {
    case url::Service::youtube_video:
    case url::Service::youtube_playlist: return youtube_verdict(r);
    case url::Service::zoom_meeting: return zoom_verdict(r, settings_->zoom_markers);
    case url::Service::web: break;
    }
    return web_verdict(r);
}

Probe::Next Probe::on_response(const http::Response& response) {
    retry_after_.reset();
    if (is_redirect(response)) {
        return follow(response);
    }
    const bool transient = is_transient(response);
    if (transient) {
        last_transient_ = response;
        last_transient_->body.clear();
        retry_after_ = links::retry_after(response);
    }
    if (request_.method == http::Method::head && (response.failure != http::Failure::none || response.status >= 400)) {
        // HEAD refused or failed: ask again with GET, after a pause if the answer was transient.
        request_.method = http::Method::get;
        visited_.insert(fmt::format("GET {}", request_.url));
        return transient ? Next::retry : Next::send;
    }
    if (transient) {
        return Next::retry;
    }
    return finish(judge(response));
}

void Probe::give_up(std::string_view note) {
    Verdict v =
        last_transient_ ? judge(*last_transient_) : Verdict{Status::unknown, "network-error", "no usable answer", 0};
    if (v.status != Status::unknown) {
        v.status = Status::unknown; // a transient answer never proves anything
    }
    if (!note.empty()) {
        v.detail += fmt::format(", {}", note);
    }
    finish(std::move(v));
}

void Probe::confirm_broken(std::string_view note) {
    verdict_.status = Status::broken;
    verdict_.detail += fmt::format(" ({})", note);
}

} // namespace wtool::links

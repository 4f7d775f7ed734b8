#include "links/links_fetch.hpp"

#include "links/links_verdict.hpp"

#include <fmt/format.h>

namespace wtool::links {

namespace {

http::Response get(http::Client& client, const std::string& url, std::size_t keep_body) {
    client.start(1, http::Request{url, http::Method::get, keep_body});
    while (true) {
        for (http::Completion& c : client.wait(std::chrono::milliseconds{200})) {
            if (c.id == 1) {
                return std::move(c.response);
            }
        }
    }
}

bool is_redirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

Fetched fetch(http::Client& client, std::string url, const FetchOptions& options) {
    Fetched out;
    int redirects = 0;
    while (true) {
        out.response = get(client, url, options.keep_body);
        out.url = url;
        if (is_transient(out.response) && out.retries < options.retry.retries) {
            ++out.retries;
            auto delay = backoff_delay(out.retries, options.retry, 0.5);
            if (const auto asked = retry_after(out.response)) {
                delay = std::max(delay, std::chrono::milliseconds(std::min(*asked, options.retry.retry_after_cap)));
            }
            // Waiting with nothing in flight is a sleep on the client's clock.
            for (const auto until = client.now() + delay; client.now() < until;) {
                (void)client.wait(std::chrono::duration_cast<std::chrono::milliseconds>(until - client.now()));
            }
            continue;
        }
        if (out.response.failure == http::Failure::none && is_redirect(out.response.status) &&
            !out.response.redirect_url.empty()) {
            if (++redirects > options.max_redirects) {
                out.problem = fmt::format("more than {} redirects", options.max_redirects);
                return out;
            }
            url = out.response.redirect_url;
            continue;
        }
        return out;
    }
}

} // namespace wtool::links

// One GET as check-links sends it, for a document wtool reads (the playlist feed of `wtool
// recordings`): through the same client (timeouts, proxy from the environment, body cap),
// redirects followed up to a limit, transient answers (timeouts, resets, 408, 429, 5xx) retried
// after check-links' backoff.
#pragma once

#include "links/links_scheduler.hpp"
#include "net/http_client.hpp"

#include <string>

namespace wtool::links {

struct FetchOptions {
    int max_redirects = 10;
    std::size_t keep_body = std::size_t{4} << 20;
    SchedulerOptions retry; // retries, backoff_base, backoff_max
};

struct Fetched {
    http::Response response; // the last answer: a failure, or an HTTP status (not a redirect)
    std::string url;         // the URL that gave it, after redirects
    int retries = 0;
    std::string problem;     // "more than 10 redirects" when following them stopped; else empty
};

Fetched fetch(http::Client& client, std::string url, const FetchOptions& options);

} // namespace wtool::links

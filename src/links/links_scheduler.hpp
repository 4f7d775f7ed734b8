// Running many probes at once over one HTTP client, politely: at most `jobs` requests in flight,
// at most `host_concurrency` to one host, request starts to one host at least `host_interval`
// apart, and transient answers retried after an exponential backoff with jitter (or after the
// server's Retry-After, when it sends one and it is not longer than `retry_after_cap`).
#pragma once

#include "links/links_probe.hpp"
#include "net/http_client.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace wtool::links {

struct SchedulerOptions {
    int jobs = 16;
    int host_concurrency = 4;
    std::chrono::milliseconds host_interval{100};
    int retries = 2; // extra attempts after a transient answer
    std::chrono::milliseconds backoff_base{500};
    std::chrono::milliseconds backoff_max{std::chrono::seconds{8}};
    std::chrono::seconds retry_after_cap{30};
    std::uint64_t seed = 1; // for the jitter
};

struct ProbeStats {
    int requests = 0; // requests sent, redirect hops included
    int retries = 0;  // of them, repeats after a transient answer
};

struct Progress {
    std::size_t done = 0;
    std::size_t total = 0;
    std::size_t failed = 0; // broken or unknown so far
};

// The pause before retry number `retry` (1 for the first): backoff_base × 2^(retry-1), at most
// backoff_max, scaled by a jitter factor between 0.5 and 1 (`jitter` in [0, 1] picks where).
std::chrono::milliseconds backoff_delay(int retry, const SchedulerOptions& options, double jitter);

// Drives every probe to its verdict and returns what it took, in the probes' order. Probes that
// are done already are left alone. `on_progress` (may be empty) is called after each verdict.
// A probe whose host name did not resolve is broken (host-not-found) when some other request of
// the run got an HTTP answer (the network was up), unknown otherwise.
std::vector<ProbeStats> run_probes(std::span<Probe> probes, http::Client& client, const SchedulerOptions& options,
                                   const std::function<void(const Progress&)>& on_progress = {});

} // namespace wtool::links

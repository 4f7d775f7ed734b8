#include "links/links_scheduler.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <queue>
#include <random>
#include <unordered_map>

namespace wtool::links {

namespace {

using std::chrono::milliseconds;

struct HostState {
    std::deque<std::size_t> ready; // probes whose next request may go now
    int in_flight = 0;
    http::SteadyTime next_start{};
};

struct InFlight {
    std::size_t probe = 0;
    std::string host;
};

std::string host_of(const http::Request& request) {
    const auto u = url::parse(request.url);
    return u ? u->host : std::string();
}

bool is_failure(const Verdict& v) {
    return v.status == Status::broken || v.status == Status::unknown;
}

} // namespace

milliseconds backoff_delay(int retry, const SchedulerOptions& options, double jitter) {
    const auto base = static_cast<double>(options.backoff_base.count());
    const double full =
        std::min(base * std::pow(2.0, std::max(retry - 1, 0)), static_cast<double>(options.backoff_max.count()));
    const double factor = 0.5 + 0.5 * std::clamp(jitter, 0.0, 1.0);
    return milliseconds{static_cast<milliseconds::rep>(full * factor)};
}

std::vector<ProbeStats> run_probes(std::span<Probe> probes, http::Client& client, const SchedulerOptions& options,
                                   const std::function<void(const Progress&)>& on_progress) {
    std::vector<ProbeStats> stats(probes.size());
    std::map<std::string, HostState> hosts;
    using Delayed = std::pair<http::SteadyTime, std::size_t>;
    std::priority_queue<Delayed, std::vector<Delayed>, std::greater<>> delayed;
    std::unordered_map<http::RequestId, InFlight> in_flight;
    std::mt19937_64 rng(options.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const std::size_t jobs = static_cast<std::size_t>(std::max(options.jobs, 1));
    const int per_host = std::max(options.host_concurrency, 1);
    Progress progress{0, probes.size(), 0};
    bool network_up = false;
    http::RequestId next_id = 1;

    const auto enqueue = [&](std::size_t i) { hosts[host_of(probes[i].request())].ready.push_back(i); };
    const auto settle = [&](std::size_t i) {
        ++progress.done;
        if (is_failure(probes[i].verdict())) {
            ++progress.failed;
        }
        if (on_progress) {
            on_progress(progress);
        }
    };
    for (std::size_t i = 0; i < probes.size(); ++i) {
        if (probes[i].done()) {
            ++progress.done;
            progress.failed += is_failure(probes[i].verdict()) ? 1 : 0;
        } else {
            enqueue(i);
        }
    }

    while (progress.done < probes.size()) {
        const http::SteadyTime now = client.now();
        while (!delayed.empty() && delayed.top().first <= now) {
            enqueue(delayed.top().second);
            delayed.pop();
        }
        std::optional<http::SteadyTime> wake;
        const auto wake_at = [&](http::SteadyTime t) {
            if (!wake || t < *wake) {
                wake = t;
            }
        };
        if (!delayed.empty()) {
            wake_at(delayed.top().first);
        }
        for (auto& [host, state] : hosts) {
            while (!state.ready.empty() && in_flight.size() < jobs && state.in_flight < per_host) {
                if (state.next_start > now) {
                    wake_at(state.next_start);
                    break;
                }
                const std::size_t i = state.ready.front();
                state.ready.pop_front();
                const http::RequestId id = next_id++;
                client.start(id, probes[i].request());
                in_flight.emplace(id, InFlight{i, host});
                ++state.in_flight;
                ++stats[i].requests;
                state.next_start = now + options.host_interval;
            }
        }
        if (in_flight.empty() && !wake) {
            break; // nothing can ever happen again (cannot occur, but never spin)
        }
        milliseconds wait{1000};
        if (wake) {
            wait = std::min(wait, std::max(milliseconds{0}, std::chrono::ceil<milliseconds>(*wake - now)));
        }
        for (http::Completion& c : client.wait(wait)) {
            const auto it = in_flight.find(c.id);
            if (it == in_flight.end()) {
                continue;
            }
            const std::size_t i = it->second.probe;
            --hosts[it->second.host].in_flight;
            in_flight.erase(it);
            if (c.response.failure == http::Failure::none) {
                network_up = true;
            }
            Probe& probe = probes[i];
            switch (probe.on_response(c.response)) {
            case Probe::Next::send: enqueue(i); break;
            case Probe::Next::retry: {
                const auto asked = probe.retry_after();
                if (stats[i].retries >= options.retries) {
                    probe.give_up(
                        fmt::format("after {} attempt{}", stats[i].retries + 1, stats[i].retries == 0 ? "" : "s"));
                    settle(i);
                } else if (asked && *asked > options.retry_after_cap) {
                    probe.give_up(fmt::format("and asks to wait {} s (wtool waits at most {} s)", asked->count(),
                                              options.retry_after_cap.count()));
                    settle(i);
                } else {
                    ++stats[i].retries;
                    const milliseconds pause =
                        asked ? milliseconds{*asked} : backoff_delay(stats[i].retries, options, unit(rng));
                    delayed.emplace(client.now() + pause, i);
                }
                break;
            }
            case Probe::Next::done: settle(i); break;
            }
        }
    }
    for (Probe& probe : probes) {
        if (network_up && probe.done() && probe.verdict().kind == "host-not-found" &&
            probe.verdict().status == Status::unknown) {
            probe.confirm_broken("while other hosts answered");
        }
    }
    return stats;
}

} // namespace wtool::links

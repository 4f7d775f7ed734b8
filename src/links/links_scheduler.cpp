#include "links/links_scheduler.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <fmt/format.h>
#include <map>
#include <optional>
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

namespace {

// One run of the scheduler: the state run_probes() keeps between its named steps.
class Scheduler {
  public:
    Scheduler(std::span<Probe> probes, http::Client& client, const SchedulerOptions& options,
              const std::function<void(const Progress&)>& on_progress)
        : probes_(probes), client_(client), options_(options), on_progress_(on_progress), stats_(probes.size()),
          rng_(options.seed), jobs_(static_cast<std::size_t>(std::max(options.jobs, 1))),
          per_host_(std::max(options.host_concurrency, 1)), progress_{0, probes.size(), 0} {}

    std::vector<ProbeStats> run() {
        for (std::size_t i = 0; i < probes_.size(); ++i) {
            if (probes_[i].done()) {
                ++progress_.done;
                progress_.failed += is_failure(probes_[i].verdict()) ? 1 : 0;
            } else {
                enqueue(i);
            }
        }
        while (progress_.done < probes_.size()) {
            const http::SteadyTime now = client_.now();
            const std::optional<http::SteadyTime> wake = start_ready(now);
            if (in_flight_.empty() && !wake) {
                break; // nothing can ever happen again (cannot occur, but never spin)
            }
            milliseconds wait{1000};
            if (wake) {
                wait = std::min(wait, std::max(milliseconds{0}, std::chrono::ceil<milliseconds>(*wake - now)));
            }
            for (http::Completion& c : client_.wait(wait)) {
                on_completion(c);
            }
        }
        confirm_missing_hosts();
        return std::move(stats_);
    }

  private:
    void enqueue(std::size_t i) { hosts_[host_of(probes_[i].request())].ready.push_back(i); }

    void settle(std::size_t i) {
        ++progress_.done;
        if (is_failure(probes_[i].verdict())) {
            ++progress_.failed;
        }
        if (on_progress_) {
            on_progress_(progress_);
        }
    }

    // Moves the retries that are due back to their hosts and starts every request the limits
    // allow; returns when something is due next (a retry, or a host's next start), if anything.
    std::optional<http::SteadyTime> start_ready(http::SteadyTime now) {
        while (!delayed_.empty() && delayed_.top().first <= now) {
            enqueue(delayed_.top().second);
            delayed_.pop();
        }
        std::optional<http::SteadyTime> wake;
        const auto wake_at = [&](http::SteadyTime t) {
            if (!wake || t < *wake) {
                wake = t;
            }
        };
        if (!delayed_.empty()) {
            wake_at(delayed_.top().first);
        }
        for (auto& [host, state] : hosts_) {
            while (!state.ready.empty() && in_flight_.size() < jobs_ && state.in_flight < per_host_) {
                if (state.next_start > now) {
                    wake_at(state.next_start);
                    break;
                }
                const std::size_t i = state.ready.front();
                state.ready.pop_front();
                const http::RequestId id = next_id_++;
                client_.start(id, probes_[i].request());
                in_flight_.emplace(id, InFlight{i, host});
                ++state.in_flight;
                ++stats_[i].requests;
                state.next_start = now + options_.host_interval;
            }
        }
        return wake;
    }

    // A response (or failure) for a request in flight: the probe says what comes next.
    void on_completion(const http::Completion& c) {
        const auto it = in_flight_.find(c.id);
        if (it == in_flight_.end()) {
            return;
        }
        const std::size_t i = it->second.probe;
        --hosts_[it->second.host].in_flight;
        in_flight_.erase(it);
        if (c.response.failure == http::Failure::none) {
            network_up_ = true;
        }
        switch (probes_[i].on_response(c.response)) {
        case Probe::Next::send: enqueue(i); break;
        case Probe::Next::retry: retry_or_give_up(i); break;
        case Probe::Next::done: settle(i); break;
        }
    }

    // Another attempt after a pause (the server's Retry-After, or backoff), within the limits.
    void retry_or_give_up(std::size_t i) {
        Probe& probe = probes_[i];
        const auto asked = probe.retry_after();
        if (stats_[i].retries >= options_.retries) {
            probe.give_up(fmt::format("after {} attempt{}", stats_[i].retries + 1, stats_[i].retries == 0 ? "" : "s"));
            settle(i);
        } else if (asked && *asked > options_.retry_after_cap) {
            probe.give_up(fmt::format("and asks to wait {} s (wtool waits at most {} s)", asked->count(),
                                      options_.retry_after_cap.count()));
            settle(i);
        } else {
            ++stats_[i].retries;
            const milliseconds pause =
                asked ? milliseconds{*asked} : backoff_delay(stats_[i].retries, options_, unit_(rng_));
            delayed_.emplace(client_.now() + pause, i);
        }
    }

    // A host that was not found while other hosts answered is broken, not a network problem.
    void confirm_missing_hosts() {
        for (Probe& probe : probes_) {
            if (network_up_ && probe.done() && probe.verdict().kind == "host-not-found" &&
                probe.verdict().status == Status::unknown) {
                probe.confirm_broken("while other hosts answered");
            }
        }
    }

    using Delayed = std::pair<http::SteadyTime, std::size_t>;

    std::span<Probe> probes_;
    http::Client& client_;
    const SchedulerOptions& options_;
    const std::function<void(const Progress&)>& on_progress_;
    std::vector<ProbeStats> stats_;
    std::map<std::string, HostState> hosts_;
    std::priority_queue<Delayed, std::vector<Delayed>, std::greater<>> delayed_;
    std::unordered_map<http::RequestId, InFlight> in_flight_;
    std::mt19937_64 rng_;
    std::uniform_real_distribution<double> unit_{0.0, 1.0};
    std::size_t jobs_;
    int per_host_;
    Progress progress_;
    bool network_up_ = false;
    http::RequestId next_id_ = 1;
};

} // namespace

std::vector<ProbeStats> run_probes(std::span<Probe> probes, http::Client& client, const SchedulerOptions& options,
                                   const std::function<void(const Progress&)>& on_progress) {
    return Scheduler(probes, client, options, on_progress).run();
}

} // namespace wtool::links

// A scripted HTTP client for unit tests: answers come from a table, after a virtual latency, on a
// virtual clock that only moves when the scheduler waits. It records every request and the most
// requests it ever had in flight, per host and in all.
#pragma once

#include "net/http_client.hpp"
#include "net/url.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace wtool::testing {

struct FakeAnswer {
    http::Response response;
    std::chrono::milliseconds latency{10};
};

inline FakeAnswer answer(int status, std::string body = {},
                         std::vector<std::pair<std::string, std::string>> headers = {},
                         std::chrono::milliseconds latency = std::chrono::milliseconds{10}) {
    FakeAnswer a;
    a.response.status = status;
    a.response.body = std::move(body);
    a.response.headers = std::move(headers);
    a.latency = latency;
    return a;
}

inline FakeAnswer redirect(int status, std::string location) {
    FakeAnswer a = answer(status, {}, {{"location", location}});
    a.response.redirect_url = std::move(location);
    return a;
}

inline FakeAnswer failure(http::Failure f, std::string text = {},
                          std::chrono::milliseconds latency = std::chrono::milliseconds{10}) {
    FakeAnswer a;
    a.response.failure = f;
    a.response.failure_text = std::move(text);
    a.latency = latency;
    return a;
}

class FakeClient final : public http::Client {
  public:
    struct Sent {
        std::string url;
        http::Method method;
        std::chrono::milliseconds at; // virtual time since the fake was made
    };

    // Requests for `url` (any method, or only `method`) get these answers in turn; the last one
    // repeats. Unscripted requests fail with Failure::connect.
    void on(const std::string& url, std::vector<FakeAnswer> answers) { script_[{url, -1}] = {std::move(answers), 0}; }
    void on(const std::string& url, http::Method method, std::vector<FakeAnswer> answers) {
        script_[{url, static_cast<int>(method)}] = {std::move(answers), 0};
    }

    void start(http::RequestId id, const http::Request& request) override {
        sent.push_back({request.url, request.method, elapsed()});
        const std::string host = host_of(request.url);
        const int now_in_flight = ++in_flight_[host];
        max_in_flight_per_host[host] = std::max(max_in_flight_per_host[host], now_in_flight);
        max_in_flight = std::max(max_in_flight, static_cast<int>(pending_.size()) + 1);
        FakeAnswer a = next_answer(request);
        if (a.response.body.size() > request.keep_body) {
            a.response.body.resize(request.keep_body);
        }
        pending_.push_back({id, now_ + a.latency, host, std::move(a.response)});
    }

    std::vector<http::Completion> wait(std::chrono::milliseconds max_wait) override {
        std::vector<http::Completion> done;
        const auto earliest = std::min_element(pending_.begin(), pending_.end(),
                                               [](const auto& a, const auto& b) { return a.finish < b.finish; });
        if (earliest == pending_.end() || earliest->finish > now_ + max_wait) {
            now_ += max_wait;
            return done;
        }
        now_ = std::max(now_, earliest->finish);
        for (auto it = pending_.begin(); it != pending_.end();) {
            if (it->finish <= now_) {
                --in_flight_[it->host];
                done.push_back({it->id, std::move(it->response)});
                it = pending_.erase(it);
            } else {
                ++it;
            }
        }
        return done;
    }

    [[nodiscard]] http::SteadyTime now() const override { return now_; }
    [[nodiscard]] std::chrono::milliseconds elapsed() const {
        return std::chrono::duration_cast<std::chrono::milliseconds>(now_ - http::SteadyTime{});
    }

    std::vector<Sent> sent;
    std::map<std::string, int> max_in_flight_per_host;
    int max_in_flight = 0;

  private:
    struct Script {
        std::vector<FakeAnswer> answers;
        std::size_t next = 0;
    };
    struct Pending {
        http::RequestId id;
        http::SteadyTime finish;
        std::string host;
        http::Response response;
    };

    static std::string host_of(const std::string& u) {
        const auto parsed = url::parse(u);
        return parsed ? parsed->host : std::string();
    }

    FakeAnswer next_answer(const http::Request& request) {
        auto it = script_.find({request.url, static_cast<int>(request.method)});
        if (it == script_.end()) {
            it = script_.find({request.url, -1});
        }
        if (it == script_.end() || it->second.answers.empty()) {
            return failure(http::Failure::connect, "no fake answer for " + request.url);
        }
        Script& s = it->second;
        FakeAnswer a = s.answers[std::min(s.next, s.answers.size() - 1)];
        ++s.next;
        return a;
    }

    std::map<std::pair<std::string, int>, Script> script_;
    std::vector<Pending> pending_;
    std::map<std::string, int> in_flight_;
    http::SteadyTime now_{};
};

} // namespace wtool::testing

// The network behind an interface: one HTTP request at a time per id, many in flight, answered
// when the caller waits. The libcurl implementation is in http_curl.hpp; unit tests use a fake.
//
// A client sends exactly the request it is given: it never follows redirects itself (the caller
// sees every hop, so that it can count, detect loops and keep per-host limits), keeps no cookies,
// and speaks only http and https.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wtool::http {

enum class Method { head, get };

struct Request {
    std::string url; // absolute http or https URL
    Method method = Method::get;
    // Body bytes kept in Response::body; the transfer is stopped once more arrive than the
    // client's body cap (see CurlClientOptions), whatever this says.
    std::size_t keep_body = 0;
};

// Why a request got no HTTP answer.
enum class Failure {
    none,               // an HTTP status arrived
    timeout,            // connect or total timeout
    dns,                // the host name could not be resolved
    connect,            // connection refused or unreachable
    reset,              // the connection broke (reset, closed early, nothing received)
    tls,                // the TLS handshake failed for another reason than the certificate
    tls_certificate,    // the server's certificate did not verify
    unsupported_scheme, // not http or https
    other,              // anything else libcurl reports
};

struct Response {
    Failure failure = Failure::none;
    std::string failure_text;                                 // libcurl's explanation, when failed
    int status = 0;                                           // HTTP status, 0 when failed
    std::vector<std::pair<std::string, std::string>> headers; // names in lower case, in order received
    std::string body;                                         // at most Request::keep_body bytes
    bool body_truncated = false;                              // the transfer was stopped at the body cap
    std::string redirect_url; // Location resolved against the request URL; empty when none
    // The wall-clock time the answer arrived: the reference for a Retry-After date when the
    // server sent no Date header.
    std::optional<std::chrono::sys_seconds> received_at;

    // The first value of header `name` (lower case), or nullopt.
    [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const {
        for (const auto& [key, value] : headers) {
            if (key == name) {
                return std::string_view(value);
            }
        }
        return std::nullopt;
    }
};

using RequestId = std::uint64_t;
using SteadyTime = std::chrono::steady_clock::time_point;

struct Completion {
    RequestId id = 0;
    Response response;
};

class Client {
  public:
    Client() = default;
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;
    virtual ~Client() = default;

    // Starts a request; its answer comes back from wait() under `id` (unique among the
    // requests in flight).
    virtual void start(RequestId id, const Request& request) = 0;

    // Waits at most `max_wait` (possibly less) for requests to finish and returns those that did,
    // possibly none. With nothing in flight it still waits, so callers can use it to sleep.
    virtual std::vector<Completion> wait(std::chrono::milliseconds max_wait) = 0;

    // The clock wait() runs on: the steady clock for a real client, a virtual one for a fake.
    [[nodiscard]] virtual SteadyTime now() const = 0;
};

} // namespace wtool::http

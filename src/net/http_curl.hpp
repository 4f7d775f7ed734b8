// The HTTP client on libcurl's multi interface: many transfers in flight on one thread, HTTP/2
// where the server offers it (multiplexed), compressed answers accepted, TLS always verified, no
// cookie engine, only http and https, no automatic redirects (the caller follows them).
//
// The program must call curl_global_init() before creating a client (the command does).
#pragma once

#include "net/http_client.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace wtool::http {

struct CurlClientOptions {
    std::chrono::milliseconds timeout{std::chrono::seconds{20}};         // whole request
    std::chrono::milliseconds connect_timeout{std::chrono::seconds{10}}; // connection set-up
    std::size_t body_cap = std::size_t{1} << 20;                         // stop a transfer after this many body bytes
    std::string user_agent;
    // curl's CURLOPT_CONNECT_TO entries, "HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT".
    std::vector<std::string> connect_to;
    long max_connections = 0; // limit on open connections, 0 for libcurl's default
};

// libcurl's global set-up, once per command run (never from a static initialiser). Throws
// std::runtime_error when libcurl cannot be initialised.
class CurlGlobal {
  public:
    CurlGlobal();
    ~CurlGlobal();
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
};

// "wtool/<version> (+https://github.com/wtool/wtool; link checker)"
std::string default_user_agent();

class CurlClient final : public Client {
  public:
    // Throws std::runtime_error when libcurl cannot be set up (out of memory, bad connect_to).
    explicit CurlClient(CurlClientOptions options);
    ~CurlClient() override;

    void start(RequestId id, const Request& request) override;
    std::vector<Completion> wait(std::chrono::milliseconds max_wait) override;
    [[nodiscard]] SteadyTime now() const override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace wtool::http

#include "net/http_curl.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <array>
#include <curl/curl.h>
#include <stdexcept>
#include <unordered_map>

namespace wtool::http {

namespace {

struct SlistFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistFree>;

// One request in flight.
struct Transfer {
    RequestId id = 0;
    CURL* easy = nullptr;
    std::size_t keep_body = 0;
    std::size_t body_cap = 0;
    std::size_t received = 0;
    bool truncated = false;
    std::string body;
    std::array<char, CURL_ERROR_SIZE> error{};
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    t->received += n;
    if (t->body.size() < t->keep_body) {
        t->body.append(data, std::min(n, t->keep_body - t->body.size()));
    }
    if (t->received > t->body_cap) {
        t->truncated = true;
        return 0; // stops the transfer with CURLE_WRITE_ERROR
    }
    return n;
}

Failure failure_of(CURLcode rc) {
    switch (rc) {
    case CURLE_OK: return Failure::none;
    case CURLE_OPERATION_TIMEDOUT: return Failure::timeout;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return Failure::dns;
    case CURLE_COULDNT_CONNECT: return Failure::connect;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WEIRD_SERVER_REPLY: return Failure::reset;
    case CURLE_PEER_FAILED_VERIFICATION: return Failure::tls_certificate;
    case CURLE_SSL_CONNECT_ERROR: return Failure::tls;
    case CURLE_UNSUPPORTED_PROTOCOL: return Failure::unsupported_scheme;
    default: return Failure::other;
    }
}

template <class T> void set(CURL* easy, CURLoption option, T value) {
    if (const CURLcode rc = curl_easy_setopt(easy, option, value); rc != CURLE_OK) {
        throw std::runtime_error(std::string("libcurl: ") + curl_easy_strerror(rc));
    }
}

} // namespace

CurlGlobal::CurlGlobal() {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        throw std::runtime_error("cannot initialise libcurl");
    }
}

CurlGlobal::~CurlGlobal() {
    curl_global_cleanup();
}

std::string default_user_agent() {
    return "wtool/" WTOOL_VERSION " (+https://github.com/wtool/wtool; link checker)";
}

struct CurlClient::Impl {
    CurlClientOptions options;
    CURLM* multi = nullptr;
    Slist connect_to;
    std::unordered_map<CURL*, std::unique_ptr<Transfer>> transfers;

    void finish(CURL* easy, CURLcode rc, std::vector<Completion>& done) {
        const auto it = transfers.find(easy);
        if (it == transfers.end()) {
            return;
        }
        Transfer& t = *it->second;
        Completion c;
        c.id = t.id;
        Response& r = c.response;
        r.received_at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        r.body_truncated = t.truncated;
        if (rc == CURLE_WRITE_ERROR && t.truncated) {
            rc = CURLE_OK; // stopped on purpose at the body cap: the answer itself is fine
        }
        r.failure = failure_of(rc);
        if (r.failure != Failure::none) {
            r.failure_text = t.error[0] != '\0' ? std::string(t.error.data()) : curl_easy_strerror(rc);
        } else {
            long status = 0;
            curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
            r.status = static_cast<int>(status);
            char* location = nullptr;
            if (curl_easy_getinfo(easy, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location != nullptr) {
                r.redirect_url = location;
            }
            curl_header* h = nullptr;
            while ((h = curl_easy_nextheader(easy, CURLH_HEADER, -1, h)) != nullptr) {
                r.headers.emplace_back(text::to_lower_ascii(h->name), h->value);
            }
            r.body = std::move(t.body);
        }
        curl_multi_remove_handle(multi, easy);
        curl_easy_cleanup(easy);
        transfers.erase(it);
        done.push_back(std::move(c));
    }

    void collect(std::vector<Completion>& done) {
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
            if (msg->msg == CURLMSG_DONE) {
                finish(msg->easy_handle, msg->data.result, done);
            }
        }
    }
};

CurlClient::CurlClient(CurlClientOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    impl_->multi = curl_multi_init();
    if (impl_->multi == nullptr) {
        throw std::runtime_error("libcurl: cannot create a multi handle");
    }
    curl_multi_setopt(impl_->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    if (impl_->options.max_connections > 0) {
        curl_multi_setopt(impl_->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, impl_->options.max_connections);
    }
    for (const std::string& entry : impl_->options.connect_to) {
        curl_slist* appended = curl_slist_append(impl_->connect_to.get(), entry.c_str());
        if (appended == nullptr) {
            throw std::runtime_error("libcurl: out of memory");
        }
        // curl_slist_append returns the list it was given, or a new one when that was empty: the
        // owner lets go of the list before it takes the result, so the nodes are never freed twice.
        static_cast<void>(impl_->connect_to.release());
        impl_->connect_to.reset(appended);
    }
}

CurlClient::~CurlClient() {
    for (auto& [easy, transfer] : impl_->transfers) {
        curl_multi_remove_handle(impl_->multi, easy);
        curl_easy_cleanup(easy);
    }
    curl_multi_cleanup(impl_->multi);
}

void CurlClient::start(RequestId id, const Request& request) {
    CURL* easy = curl_easy_init();
    if (easy == nullptr) {
        throw std::runtime_error("libcurl: cannot create a transfer");
    }
    auto transfer = std::make_unique<Transfer>();
    transfer->id = id;
    transfer->easy = easy;
    transfer->keep_body = std::min(request.keep_body, impl_->options.body_cap);
    transfer->body_cap = impl_->options.body_cap;
    Transfer* t = transfer.get();
    impl_->transfers.emplace(easy, std::move(transfer));
    const CurlClientOptions& o = impl_->options;
    try {
        set(easy, CURLOPT_URL, request.url.c_str());
        set(easy, CURLOPT_PRIVATE, static_cast<void*>(t));
        set(easy, CURLOPT_ERRORBUFFER, t->error.data());
        set(easy, CURLOPT_WRITEFUNCTION, &on_body);
        set(easy, CURLOPT_WRITEDATA, static_cast<void*>(t));
        if (request.method == Method::head) {
            set(easy, CURLOPT_NOBODY, 1L);
        } else {
            set(easy, CURLOPT_HTTPGET, 1L);
        }
        set(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        set(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        set(easy, CURLOPT_FOLLOWLOCATION, 0L);
        set(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
        set(easy, CURLOPT_PIPEWAIT, 1L);
        set(easy, CURLOPT_ACCEPT_ENCODING, "");
        set(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(o.timeout.count()));
        set(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
        set(easy, CURLOPT_SSL_VERIFYPEER, 1L);
        set(easy, CURLOPT_SSL_VERIFYHOST, 2L);
        set(easy, CURLOPT_NOSIGNAL, 1L);
        if (!o.user_agent.empty()) {
            set(easy, CURLOPT_USERAGENT, o.user_agent.c_str());
        }
        if (impl_->connect_to) {
            set(easy, CURLOPT_CONNECT_TO, impl_->connect_to.get());
        }
        if (const CURLMcode rc = curl_multi_add_handle(impl_->multi, easy); rc != CURLM_OK) {
            throw std::runtime_error(std::string("libcurl: ") + curl_multi_strerror(rc));
        }
    } catch (...) {
        impl_->transfers.erase(easy);
        curl_easy_cleanup(easy);
        throw;
    }
}

std::vector<Completion> CurlClient::wait(std::chrono::milliseconds max_wait) {
    std::vector<Completion> done;
    int running = 0;
    curl_multi_perform(impl_->multi, &running);
    impl_->collect(done);
    if (!done.empty()) {
        return done;
    }
    const int timeout_ms = static_cast<int>(std::clamp<long long>(max_wait.count(), 0, 60'000));
    curl_multi_poll(impl_->multi, nullptr, 0, timeout_ms, nullptr);
    curl_multi_perform(impl_->multi, &running);
    impl_->collect(done);
    return done;
}

SteadyTime CurlClient::now() const {
    return std::chrono::steady_clock::now();
}

} // namespace wtool::http

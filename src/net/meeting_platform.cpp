#include "net/meeting_platform.hpp"

#include "net/url.hpp"
#include "support/text.hpp"

#include <array>

namespace wtool::url {

namespace {

struct PlatformHost {
    std::string_view domain;
    bool subdomains; // whether every subdomain of `domain` is the platform too
    std::string_view platform;
};

// Exact hosts where a subdomain could be someone else's service (a Google or Microsoft subdomain is
// not a meeting), the domain with its subdomains where the platform gives organisations their own
// (itucph.zoom.us, company.webex.com, company.whereby.com).
constexpr std::array<PlatformHost, 7> hosts = {{
    {"zoom.us", true, "Zoom"},
    {"meet.google.com", false, "Google Meet"},
    {"teams.microsoft.com", false, "Microsoft Teams"},
    {"teams.live.com", false, "Microsoft Teams"},
    {"webex.com", true, "Webex"},
    {"meet.jit.si", false, "Jitsi Meet"},
    {"whereby.com", true, "Whereby"},
}};

} // namespace

std::string_view meeting_platform(std::string_view host) {
    for (const PlatformHost& h : hosts) {
        if (h.subdomains ? host_is(host, h.domain) : text::iequals_ascii(host, h.domain)) {
            return h.platform;
        }
    }
    return {};
}

} // namespace wtool::url

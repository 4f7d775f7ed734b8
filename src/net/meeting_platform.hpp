// The meeting platforms wtool names in announcements, pages and calendars, known by the host of a
// season's meeting link (catalogue key `meeting_url` or `zoom_url`). The one table of hosts.
#pragma once

#include <string_view>

namespace wtool::url {

// The platform a meeting link's host belongs to: "Zoom" (zoom.us and its subdomains), "Google Meet"
// (meet.google.com), "Microsoft Teams" (teams.microsoft.com, teams.live.com), "Webex" (webex.com and
// its subdomains), "Jitsi Meet" (meet.jit.si), "Whereby" (whereby.com and its subdomains). Empty
// for any other host, which outputs call an online meeting. `host` as url::parse gives it (lower case).
std::string_view meeting_platform(std::string_view host);

} // namespace wtool::url

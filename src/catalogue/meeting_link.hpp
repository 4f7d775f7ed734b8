// A season's meeting link: its own `meeting_url`, else its own `zoom_url`, else the series'
// `meeting_url`; and the platform its host names (net/meeting_platform.hpp). Every output that
// shows where a webinar day happens asks this, so that they all agree.
#pragma once

#include "catalogue/catalogue.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace wtool {

struct MeetingLink {
    const Text* url = nullptr; // the link, or nullptr when the season has none yet
    // "Zoom", "Google Meet", ... by the link's host; "Online" for a host wtool does not know. With no
    // link: "Zoom" in a catalogue that names no meeting_url anywhere (a Zoom series, as before
    // meeting_url existed), else "Online".
    std::string platform;
    bool known_platform = false; // whether `platform` names a platform (not "Online")
    bool zoom = false;           // whether the link is a Zoom link (or, with no link, the series is on Zoom)
};

// The season's meeting link as described above. A season with both keys is a validate error
// (`meeting-url`); this then answers its meeting_url.
MeetingLink season_meeting_link(const Catalogue& cat, const Season& season);

// "Zoom link" in a catalogue that names no meeting_url anywhere, else "meeting link": what
// validate says a coming season has not got yet.
std::string_view meeting_link_noun(const Catalogue& cat);

// What is wrong with a meeting link given on the command line (`--meeting`, `--meeting-url`), as
// the end of a message ("is not a URL: no host name", "is not an https link"); nullopt when it is a
// usable link. Validate's rules say the same of the catalogue's values.
std::optional<std::string> meeting_url_problem(std::string_view link);

} // namespace wtool

// Which video of a playlist is which talk. Uploaders write titles many ways — "Title - Speaker",
// "Speaker | Title", "Series S09E03 – shortened title (Speaker)" — so a video is matched on the
// episode code when its title has one, else on how much of the talk's title it contains and
// whether it names a speaker, after normalising both (case, accents, punctuation and dashes).
// Each video goes to at most one talk and each talk gets at most one video; every match says how
// sure it is and why.
//
// Pure: videos and talks in, matches out.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wtool::recordings {

// A talk as the matcher sees it.
struct TalkRef {
    std::string code;                  // S09E03
    std::string title;
    std::vector<std::string> speakers; // names as the catalogue writes them
};

enum class Confidence {
    certain,  // the video's title has the talk's episode code
    high,     // most of the talk's title, and a speaker's name; or the whole of a long title
    possible, // some of it: shown, never applied
};

std::string_view confidence_name(Confidence c); // "certain", "high", "possible"

struct Match {
    std::size_t video = 0; // index into the videos
    std::size_t talk = 0;  // index into the talks
    Confidence confidence = Confidence::possible;
    std::string reason;    // "episode code S09E03", "title 5/5 words, speaker Kumar Abhishek"
};

// The best matches, at most one per video and per talk, in talk order.
std::vector<Match> match_videos(std::span<const std::string> video_titles, std::span<const TalkRef> talks);

// Text reduced to what matching compares: lower-case words of letters and digits, accents of
// Latin letters removed, every punctuation mark, dash, quote and symbol a space, one space
// between words. "Jiménez-Sánchez: “Bias”!" -> "jimenez sanchez bias".
std::string normalise(std::string_view text);

} // namespace wtool::recordings

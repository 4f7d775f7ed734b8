#include "recordings/recording_match.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/format.h>
#include <optional>

namespace wtool::recordings {

namespace {

// U+00C0..U+00FF and U+0100..U+017F as the ASCII letter they carry an accent on (' ': not a letter).
constexpr std::string_view latin1 = "aaaaaaaceeeeiiiidnooooo ouuuuytsaaaaaaaceeeeiiiidnooooo ouuuuyty";
constexpr std::string_view latin_extended_a =
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "iiiijjkkklllllll"
    "lllnnnnnnnnnoooo" "oooorrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

bool separator(char32_t cp) {
    return (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE00 && cp <= 0xFE6F) ||
           (cp >= 0xFF00 && cp <= 0xFF0F) || cp >= 0x1F000 || cp == 0xA0 || (cp >= 0x80 && cp < 0xC0) ||
           cp == 0xD7 || cp == 0xF7;
}

constexpr std::array<std::string_view, 24> stopwords = {"a",    "an",  "the",  "of",   "in",  "on",
                                                        "for",  "and", "to",   "with", "from", "through",
                                                        "by",   "at",  "is",   "are",  "we",   "our",
                                                        "or",   "as",  "into", "how",  "what", "its"};
constexpr std::array<std::string_view, 6> honorifics = {"dr", "prof", "professor", "mr", "ms", "mrs"};

std::vector<std::string> words(std::string_view normalised) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < normalised.size();) {
        const std::size_t end = std::min(normalised.find(' ', at), normalised.size());
        if (end > at) {
            out.emplace_back(normalised.substr(at, end - at));
        }
        at = end + 1;
    }
    return out;
}

bool contains(const std::vector<std::string>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// "s09e03", "s9e3" -> "S09E03".
std::optional<std::string> episode_code(std::string_view word) {
    if (word.size() < 4 || word[0] != 's') {
        return std::nullopt;
    }
    const std::size_t e = word.find('e', 1);
    if (e == std::string_view::npos || e == 1 || e > 4 || e + 1 >= word.size() || word.size() - e - 1 > 3) {
        return std::nullopt;
    }
    int season = 0;
    int number = 0;
    const auto s1 = std::from_chars(word.data() + 1, word.data() + e, season);
    const auto s2 = std::from_chars(word.data() + e + 1, word.data() + word.size(), number);
    if (s1.ptr != word.data() + e || s2.ptr != word.data() + word.size() || season == 0 || number == 0) {
        return std::nullopt;
    }
    return fmt::format("S{:02}E{:02}", season, number);
}

// A speaker is named when the video has their family name (the last word of their name), or
// every word of it.
std::optional<std::string> named_speaker(const TalkRef& talk, const std::vector<std::string>& video) {
    for (const std::string& name : talk.speakers) {
        std::vector<std::string> parts = words(normalise(name));
        std::erase_if(parts, [](const std::string& w) {
            return std::find(honorifics.begin(), honorifics.end(), w) != honorifics.end();
        });
        if (parts.empty()) {
            continue;
        }
        const bool family = parts.back().size() >= 3 && contains(video, parts.back());
        const bool all = std::all_of(parts.begin(), parts.end(), [&](const std::string& w) { return contains(video, w); });
        if (family || all) {
            return name;
        }
    }
    return std::nullopt;
}

struct Candidate {
    Match match;
    double score = 0; // for choosing: certain > high > possible, then more of the title
};

std::optional<Candidate> judge(std::size_t v, const std::vector<std::string>& video, std::size_t t,
                               const TalkRef& talk) {
    for (const std::string& w : video) {
        if (const auto code = episode_code(w); code && *code == talk.code) {
            return Candidate{{v, t, Confidence::certain, "episode code " + talk.code}, 3.0};
        }
    }
    std::vector<std::string> title = words(normalise(talk.title));
    std::erase_if(title, [](const std::string& w) {
        return std::find(stopwords.begin(), stopwords.end(), w) != stopwords.end();
    });
    const auto found = static_cast<std::size_t>(
        std::count_if(title.begin(), title.end(), [&](const std::string& w) { return contains(video, w); }));
    const double fraction = title.empty() ? 0.0 : static_cast<double>(found) / static_cast<double>(title.size());
    const std::optional<std::string> speaker = named_speaker(talk, video);
    std::string reason = fmt::format("title {}/{} words", found, title.size());
    if (speaker) {
        reason += ", speaker " + *speaker;
    }
    if ((speaker && fraction >= 0.5) || (fraction >= 0.9 && title.size() >= 3)) {
        return Candidate{{v, t, Confidence::high, std::move(reason)}, 2.0 + fraction};
    }
    if (fraction >= 0.6 || (speaker && fraction >= 0.2)) {
        return Candidate{{v, t, Confidence::possible, std::move(reason)}, 1.0 + fraction};
    }
    return std::nullopt;
}

} // namespace

std::string_view confidence_name(Confidence c) {
    switch (c) {
    case Confidence::certain: return "certain";
    case Confidence::high: return "high";
    case Confidence::possible: return "possible";
    }
    return "possible";
}

std::string normalise(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = true; // no leading space
    const auto put = [&](char c) {
        if (c == ' ') {
            if (!space) {
                out += ' ';
            }
            space = true;
        } else {
            out += c;
            space = false;
        }
    };
    for (std::size_t i = 0; i < text.size();) {
        const text::Decoded d = text::decode_utf8(text, i);
        i += d.length;
        const char32_t cp = d.valid ? d.code_point : U' ';
        if (cp < 0x80) {
            const char c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z') {
                put(static_cast<char>(c - 'A' + 'a'));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                put(c);
            } else {
                put(' ');
            }
        } else if (cp >= 0xC0 && cp <= 0xFF) {
            put(latin1[cp - 0xC0]);
        } else if (cp >= 0x100 && cp <= 0x17F) {
            put(latin_extended_a[cp - 0x100]);
        } else if (separator(cp)) {
            put(' ');
        } else {
            text::append_utf8(out, cp); // other scripts: kept as they are
            space = false;
        }
    }
    if (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

std::vector<Match> match_videos(std::span<const std::string> video_titles, std::span<const TalkRef> talks) {
    std::vector<Candidate> candidates;
    for (std::size_t v = 0; v < video_titles.size(); ++v) {
        const std::vector<std::string> video = words(normalise(video_titles[v]));
        for (std::size_t t = 0; t < talks.size(); ++t) {
            if (auto c = judge(v, video, t, talks[t])) {
                candidates.push_back(std::move(*c));
            }
        }
    }
    // The surest first; a video or talk taken by a surer match is not offered again. A video that
    // fits two talks equally well (the same speaker twice, say) is only "possible" for each.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    std::vector<bool> video_taken(video_titles.size(), false);
    std::vector<bool> talk_taken(talks.size(), false);
    std::vector<Match> out;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        Candidate& c = candidates[i];
        if (video_taken[c.match.video] || talk_taken[c.match.talk]) {
            continue;
        }
        const bool tie = std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& o) {
            return &o != &c && o.score == c.score && !talk_taken[o.match.talk] && !video_taken[o.match.video] &&
                   (o.match.video == c.match.video || o.match.talk == c.match.talk);
        });
        if (tie && c.match.confidence != Confidence::certain) {
            c.match.confidence = Confidence::possible;
            c.match.reason += " (as good for another)";
        }
        video_taken[c.match.video] = true;
        talk_taken[c.match.talk] = true;
        out.push_back(std::move(c.match));
    }
    std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.talk < b.talk; });
    return out;
}

} // namespace wtool::recordings

#include "recordings/recordings_plan.hpp"

#include "catalogue/schedule.hpp"
#include "net/url.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace wtool::recordings {

namespace {

// The YouTube video id of a link, or "" when it is not one.
std::string video_id(std::string_view link) {
    const auto parsed = url::parse(link);
    if (!parsed) {
        return {};
    }
    const auto yt = url::parse_youtube(*parsed);
    return yt && yt->kind == url::YouTubeLink::Kind::video ? yt->video_id : std::string{};
}

// Every video that is some episode's recording: video id -> episode code.
std::map<std::string, std::string> recorded_videos(const Catalogue& cat) {
    std::map<std::string, std::string> recorded;
    for (const Episode& e : cat.episodes) {
        if (const std::string id = video_id(e.recording.value); e.recording.present && !id.empty()) {
            recorded.emplace(id, e.code.value);
        }
    }
    return recorded;
}

// The season's talks in number order.
std::vector<const Episode*> season_talks(const Catalogue& cat, int season) {
    std::vector<const Episode*> talks;
    for (const Episode& e : cat.episodes) {
        if (e.season == season) {
            talks.push_back(&e);
        }
    }
    std::sort(talks.begin(), talks.end(), [](const Episode* a, const Episode* b) { return a->number < b->number; });
    return talks;
}

} // namespace

std::string_view action_name(ProposalRow::Action a) {
    switch (a) {
    case ProposalRow::Action::set: return "set";
    case ProposalRow::Action::unsure: return "unsure";
    case ProposalRow::Action::already: return "already";
    case ProposalRow::Action::differs: return "differs";
    case ProposalRow::Action::not_shared: return "not shared";
    case ProposalRow::Action::none: return "none";
    }
    return "none";
}

std::vector<std::pair<std::string, std::string>> Proposal::to_apply() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const ProposalRow& r : rows) {
        if (r.action == ProposalRow::Action::set && r.video) {
            out.emplace_back(r.code, r.video->url);
        }
    }
    return out;
}

Proposal propose(const Catalogue& cat, int season, const Feed& feed) {
    Proposal p;
    p.season = season;
    const std::map<std::string, std::string> recorded = recorded_videos(cat); // never assigned again
    const std::vector<const Episode*> talks = season_talks(cat, season);

    // The videos left to place, and the rows of talks whose own recording is in the feed.
    std::vector<const FeedVideo*> videos;
    std::map<std::string, const FeedVideo*> own; // episode code -> its video in the feed
    for (const FeedVideo& v : feed.videos) {
        const auto owner = recorded.find(v.video_id);
        if (owner == recorded.end()) {
            videos.push_back(&v);
        } else if (const Episode* e = cat.find_episode(owner->second); e != nullptr && e->season == season) {
            own.emplace(owner->second, &v);
        } else {
            p.elsewhere.emplace_back(v, owner->second);
        }
    }
    // The talks to match: shared, and without their recording in the feed already.
    std::vector<TalkRef> refs;
    std::vector<const Episode*> matched_talks;
    for (const Episode* e : talks) {
        if (!e->share_recording.value || own.contains(e->code.value)) {
            continue;
        }
        TalkRef ref{e->code.value, e->title.value, {}};
        for (const Speaker& s : e->speakers) {
            ref.speakers.emplace_back(s.name.value);
        }
        refs.push_back(std::move(ref));
        matched_talks.push_back(e);
    }
    std::vector<std::string> titles;
    titles.reserve(videos.size());
    for (const FeedVideo* v : videos) {
        titles.push_back(v->title);
    }
    const std::vector<Match> matches = match_videos(titles, refs);

    std::vector<bool> placed(videos.size(), false);
    for (const Episode* e : talks) {
        ProposalRow row;
        row.code = e->code.value;
        row.title = e->title.value;
        row.existing = e->recording.present ? std::string(e->recording.value) : std::string{};
        if (const auto it = own.find(row.code); it != own.end()) {
            row.action = ProposalRow::Action::already;
            row.video = *it->second;
            row.reason = "its recording";
        } else if (!e->share_recording.value) {
            row.action = ProposalRow::Action::not_shared;
        } else {
            const auto t = static_cast<std::size_t>(
                std::find(matched_talks.begin(), matched_talks.end(), e) - matched_talks.begin());
            const auto m = std::find_if(matches.begin(), matches.end(), [&](const Match& x) { return x.talk == t; });
            if (m != matches.end()) {
                placed[m->video] = true;
                row.video = *videos[m->video];
                row.confidence = m->confidence;
                row.reason = m->reason;
                if (!row.existing.empty()) {
                    row.action = ProposalRow::Action::differs; // never overwritten
                } else {
                    row.action = m->confidence == Confidence::possible ? ProposalRow::Action::unsure
                                                                       : ProposalRow::Action::set;
                }
            }
        }
        p.rows.push_back(std::move(row));
    }
    for (std::size_t v = 0; v < videos.size(); ++v) {
        if (!placed[v]) {
            p.unplaced.push_back(*videos[v]);
        }
    }
    return p;
}

std::optional<int> last_held_season(const Catalogue& cat, tz::Instant now) {
    std::optional<int> last;
    for (const Season& s : cat.seasons) {
        if (!s.cancelled.value && season_started(cat, s, now) && (!last || s.number.value > *last)) {
            last = s.number.value;
        }
    }
    return last;
}

std::expected<std::string, std::string> playlist_feed_url(std::string_view playlist_url) {
    const auto parsed = url::parse(playlist_url);
    const auto yt = parsed ? url::parse_youtube(*parsed) : std::nullopt;
    if (!yt || yt->playlist_id.empty()) {
        return std::unexpected(fmt::format("'{}' is not a YouTube playlist link (https://www.youtube.com/playlist?list=...)",
                                           playlist_url));
    }
    return "https://www.youtube.com/feeds/videos.xml?playlist_id=" + yt->playlist_id;
}

} // namespace wtool::recordings

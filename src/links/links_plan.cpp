#include "links/links_plan.hpp"

#include "catalogue/schedule.hpp"

#include <fmt/format.h>
#include <map>

namespace wtool::links {

std::vector<LinkResult> group_by_target(std::vector<FoundLink> found) {
    std::vector<LinkResult> results;
    std::map<std::string, std::size_t> by_key;
    for (FoundLink& f : found) {
        Target target = make_target(f.url);
        const auto [it, fresh] = by_key.emplace(target.key, results.size());
        if (fresh) {
            results.emplace_back().target = std::move(target);
        }
        results[it->second].places.push_back(std::move(f.place));
    }
    return results;
}

std::optional<Verdict> expired_verdict(const Catalogue* cat, const LinkResult& r, tz::Instant now) {
    if (cat == nullptr || r.target.service != url::Service::zoom_meeting) {
        return std::nullopt;
    }
    std::vector<const Season*> seasons;
    for (const Place& p : r.places) {
        const Season* s = p.season ? cat->find_season(*p.season) : nullptr;
        if (s == nullptr || (!s->cancelled.value && !season_started(*cat, *s, now))) {
            return std::nullopt; // a coming season, or no season: fetch it
        }
        seasons.push_back(s);
    }
    const Season& s = *seasons.front();
    if (s.cancelled.value && !season_started(*cat, s, now)) {
        return Verdict{Status::expired, "season-cancelled",
                       fmt::format("season {} was cancelled, so its Zoom link is not fetched", s.number.value), 0};
    }
    return Verdict{Status::expired, "expired-as-expected",
                   fmt::format("season {} has begun and Zoom expires meeting links after the meeting, so it is "
                               "not fetched",
                               s.number.value),
                   0};
}

} // namespace wtool::links

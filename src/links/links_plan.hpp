// What a check-links run asks about: one result per link (however often it is written), and the
// links that are not fetched at all because their answer is known (Zoom links of past seasons).
#pragma once

#include "catalogue/catalogue.hpp"
#include "links/links_collect.hpp"
#include "links/links_report.hpp"
#include "time/timezone.hpp"

#include <optional>
#include <vector>

namespace wtool::links {

// One result per unique check key (links/links_probe.hpp: make_target), in the order first found,
// with every place the link is written.
std::vector<LinkResult> group_by_target(std::vector<FoundLink> found);

// A Zoom link all of whose places belong to seasons that have begun (or were cancelled) is not
// fetched: Zoom expires meeting links after the meeting. The verdict says why; nothing when the
// link is to be fetched (or there is no catalogue).
std::optional<Verdict> expired_verdict(const Catalogue* cat, const LinkResult& r, tz::Instant now);

} // namespace wtool::links

#include "catalogue/catalogue_loader.hpp"
#include "links/links_plan.hpp"

#include <doctest/doctest.h>

using namespace wtool;
using namespace wtool::links;

namespace {

constexpr const char* catalogue = R"([series]
title = "T"
timezone = "Europe/Copenhagen"
start_time = 15:00:00

[[season]]
number = 1
date = 2025-01-06
zoom_url = "https://x.zoom.us/j/111"

[[season]]
number = 2
date = 2026-03-02
zoom_url = "https://x.zoom.us/j/222"

[[season]]
number = 3
date = 2026-04-06
cancelled = true
zoom_url = "https://x.zoom.us/j/333"
)";

FoundLink link(std::string url, std::uint32_t line, std::optional<int> season = std::nullopt) {
    return {std::move(url), Place{"c.toml", SourcePos{line, 1}, Role::zoom, "", season}};
}

} // namespace

TEST_CASE("check-links plan: one result per link") {
    const auto results = group_by_target(
        {link("https://example.org/a", 1), link("https://x.zoom.us/j/111", 2), link("https://example.org/a", 3)});
    REQUIRE(results.size() == 2);
    CHECK(results[0].target.key == make_target("https://example.org/a").key);
    REQUIRE(results[0].places.size() == 2);
    CHECK(results[0].places[0].pos.line == 1);
    CHECK(results[0].places[1].pos.line == 3);
    CHECK(results[1].places.size() == 1);
}

TEST_CASE("check-links plan: Zoom links of past and cancelled seasons are not fetched") {
    Diagnostics diags;
    const auto cat = parse_catalogue(catalogue, "c.toml", diags);
    REQUIRE(cat);
    const tz::Instant now = date::sys_days{date::year{2026} / 1 / 1};
    const auto verdict_of = [&](const std::vector<FoundLink>& found) {
        const auto results = group_by_target(found);
        REQUIRE(results.size() == 1);
        return expired_verdict(&*cat, results.front(), now);
    };
    const auto past = verdict_of({link("https://x.zoom.us/j/111", 9, 1)});
    REQUIRE(past);
    CHECK(past->status == Status::expired);
    CHECK(past->kind == "expired-as-expected");
    const auto cancelled = verdict_of({link("https://x.zoom.us/j/333", 9, 3)});
    REQUIRE(cancelled);
    CHECK(cancelled->kind == "season-cancelled");
    // A coming season; a place without a season; not a Zoom link.
    CHECK_FALSE(verdict_of({link("https://x.zoom.us/j/222", 9, 2)}));
    CHECK_FALSE(verdict_of({link("https://x.zoom.us/j/111", 9, 1), link("https://x.zoom.us/j/111", 10)}));
    CHECK_FALSE(verdict_of({link("https://example.org/", 9, 1)}));
    CHECK_FALSE(expired_verdict(nullptr, group_by_target({link("https://x.zoom.us/j/111", 9, 1)}).front(), now));
}

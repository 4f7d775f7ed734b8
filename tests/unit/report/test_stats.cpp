#include "catalogue/catalogue_loader.hpp"
#include "report/stats.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace wtool;

namespace {
Catalogue load(std::string_view text) {
    Diagnostics diags;
    auto cat = parse_catalogue(std::string(text), "c.toml", diags);
    REQUIRE(cat);
    REQUIRE_FALSE(diags.has_errors());
    return std::move(*cat);
}

// Season 1 (held): a two-speaker talk from two countries, a talk not shared, a talk missing its
// recording. Season 2 (held): Ada again, for the same institution spelt in other case, and a new
// one. Season 3: coming. Season 4: cancelled.
constexpr std::string_view catalogue = R"TOML(
[series]
title = "T <&> \"S\""
timezone = "Europe/Copenhagen"
start_time = 15:00:00

[[season]]
number = 1
date = 2025-02-24

[[season]]
number = 2
date = 2025-05-12

[[season]]
number = 3
date = 2026-03-02

[[season]]
number = 4
date = 2025-09-01
cancelled = true

[[episode]]
code = "S01E01"
title = "Two speakers"
recording = "https://www.youtube.com/watch?v=abcdefghijk"
[[episode.speaker]]
name = "Ada"
affiliation = "Analytical Society"
country = "UK"
[[episode.speaker]]
name = "Bob"
affiliation = "Bureau"
country = "France"

[[episode]]
code = "S01E02"
title = "Not shared"
share_recording = false
[[episode.speaker]]
name = "Cy"
affiliation = "Bureau"
country = "France"

[[episode]]
code = "S01E03"
title = "Missing"
[[episode.speaker]]
name = "Di"
country = "UK"

[[episode]]
code = "S02E01"
title = "Ada again"
recording = "https://www.youtube.com/watch?v=abcdefghijl"
[[episode.speaker]]
name = " ada "
affiliation = "analytical society"
country = "uk"
[[episode.speaker]]
name = "Eve"
affiliation = "Eden | <Lab>"
country = "Chile"

[[episode]]
code = "S03E01"
title = "Coming"
[[episode.speaker]]
name = "Fay"
affiliation = "Bureau"
country = "France"

[[episode]]
code = "S04E01"
title = "Called off"
[[episode.speaker]]
name = "Gus"
country = "Chile"
)TOML";

const tz::Instant now = *tz::parse_instant("2026-02-01T12:00:00Z");
} // namespace

TEST_CASE("statistics of every talk (--all)") {
    const Catalogue cat = load(catalogue);
    const Stats stats = compute_stats(cat, now, StatsScope::all);
    SUBCASE("speakers count people, talks count talks") {
        CHECK(stats.talks == 6);
        CHECK(stats.speakers == 7); // Ada and " ada " are one person
        CHECK(stats.speaker_appearances == 8);
        REQUIRE(stats.countries.size() == 3);
        CHECK(stats.countries[0].name == "France");
        CHECK(stats.countries[0].speakers == 3);
        CHECK(stats.countries[0].talks == 3);
        CHECK(stats.countries[1].name == "UK"); // "uk" counted with "UK", first spelling kept
        CHECK(stats.countries[1].speakers == 2);
        CHECK(stats.countries[1].talks == 3);
        CHECK(stats.countries[2].name == "Chile");
        CHECK(stats.countries[2].speakers == 2);
    }
    SUBCASE("institutions, with '(not given)' last") {
        REQUIRE(stats.institutions.size() == 4);
        CHECK(stats.institutions[0].name == "Bureau");
        CHECK(stats.institutions[0].speakers == 3);
        CHECK(stats.institutions[1].name == "Analytical Society");
        CHECK(stats.institutions[1].speakers == 1);
        CHECK(stats.institutions[1].talks == 2);
        CHECK(stats.institutions[3].name == "(not given)");
        CHECK(stats.institutions[3].speakers == 2);
    }
    SUBCASE("new and returning institutions per season") {
        REQUIRE(stats.seasons.size() == 4);
        CHECK(stats.seasons[0].new_institutions == std::vector<std::string>{"Analytical Society", "Bureau"});
        CHECK(stats.seasons[0].returning_institutions.empty());
        CHECK(stats.seasons[1].new_institutions == std::vector<std::string>{"Eden | <Lab>"});
        CHECK(stats.seasons[1].returning_institutions == std::vector<std::string>{"analytical society"});
        CHECK(stats.seasons[2].returning_institutions == std::vector<std::string>{"Bureau"});
        CHECK(stats.seasons[3].cancelled);
    }
    SUBCASE("talks per year, by the season's date") {
        REQUIRE(stats.years.size() == 2);
        CHECK(stats.years[0].year == "2025");
        CHECK(stats.years[0].seasons == 3);
        CHECK(stats.years[0].talks == 5);
        CHECK(stats.years[1].year == "2026");
    }
    SUBCASE("recordings of held talks") {
        const RecordingStats& r = stats.recordings;
        CHECK(r.held == 4);
        CHECK(r.published == 2);
        CHECK(r.not_shared == 1);
        CHECK(r.missing == 1);
        CHECK(r.upcoming == 1);
        CHECK(r.cancelled == 1);
        CHECK(r.published_permille() == 500);
        CHECK(RecordingStats{.held = 3, .published = 2}.published_permille() == 667);
        CHECK(RecordingStats{}.published_permille() == 0);
    }
    SUBCASE("text") {
        const std::string text = render_stats_text(stats);
        // Di and Gus have no affiliation: "(not given)" is a row of the table, not an institution.
        CHECK(text.find("6 talks by 7 speakers, from 3 institutions in 3 countries.\n") != std::string::npos);
        CHECK(text.find("  country  speakers  talks\n  France          3      3\n") != std::string::npos);
        CHECK(text.find("  2 of 4 talks held so far have a published recording (50.0%): 1 not shared by the "
                        "speakers, 1 still missing.\n  1 talk is not held yet; 1 talk was cancelled.\n") !=
              std::string::npos);
    }
    SUBCASE("markdown escapes catalogue text in cells") {
        const std::string md = render_stats_markdown(stats);
        CHECK(md.starts_with("# Statistics: T \\<&\\> \"S\"\n")); // as the pages escape it (markdown_escape)
        CHECK(md.find("| Eden \\| \\<Lab\\> | 1 | 1 |\n") != std::string::npos);
        CHECK(md.find("| country | speakers | talks |\n| --- | ---: | ---: |\n") != std::string::npos);
    }
    SUBCASE("markdown: a bare web address in a name does not become a link") {
        Stats linked = stats;
        linked.institutions[0].name = "www.evil.example and https://evil.example";
        const std::string md = render_stats_markdown(linked);
        CHECK(md.find("| www\\.evil.example and https\\://evil.example |") != std::string::npos);
    }
    SUBCASE("markdown: Liquid tags in catalogue text reach Jekyll as text") {
        Stats liquid = stats;
        liquid.series_title = "{{ site.title }}";
        liquid.institutions[0].name = "{% include evil.html %}";
        liquid.seasons[0].theme = "x }} y %} z";
        const std::string md = render_stats_markdown(liquid);
        CHECK(md.starts_with("# Statistics: &#123;&#123; site.title }}\n"));
        CHECK(md.find("| &#123;% include evil.html %} | 3 | 3 |\n") != std::string::npos);
        CHECK(md.find("x }} y %} z |\n") != std::string::npos); // closing marks without an opening one are text
        CHECK(md.find("{{") == std::string::npos);
        CHECK(md.find("{%") == std::string::npos);
    }
    SUBCASE("json") {
        const auto doc = nlohmann::json::parse(render_stats_json(stats));
        CHECK(doc["totals"]["speakers"] == 7);
        CHECK(doc["totals"]["institutions"] == 3);
        CHECK(doc["totals"]["countries"] == 3);
        CHECK(doc["institutions"][3]["institution"] == "(not given)");
        CHECK(doc["recordings"]["published_percent"] == 50.0);
        CHECK(doc["seasons"][1]["returning_institutions"][0] == "analytical society");
    }
    SUBCASE("svg: escaped, titled, deterministic") {
        const std::string svg = render_country_chart_svg(stats);
        CHECK(svg == render_country_chart_svg(compute_stats(cat, now, StatsScope::all)));
        CHECK(svg.find("<title id=\"wtool-chart-title\">Speakers per country: T &lt;&amp;&gt; &quot;S&quot;</title>") !=
              std::string::npos);
        CHECK(svg.find("France 3, UK 2, Chile 2.</desc>") != std::string::npos);
        CHECK(svg.find("<title>France: 3 speakers</title>") != std::string::npos);
    }
    SUBCASE("an empty series") {
        const Catalogue empty = load("[series]\ntitle = \"E\"\ntimezone = \"UTC\"\nstart_time = 10:00:00\n");
        const Stats none = compute_stats(empty, now);
        CHECK(render_stats_text(none).find("No talk has been held yet.") != std::string::npos);
        CHECK(render_country_chart_svg(none).find("<desc id=\"wtool-chart-desc\">No speakers yet.</desc>") !=
              std::string::npos);
    }
}

TEST_CASE("statistics count the talks that took place by default") {
    const Catalogue cat = load(catalogue);
    const Stats stats = compute_stats(cat, now);
    SUBCASE("a coming or cancelled day adds no talk, speaker or country") {
        CHECK(stats.scope == StatsScope::held);
        CHECK(stats.talks == 4);
        CHECK(stats.speakers == 5); // Fay (coming) and Gus (cancelled) are not counted
        REQUIRE(stats.countries.size() == 3);
        CHECK(stats.countries[0].name == "UK");
        CHECK(stats.countries[0].speakers == 2);
        CHECK(stats.countries[1].name == "France");
        CHECK(stats.countries[1].speakers == 2); // Bob and Cy, not Fay
        CHECK(stats.countries[2].name == "Chile");
        CHECK(stats.countries[2].speakers == 1); // Eve, not Gus
        REQUIRE(stats.years.size() == 1);
        CHECK(stats.years[0].seasons == 2);
        CHECK(stats.years[0].talks == 4);
    }
    SUBCASE("every season is listed with its state") {
        REQUIRE(stats.seasons.size() == 4);
        CHECK(stats.seasons[0].state == SeasonState::held);
        CHECK(stats.seasons[0].counted);
        CHECK(stats.seasons[2].state == SeasonState::coming);
        CHECK_FALSE(stats.seasons[2].counted);
        CHECK(stats.seasons[2].talks == 1);
        CHECK(stats.seasons[2].returning_institutions.empty());
        CHECK(stats.seasons[3].state == SeasonState::cancelled);
        const std::string text = render_stats_text(stats);
        CHECK(text.find("4 talks held by 5 speakers, from 3 institutions in 3 countries.\n") != std::string::npos);
        CHECK(text.find("  season  date        state      talks  speakers  new inst.  returning inst.  theme\n"
                        "       1  2025-02-24  held           3         4          2                0  TBA\n") !=
              std::string::npos);
        CHECK(text.find("       3  2026-03-02  coming         1         1          -                -  TBA\n") !=
              std::string::npos);
        const auto doc = nlohmann::json::parse(render_stats_json(stats));
        CHECK(doc["counts"] == "held");
        CHECK(doc["seasons"][3]["state"] == "cancelled");
        CHECK(doc["seasons"][3]["counted"] == false);
    }
    SUBCASE("a day in progress has not taken place yet") {
        const Catalogue one = load("[series]\ntitle = \"E\"\ntimezone = \"UTC\"\nstart_time = 10:00:00\n"
                                   "duration_minutes = 60\n[[season]]\nnumber = 1\ndate = 2026-02-01\n"
                                   "[[episode]]\ncode = \"S01E01\"\ntitle = \"T\"\n[[episode.speaker]]\nname = \"A\"\n");
        CHECK(compute_stats(one, *tz::parse_instant("2026-02-01T10:30:00Z")).seasons[0].state == SeasonState::coming);
        CHECK(compute_stats(one, *tz::parse_instant("2026-02-01T10:30:00Z")).talks == 0);
        CHECK(compute_stats(one, *tz::parse_instant("2026-02-01T11:00:00Z")).seasons[0].state == SeasonState::held);
        CHECK(compute_stats(one, *tz::parse_instant("2026-02-01T11:00:00Z")).talks == 1);
    }
}

TEST_CASE("statistics tables align wide characters by display width") {
    const Catalogue cat = load("[series]\ntitle = \"E\"\ntimezone = \"UTC\"\nstart_time = 10:00:00\n"
                               "[[season]]\nnumber = 1\ndate = 2025-02-01\n"
                               "[[episode]]\ncode = \"S01E01\"\ntitle = \"T\"\n"
                               "[[episode.speaker]]\nname = \"张伟\"\naffiliation = \"清华大学\"\ncountry = \"China\"\n"
                               "[[episode.speaker]]\nname = \"B\"\naffiliation = \"Universite\u0301 X\"\n"
                               "country = \"France\"\n");
    const std::string text = render_stats_text(compute_stats(cat, now));
    // 清华大学 takes 8 columns, "Université X" (with a combining accent) 12: the counts line up.
    CHECK(text.find("  institution   speakers  talks\n"
                    "  Universite\u0301 X         1      1\n"
                    "  清华大学             1      1\n") != std::string::npos);
}

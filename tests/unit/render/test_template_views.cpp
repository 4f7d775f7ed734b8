#include "catalogue/catalogue_loader.hpp"
#include "render/template_views.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace wtool;
using Json = nlohmann::ordered_json;

namespace {

Catalogue shipped() {
    Diagnostics diags;
    auto cat = load_catalogue(std::filesystem::path(WTOOL_SOURCE_DIR) / "data" / "episodes.toml", diags);
    REQUIRE(cat);
    return std::move(*cat);
}

Catalogue parse(const std::string& body) {
    Diagnostics diags;
    auto cat = parse_catalogue(
        "[series]\ntitle = \"T\"\ntimezone = \"Europe/Copenhagen\"\nstart_time = 15:00:00\n" + body, "c.toml", diags);
    REQUIRE(cat);
    return std::move(*cat);
}

Json season_view(const Catalogue& cat, int number, Escaping escaping = Escaping::plain,
                 AudienceTimes times = AudienceTimes::hide) {
    const Season* s = cat.find_season(number);
    REQUIRE(s != nullptr);
    auto view = announce_view(cat, *s, escaping, times);
    REQUIRE(view);
    return (*view)["season"];
}

tz::Instant at(const char* iso) {
    return *tz::parse_instant(iso);
}

} // namespace

TEST_CASE("a season in words") {
    const Catalogue cat = shipped();
    SUBCASE("season 9: winter time") {
        const Json s = season_view(cat, 9);
        CHECK(s["when"] == "02 March 2026 at 3:00pm CET");
        CHECK(s["date_ordinal"] == "2nd March 2026");
        CHECK(s["weekday"] == "Monday");
        CHECK(s["zone_abbrev"] == "CET");
        CHECK(s["utc_offset"] == "+01:00");
        CHECK(s["start_utc"] == "2026-03-02T14:00:00Z");
        CHECK(s["ordinal"] == "9th");
        CHECK(s["ordinal_word"] == "ninth");
        CHECK(s["heading"] == "Evaluation metrics");
        CHECK(s["theme_lower"] == "evaluation metrics");
        CHECK(s["tba"] == false);
        CHECK(s["talks"].size() == 3);
        CHECK(s["talks"][0]["code"] == "S09E01");
        CHECK(s["talks"][0]["date_ordinal"] == "2nd March 2026");
    }
    SUBCASE("seasons 7 and 8: summer time, which the site once called CET") {
        CHECK(season_view(cat, 7)["when"] == "12 May 2025 at 10:00am CEST");
        CHECK(season_view(cat, 8)["when"] == "20 October 2025 at 9:30am CEST");
    }
    SUBCASE("season 10: TBA") {
        const Json s = season_view(cat, 10);
        CHECK(s["heading"] == "TBA");
        CHECK(s["when"] == "TBA");
        CHECK(s["tba"] == true);
        CHECK(s["theme"].is_null());
        CHECK(s["zoom_url"].is_null());
        CHECK(s["date"].is_null());
        CHECK(s["audience_times"].empty());
        CHECK(s["ordinal_word"] == "tenth");
    }
}

TEST_CASE("audience times carry the labels in force that day") {
    const Catalogue cat = shipped();
    const Json winter = season_view(cat, 9, Escaping::plain, AudienceTimes::show);
    CHECK(winter["show_audience_times"] == true);
    CHECK(winter["audience_times_text"] ==
          "6:00am PST (Los Angeles), 9:00am EST (New York), 11:00am UTC-3 (Sao Paulo), 2:00pm GMT (London), "
          "7:30pm IST (Kolkata), 11:00pm JST (Tokyo), 1:00am AEDT on Tuesday (Sydney)");
    CHECK(winter["audience_times"][6]["other_day"] == true);
    const Json summer = season_view(cat, 7, Escaping::plain, AudienceTimes::show);
    CHECK(summer["audience_times_text"] ==
          "1:00am PDT (Los Angeles), 4:00am EDT (New York), 5:00am UTC-3 (Sao Paulo), 9:00am BST (London), "
          "1:30pm IST (Kolkata), 5:00pm JST (Tokyo), 6:00pm AEST (Sydney)");
    CHECK(season_view(cat, 9, Escaping::plain, AudienceTimes::hide)["show_audience_times"] == false);
}

TEST_CASE("talks: speakers, affiliations, bios, recordings") {
    const Catalogue cat = shipped();
    const Json s4 = season_view(cat, 4);
    CHECK(s4["talks"][0]["speaker_names"] == "Dr. Jessica Schrouff");
    CHECK(s4["talks"][1]["speaker_names"] == "Rhys Compton and Lily Zhang");
    CHECK(s4["talks"][1]["affiliations"] == "New York University, USA");
    CHECK(s4["talks"][1]["bios"].size() == 2);
    CHECK(s4["talks"][1]["bios"][1]["speaker"] == "Lily Zhang");
    CHECK(s4["talks"][2]["list_separator"] == ", and ");
    CHECK(s4["talks"][1]["list_separator"] == ", ");
    CHECK(s4["talks"][0]["video_url"] == "https://www.youtube.com/watch?v=Z_wULE3_exE");
    const Json s3 = season_view(cat, 3);
    CHECK(s3["talks"][2]["recording_shared"] == false);
    CHECK(s3["talks"][2]["video_url"].is_null());
    CHECK(s3["talks"][2]["bios"].size() == 1); // the pair's joint bio
    CHECK(s3["talks"][2]["bios"][0]["speaker"].is_null());
    CHECK(s3["shared_talks"].size() == 2);
}

TEST_CASE("the pages' selections depend on now") {
    const Catalogue cat = shipped();
    auto before9 = webinar_page_view(cat, at("2026-02-01T12:00:00Z"), Escaping::markdown);
    REQUIRE(before9);
    CHECK((*before9)["next"]["number"] == 9);
    CHECK((*before9)["previous_talks"].size() == 23); // S01-S08 without S03E03
    auto after9 = webinar_page_view(cat, at("2026-06-01T12:00:00Z"), Escaping::markdown);
    REQUIRE(after9);
    CHECK((*after9)["next"]["number"] == 10);
    CHECK((*after9)["previous_talks"].size() == 26);
    CHECK((*after9)["previous_talks"][0]["date_ordinal"] == "27th February 2023");

    auto talks = talks_page_view(cat, Escaping::markdown);
    REQUIRE(talks);
    const Json& all = (*talks)["all_talks"];
    CHECK(all.size() == 30);
    CHECK(all[0]["code"] == "S10E03");
    CHECK(all[29]["code"] == "S01E01");
    CHECK(all[29]["is_last"] == true);
}

TEST_CASE("news posts are dated with the offset in force") {
    const Catalogue cat = shipped();
    auto news1 = news_view(cat, *cat.find_season(1), Escaping::markdown);
    REQUIRE(news1);
    CHECK((*news1)["news_date"] == "2023-02-27 09:00:00+0100");
    auto news2 = news_view(cat, *cat.find_season(2), Escaping::markdown);
    REQUIRE(news2);
    CHECK((*news2)["news_date"] == "2023-06-05 09:00:00+0200");
    CHECK(news_file_name(*cat.find_season(9)) == "20260302_webinar_9.md");
    CHECK(news_file_name(*cat.find_season(10)).empty());
    const auto tba = news_view(cat, *cat.find_season(10), Escaping::markdown);
    REQUIRE_FALSE(tba);
    CHECK(tba.error() == "season 10 has no date yet");
}

TEST_CASE("without [site] news_time a post is dated at the day's end") {
    // 23:30 + 90 minutes ends after midnight: the post is dated the next day, in the zone's offset.
    const Catalogue cat = parse("duration_minutes = 90\n[[season]]\nnumber = 1\ndate = 2026-07-01\n"
                                "time = 23:30:00\n[[season]]\nnumber = 2\ndate = 2026-01-05\n");
    auto late = news_view(cat, *cat.find_season(1), Escaping::markdown);
    REQUIRE(late);
    CHECK((*late)["news_date"] == "2026-07-02 01:00:00+0200");
    auto winter = news_view(cat, *cat.find_season(2), Escaping::markdown);
    REQUIRE(winter);
    CHECK((*winter)["news_date"] == "2026-01-05 16:30:00+0100");
    CHECK(news_file_name(*cat.find_season(1)) == "20260701_webinar_1.md"); // named by the season's date
}

TEST_CASE("a date written with a UTC offset is shown as the instant it names") {
    // 10:00+01:00 on a summer day is 11:00 CEST in Copenhagen (validate warns about the offset).
    const Catalogue cat = parse("[[season]]\nnumber = 1\ndate = 2025-05-12T10:00:00+01:00\n");
    const Json s = season_view(cat, 1);
    CHECK(s["when"] == "12 May 2025 at 11:00am CEST");
    CHECK(s["start_utc"] == "2025-05-12T09:00:00Z");
}

TEST_CASE("text values are escaped for the chosen format") {
    const Catalogue cat = parse(R"toml(
[[season]]
number = 1
theme = "MRI datasets"
date = 2026-03-02

[[episode]]
code = "S01E01"
title = "**bold**\n# heading"
abstract = "# one\n\n- two"
recording = "https://www.youtube.com/watch?v=abcdefghijk&x=(1)"

[[episode.speaker]]
name = "A <b>"
[[episode.speaker]]
name = "B"
[[episode.speaker]]
name = "C"
)toml");
    const Json md = season_view(cat, 1, Escaping::markdown);
    CHECK(md["talks"][0]["title"] == "\\*\\*bold\\*\\* \\# heading");
    CHECK(md["talks"][0]["abstract"] == "\\# one\n\n\\- two");
    CHECK(md["talks"][0]["speaker_names"] == "A \\<b\\>, B, and C");
    CHECK(md["talks"][0]["video_url"] == "https://www.youtube.com/watch?v=abcdefghijk&x=%281%29");
    CHECK(md["theme_lower"] == "MRI datasets"); // an acronym keeps its capitals
    const Json plain = season_view(cat, 1, Escaping::plain);
    CHECK(plain["talks"][0]["title"] == "**bold** # heading");
    CHECK(plain["talks"][0]["abstract"] == "# one\n\n- two");
    CHECK(plain["talks"][0]["video_url"] == "https://www.youtube.com/watch?v=abcdefghijk&x=(1)");
}

TEST_CASE("the series' word for a season, and one talk") {
    const Catalogue plain = parse("[[season]]\nnumber = 1\ndate = 2026-03-02\n"
                                  "[[episode]]\ncode = \"S01E01\"\ntitle = \"A\"\n[[episode.speaker]]\nname = \"X\"\n");
    auto view = announce_view(plain, *plain.find_season(1), Escaping::plain, AudienceTimes::hide);
    REQUIRE(view);
    CHECK((*view)["series"]["season_word"] == "edition"); // the default templates' historical word
    CHECK((*view)["series"]["Season_word"] == "Edition");
    CHECK((*view)["season"]["one_talk"] == true);
    auto title = calendar_title_view(plain, *plain.find_season(1));
    REQUIRE(title);
    CHECK((*title)["series"]["season_word"] == "edition"); // one word for every output

    Diagnostics diags;
    auto worded = parse_catalogue("[series]\ntitle = \"T\"\ntimezone = \"UTC\"\nstart_time = 15:00:00\n"
                                  "season_word = \"session\"\n[[season]]\nnumber = 1\n",
                                  "c.toml", diags);
    REQUIRE(worded);
    auto w = announce_view(*worded, *worded->find_season(1), Escaping::plain, AudienceTimes::hide);
    REQUIRE(w);
    CHECK((*w)["series"]["Season_word"] == "Session");
    CHECK((*w)["season"]["one_talk"] == false);
    CHECK((*calendar_title_view(*worded, *worded->find_season(1)))["series"]["season_word"] == "session");
}

TEST_CASE("the webinar page lists the upcoming dated seasons, by date, at most five") {
    std::string body;
    // Seasons 1-7 on consecutive Mondays, written in reverse date order; 8 has no date; 3 cancelled.
    for (int n = 1; n <= 7; ++n) {
        body += fmt::format("[[season]]\nnumber = {}\ndate = 2026-03-{:02}\n{}", n, 30 - 3 * n,
                            n == 3 ? "cancelled = true\n" : "");
    }
    body += "[[season]]\nnumber = 8\n";
    const Catalogue cat = parse(body);
    auto page = webinar_page_view(cat, at("2026-03-10T12:00:00Z"), Escaping::markdown);
    REQUIRE(page);
    const Json& upcoming = (*page)["upcoming"];
    REQUIRE(upcoming.size() == 5); // 7 (Mar 9) has started; 6..2 by date; 1 (Mar 27) is the sixth
    CHECK(upcoming[0]["number"] == 6);
    CHECK(upcoming[3]["number"] == 3);
    CHECK(upcoming[3]["cancelled"] == true);
    CHECK(upcoming[4]["number"] == 2);
    CHECK((*page)["show_upcoming"] == true);
    auto late = webinar_page_view(cat, at("2026-03-25T12:00:00Z"), Escaping::markdown);
    REQUIRE(late);
    CHECK((*late)["upcoming"].size() == 1); // only season 1 (Mar 27)
    CHECK((*late)["show_upcoming"] == false);
}

#include "catalogue/catalogue_loader.hpp"
#include "catalogue/new_catalogue.hpp"
#include "catalogue/rules.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {
Diagnostics validate(const std::string& text, Catalogue* out = nullptr) {
    Diagnostics diags;
    auto cat = parse_catalogue(text, "episodes.toml", diags);
    REQUIRE(cat);
    check_catalogue(*cat, *tz::parse_instant("2026-02-01T12:00:00Z"), diags);
    if (out != nullptr) {
        *out = std::move(*cat);
    }
    return diags;
}
} // namespace

TEST_CASE("checking the values of a new series") {
    SUBCASE("titles") {
        CHECK(check_series_title("  Data Matters ") == "Data Matters");
        CHECK(check_series_title("   ").error() == "the title must not be empty");
        CHECK(check_series_title("two\nlines").error() ==
              "the title must be one line of text, without control characters");
        CHECK(check_series_title("bad \xff").error() == "the title is not valid UTF-8");
    }
    SUBCASE("time zones: exact, case-insensitive, or with suggestions") {
        CHECK(check_zone_name("Europe/Berlin") == "Europe/Berlin");
        CHECK(check_zone_name("europe/berlin") == "Europe/Berlin");
        CHECK(check_zone_name("UTC") == "UTC");
        CHECK(check_zone_name("Europe/Copenhagn")
                  .error()
                  .starts_with("unknown time zone 'Europe/Copenhagn', did you mean 'Europe/Copenhagen'"));
        CHECK(check_zone_name("").error() ==
              "the time zone must not be empty: give an IANA name such as 'Europe/Berlin'");
    }
    SUBCASE("abbreviations are refused, with the place's zone") {
        const auto error_of = [](const auto& checked) { return checked ? std::string("accepted") : checked.error(); };
        CHECK(error_of(check_zone_name("EST")) ==
              "'EST' is an abbreviation, not the time zone of a place; use 'America/New_York' (Eastern Time, with "
              "daylight saving time): a place's zone knows when its clocks change");
        CHECK(error_of(check_zone_name("cet")).starts_with("'cet' is an abbreviation"));
        CHECK(error_of(check_zone_name("PST8PDT")).starts_with("'PST8PDT' is a legacy rule of the tz database"));
        CHECK(error_of(check_zone_list("Europe/London,IST")).find("use 'Asia/Kolkata'") != std::string::npos);
        CHECK(error_of(check_zone_name("mumbai")) == "unknown time zone 'mumbai', did you mean 'Asia/Kolkata'?");
    }
    SUBCASE("lists of zones") {
        CHECK(check_zone_list("America/New_York, asia/kolkata,,America/New_York") ==
              std::vector<std::string>{"America/New_York", "Asia/Kolkata"});
        CHECK(check_zone_list("").value().empty());
        CHECK_FALSE(check_zone_list("Europe/London,Mars/Olympus"));
    }
    SUBCASE("start times") {
        CHECK(check_start_time("15:00") == std::chrono::minutes{15 * 60});
        CHECK(check_start_time("9:30") == std::chrono::minutes{9 * 60 + 30});
        CHECK(check_start_time("09:30:00") == std::chrono::minutes{9 * 60 + 30});
        CHECK(check_start_time("24:00").error() == "'24:00' is not a time of day: use 00:00 to 23:59");
        CHECK(check_start_time("3pm").error() == "'3pm' is not a time of day: write it as HH:MM, e.g. 15:00");
        CHECK_FALSE(check_start_time("15:00:30"));
        CHECK_FALSE(check_start_time("15:5"));
    }
    SUBCASE("durations") {
        CHECK(check_duration("90") == 90);
        CHECK(check_duration("1440") == 1440);
        CHECK(check_duration("0").error() == "'0' is not a duration: give whole minutes from 1 to 1440, e.g. 90");
        CHECK_FALSE(check_duration("-5"));
        CHECK_FALSE(check_duration("1.5"));
    }
    SUBCASE("site URLs") {
        CHECK(check_site_url("https://example.org") == "https://example.org");
        CHECK(check_site_url("ftp://example.org").error() ==
              "'ftp://example.org' is not a web address: it must start with https://");
        CHECK_FALSE(check_site_url("example.org"));
    }
    SUBCASE("the organiser's name and e-mail") {
        CHECK(check_person_name("  Grace Hopper ") == "Grace Hopper");
        CHECK(check_person_name("") == "");
        CHECK_FALSE(check_person_name("Grace\nHopper"));
        CHECK(check_email(" grace@example.org ") == "grace@example.org");
        CHECK(check_email("") == "");
        CHECK(check_email("grace at example.org").error() ==
              "'grace at example.org' is not an e-mail address: write it as name@example.org");
        CHECK_FALSE(check_email("grace@localhost"));
        CHECK_FALSE(check_email("@example.org"));
        CHECK_FALSE(check_email("a@b@example.org"));
        CHECK_FALSE(check_email("grace@example.org."));
    }
}

TEST_CASE("a new catalogue") {
    NewSeries s;
    s.title = "Data \"Matters\" \\ 👀";
    s.timezone = "Europe/Berlin";
    s.start_time = std::chrono::minutes{16 * 60};
    SUBCASE("validates with no errors, and the values read back exactly") {
        s.duration_minutes = 90;
        s.audience_timezones = {"America/New_York", "Asia/Kolkata"};
        s.site_url = "https://example.org";
        s.templates = "templates";
        s.organiser_name = "Grace \"Amazing\" Hopper";
        s.organiser_email = "grace@example.org";
        Catalogue cat;
        const Diagnostics diags = validate(render_new_catalogue(s), &cat);
        CHECK_FALSE(diags.has_errors());
        CHECK(cat.series.title.value == s.title);
        CHECK(cat.series.timezone.value == "Europe/Berlin");
        CHECK(cat.series.start_time.value == std::chrono::minutes{16 * 60});
        CHECK(cat.series.duration_minutes.value == 90);
        REQUIRE(cat.series.audience_timezones.size() == 2);
        CHECK(cat.series.audience_timezones[1].value == "Asia/Kolkata");
        CHECK(cat.series.site_url.value == "https://example.org");
        CHECK(cat.series.templates.value == "templates");
        REQUIRE(cat.series.organisers.size() == 1);
        CHECK(cat.series.organisers[0].name.value == "Grace \"Amazing\" Hopper");
        CHECK(cat.series.organisers[0].email.value == "grace@example.org");
        REQUIRE(cat.seasons.size() == 1);
        CHECK(cat.seasons[0].number.value == 1);
        CHECK_FALSE(cat.seasons[0].date.present);
        CHECK(cat.episodes.empty());
    }
    SUBCASE("optional values left out are commented-out examples") {
        const std::string text = render_new_catalogue(s);
        CHECK_FALSE(validate(text).has_errors());
        CHECK(text.find("\nstart_time = 16:00:00 ") != std::string::npos);
        CHECK(text.find("\nduration_minutes = 60 ") != std::string::npos);
        CHECK(text.find("\n# audience_timezones = [") != std::string::npos);
        CHECK(text.find("\n# site_url = ") != std::string::npos);
        CHECK(text.find("\n# templates = ") != std::string::npos);
        CHECK(text.find("\n# [[series.organiser]]\n# name = ") != std::string::npos);
        CHECK(text.find("\n# [[episode]]\n# code = \"S01E01\"") != std::string::npos);
        CHECK(text.starts_with("# episodes.toml: the wtool catalogue of the webinar series \"Data \\\"Matters\\\" "
                               "\\\\ 👀\".\n"));
    }
}

#include "catalogue_loader.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {
constexpr const char* minimal = R"(
[series]
title = "T"
timezone = "Europe/Copenhagen"
start_time = 15:00:00

[[season]]
number = 1
date = 2026-03-02
zoom_url = "https://x.zoom.us/meeting/register/abc"

[[episode]]
code = "S01E01"
title = "A talk"

[[episode.speaker]]
name = "Ada"
)";

bool has_rule(const Diagnostics& d, std::string_view rule) {
    return std::any_of(d.items().begin(), d.items().end(), [&](const Diagnostic& x) { return x.rule == rule; });
}
const Diagnostic* find_rule(const Diagnostics& d, std::string_view rule) {
    for (const Diagnostic& x : d.items()) {
        if (x.rule == rule) {
            return &x;
        }
    }
    return nullptr;
}
} // namespace

TEST_CASE("loading a minimal catalogue") {
    Diagnostics diags;
    auto cat = parse_catalogue(minimal, "c.toml", diags);
    REQUIRE(cat);
    CHECK(diags.empty());
    CHECK(cat->series.title.value == "T");
    CHECK(cat->series.start_time.value == std::chrono::hours{15});
    CHECK(cat->series.duration_minutes.value == 60); // default
    REQUIRE(cat->seasons.size() == 1);
    CHECK(cat->seasons[0].date.value == date::local_days{date::year{2026} / 3 / 2});
    CHECK(cat->seasons[0].date.pos == SourcePos{9, 8});
    REQUIRE(cat->episodes.size() == 1);
    CHECK(cat->episodes[0].season == 1);
    CHECK(cat->episodes[0].number == 1);
    CHECK(cat->episodes[0].share_recording.value);
    REQUIRE(cat->episodes[0].speakers.size() == 1);
    CHECK(cat->episodes[0].speakers[0].name.value == "Ada");
    CHECK(cat->site.news_dir.value == "_news"); // default
}

TEST_CASE("syntax and encoding errors carry positions") {
    SUBCASE("toml syntax") {
        Diagnostics diags;
        auto cat = parse_catalogue("[series]\ntitle = \"unterminated\n", "c.toml", diags);
        CHECK_FALSE(cat);
        const Diagnostic* d = find_rule(diags, "toml-syntax");
        REQUIRE(d != nullptr);
        CHECK(d->pos.line == 2);
    }
    SUBCASE("invalid utf-8, every occurrence") {
        Diagnostics diags;
        auto cat = parse_catalogue("[series]\ntitle = \"caf\xE9\"\nx = \"\xE9\"\n", "c.toml", diags);
        CHECK_FALSE(cat);
        REQUIRE(diags.items().size() == 2);
        CHECK(diags.items()[0].rule == "invalid-utf8");
        CHECK(diags.items()[0].pos == SourcePos{2, 13});
        CHECK(diags.items()[1].pos == SourcePos{3, 6});
    }
    SUBCASE("duplicate keys are a syntax error") {
        Diagnostics diags;
        CHECK_FALSE(parse_catalogue("[series]\ntitle = \"a\"\ntitle = \"b\"\n", "c.toml", diags));
        CHECK(has_rule(diags, "toml-syntax"));
    }
}

TEST_CASE("structure problems are all reported") {
    Diagnostics diags;
    auto cat = parse_catalogue(R"([series]
tittle = "T"
timezone = 5
start_time = "15:00"

[[season]]
number = "3"
date = "2026-03-02"

[[episode]]
title = "No code and no speaker"
)",
                               "c.toml", diags);
    REQUIRE(cat);
    const Diagnostic* unknown = find_rule(diags, "unknown-key");
    REQUIRE(unknown != nullptr);
    CHECK(unknown->message == "unknown key 'tittle' in [series]");
    CHECK(unknown->hint == "did you mean 'title'?");
    CHECK(unknown->pos == SourcePos{2, 1});
    CHECK(has_rule(diags, "missing-field")); // title, code, speaker
    std::size_t wrong = 0;
    for (const Diagnostic& d : diags.items()) {
        wrong += d.rule == "wrong-type" ? 1 : 0;
    }
    CHECK(wrong == 4); // timezone, start_time, number, date
    CHECK_FALSE(cat->series.timezone.present);
}

TEST_CASE("a TBA date and an offset date-time") {
    Diagnostics diags;
    auto cat = parse_catalogue(R"([series]
title = "T"
timezone = "Europe/Copenhagen"
start_time = 15:00:00

[[season]]
number = 1
date = "TBA"

[[season]]
number = 2
date = 2025-05-12T10:00:00+01:00
)",
                               "c.toml", diags);
    REQUIRE(cat);
    CHECK(diags.empty());
    CHECK_FALSE(cat->seasons[0].date.present);
    CHECK(cat->seasons[1].date.present);
    CHECK(cat->seasons[1].time.value == std::chrono::hours{10});
    CHECK(cat->seasons[1].stated_utc_offset_minutes.value == 60);
}

TEST_CASE("known keys are listed for every table kind") {
    for (std::string_view kind : table_kinds()) {
        CHECK_FALSE(known_keys(kind).empty());
    }
}

TEST_CASE("episode codes") {
    CHECK(parse_episode_code("S09E01") == std::pair{9, 1});
    CHECK(parse_episode_code("S100E12") == std::pair{100, 12});
    CHECK_FALSE(parse_episode_code("S0301"));
    CHECK_FALSE(parse_episode_code("S9E1"));
    CHECK_FALSE(parse_episode_code("S00E01"));
    CHECK_FALSE(parse_episode_code("s09e01"));
    CHECK(format_episode_code(10, 4) == "S10E04");
}

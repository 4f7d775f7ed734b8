#include "catalogue/catalogue_keys.hpp"
#include "catalogue/catalogue_loader.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <optional>
#include <sys/stat.h>
#include <thread>

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
    SUBCASE("a time without seconds: the fix in the hint") {
        Diagnostics diags;
        CHECK_FALSE(parse_catalogue("[series]\ntitle = \"a\"\nstart_time = 17:00  # five\n", "c.toml", diags));
        const Diagnostic* d = find_rule(diags, "toml-syntax");
        REQUIRE(d != nullptr);
        CHECK(d->pos.line == 3);
        CHECK(d->hint == "write start_time = 17:00:00: TOML times have seconds");
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

TEST_CASE("a time written as a string: the hint names the series' zone") {
    const auto hint_for = [](std::string_view zone, std::string_view start) {
        Diagnostics diags;
        auto cat = parse_catalogue(
            fmt::format("[series]\ntitle = \"a\"\ntimezone = \"{}\"\nstart_time = {}\n", zone, start), "c.toml", diags);
        const Diagnostic* d = find_rule(diags, "wrong-type");
        REQUIRE(d != nullptr);
        return d->hint;
    };
    CHECK(hint_for("America/New_York", "\"17:00 CET\"") ==
          "write it without quotes and without a zone, e.g. start_time = 17:00:00: times are local America/New_York "
          "time, and wtool works out EST or EDT for each date itself");
    CHECK(hint_for("Asia/Kolkata", "\"9:30\"") ==
          "write it without quotes and without a zone, e.g. start_time = 09:30:00: times are local Asia/Kolkata time "
          "(IST)");
    CHECK(hint_for("EST", "\"noon\"") == "write it without quotes and without a zone, e.g. start_time = 15:00:00: "
                                         "times are local times in the series' time zone");
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

TEST_CASE("the [check_links] table") {
    const std::string head = "[series]\ntitle = \"T\"\ntimezone = \"Europe/Copenhagen\"\nstart_time = 15:00:00\n";
    SUBCASE("absent: the defaults") {
        Diagnostics diags;
        auto cat = parse_catalogue(head, "c.toml", diags);
        REQUIRE(cat);
        CHECK(diags.empty());
        const CheckLinksSettings& c = cat->check_links;
        CHECK_FALSE(c.zoom_invalid_markers.present);
        CHECK(c.zoom_invalid_markers.value ==
              std::vector<std::string>{"3001", "does not exist", "is invalid", "no longer valid", "has expired"});
        CHECK(c.zoom_valid_markers.value ==
              std::vector<std::string>{"registration", "join meeting", "join webinar", "launch meeting"});
        CHECK(c.reuse_ok_hours.value == 12);
    }
    SUBCASE("each key replaces its default") {
        Diagnostics diags;
        auto cat = parse_catalogue(head + "[check_links]\nzoom_invalid_markers = [\"gone\", \"3001\"]\n"
                                          "zoom_valid_markers = []\nreuse_ok_hours = 0\n",
                                   "c.toml", diags);
        REQUIRE(cat);
        CHECK(diags.empty());
        const CheckLinksSettings& c = cat->check_links;
        CHECK(c.zoom_invalid_markers.present);
        CHECK(c.zoom_invalid_markers.value == std::vector<std::string>{"gone", "3001"});
        CHECK(c.zoom_invalid_markers.pos == SourcePos{6, 24});
        CHECK(c.zoom_valid_markers.present);
        CHECK(c.zoom_valid_markers.value.empty());
        CHECK(c.reuse_ok_hours.value == 0);
        CHECK(c.pos == SourcePos{5, 1});
    }
    SUBCASE("wrong values keep the defaults and are reported") {
        Diagnostics diags;
        auto cat = parse_catalogue(head + "[check_links]\nzoom_invalid_markers = \"gone\"\n"
                                          "zoom_valid_markers = [\"ok\", \" \"]\nreuse_ok_hours = -1\n"
                                          "reuse_ok_hour = 3\n",
                                   "c.toml", diags);
        REQUIRE(cat);
        REQUIRE(diags.items().size() == 4);
        CHECK(diags.items()[0].rule == "unknown-key");
        CHECK(diags.items()[0].message == "unknown key 'reuse_ok_hour' in [check_links]");
        CHECK(diags.items()[0].hint == "did you mean 'reuse_ok_hours'?");
        CHECK(diags.items()[1].rule == "wrong-type");
        CHECK(diags.items()[1].message == "'zoom_invalid_markers' must be an array of strings, not a string");
        CHECK(diags.items()[2].message == "'zoom_valid_markers' has an empty marker");
        CHECK(diags.items()[2].pos == SourcePos{7, 29});
        CHECK(diags.items()[3].message == "'reuse_ok_hours' must be between 0 and 8784, not -1");
        CHECK_FALSE(cat->check_links.zoom_invalid_markers.present);
        CHECK_FALSE(cat->check_links.zoom_valid_markers.present);
        CHECK(cat->check_links.reuse_ok_hours.value == 12);
    }
    SUBCASE("the table is known") {
        CHECK(known_keys("check_links").size() == 3);
        CHECK(std::find(known_keys("root").begin(), known_keys("root").end(), "check_links") !=
              known_keys("root").end());
    }
}

TEST_CASE("read_file reads regular files, pipes and nothing else") {
    const test::TempDir dir;
    const auto write = [](const std::filesystem::path& path, const std::string& content) {
        std::ofstream(path, std::ios::binary) << content;
    };
    const std::string bytes = std::string("a = \"x\"\n", 8) + std::string(1, '\0') + std::string(200000, 'z');
    write(dir.path / "big.toml", bytes);
    CHECK(read_file(dir.path / "big.toml") == bytes);
    write(dir.path / "empty.toml", "");
    CHECK(read_file(dir.path / "empty.toml") == "");

    // A pipe has no size: read until its writer closes it.
    const auto fifo = dir.path / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] { write(fifo, bytes); });
    const auto piped = read_file(fifo);
    writer.join();
    CHECK(piped == bytes);

    CHECK(read_file(dir.path / "missing.toml").error() == "No such file or directory");
    CHECK(read_file(dir.path).error() == "is a directory");
}

TEST_CASE("the model's texts are views of the source, except decoded ones, and outlive the catalogue") {
    const std::string text = std::string(minimal) + "\n[[episode]]\ncode = \"S01E02\"\ntitle = \"Caf\\u00e9 talk\"\n\n"
                                                    "[[episode.speaker]]\nname = \"Bob\"\n";
    Diagnostics diags;
    std::optional<Catalogue> cat;
    {
        auto parsed = parse_catalogue(text, "c.toml", diags);
        REQUIRE(parsed);
        cat = std::move(*parsed);
    }
    const std::string_view source = cat->source;
    REQUIRE(cat->episodes.size() == 2);
    const TextValue plain = cat->episodes[0].title.value;
    const TextValue decoded = cat->episodes[1].title.value;
    CHECK(plain == "A talk");
    CHECK(plain.data() >= source.data());
    CHECK(plain.data() + plain.size() <= source.data() + source.size()); // in the source: no copy
    CHECK(decoded == "Café talk");
    CHECK((decoded.data() < source.data() || decoded.data() >= source.data() + source.size())); // a copy
    cat.reset();
    CHECK(plain == "A talk"); // AddressSanitizer would see the source freed here
    CHECK(decoded == "Café talk");
}

TEST_CASE("a leading byte-order mark is read past, with a warning, and moves no position") {
    const std::string bom = "\xEF\xBB\xBF";
    // Line 1 holds values, so that their columns show.
    const std::string text = "series = {title = \"T \", timezone = \"Europe/Copenhagen\", start_time = 15:00:00}\n" +
                             std::string(minimal).substr(std::string_view(minimal).find("[[season]]"));
    Diagnostics plain_diags;
    auto plain = parse_catalogue(text, "c.toml", plain_diags);
    REQUIRE(plain);
    CHECK(plain_diags.empty());
    Diagnostics diags;
    auto cat = parse_catalogue(bom + text, "c.toml", diags);
    REQUIRE(cat);
    REQUIRE(diags.items().size() == 1);
    const Diagnostic& d = diags.items()[0];
    CHECK(d.rule == "byte-order-mark");
    CHECK(d.severity == Severity::warning);
    CHECK(d.pos == SourcePos{1, 1});
    CHECK(d.message == "the file starts with a UTF-8 byte-order mark");
    CHECK(d.hint == "save it as UTF-8 without a byte-order mark (BOM): Python's tomllib and other TOML tools refuse "
                    "the file");
    CHECK(cat->series.title.value == "T ");
    CHECK(cat->series.title.pos == plain->series.title.pos); // columns on line 1 do not count the mark
    CHECK(cat->series.title.pos == SourcePos{1, 19});
    CHECK(cat->series.start_time.pos == plain->series.start_time.pos);
    CHECK(cat->seasons[0].date.pos == plain->seasons[0].date.pos);
    // Read by the fast parser, as without the mark: its texts are views of the source.
    const std::string_view source = cat->source;
    CHECK(cat->series.title.value.data() >= source.data());
    CHECK(cat->series.title.value.data() < source.data() + source.size());
}

TEST_CASE("invalid UTF-8 after a byte-order mark: columns on line 1 do not count the mark") {
    Diagnostics diags;
    CHECK_FALSE(parse_catalogue("\xEF\xBB\xBFx = \"\xE9\"\n", "c.toml", diags));
    REQUIRE(diags.items().size() == 2);
    CHECK(diags.items()[0].rule == "byte-order-mark");
    CHECK(diags.items()[1].rule == "invalid-utf8");
    CHECK(diags.items()[1].pos == SourcePos{1, 6});
}

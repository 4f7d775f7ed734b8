#include "catalogue/catalogue_edit.hpp"
#include "catalogue/catalogue_loader.hpp"
#include "support/source_text.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <random>

using namespace wtool;

namespace {

std::string edited(const std::string& text, const TableAddress& table, std::vector<KeyChange> changes) {
    auto edits = key_edits(text, table, changes);
    REQUIRE_MESSAGE(edits, edits.error());
    return apply_edits(text, *edits);
}

const std::string two_seasons = "[series]\n"
                                "title = \"T\"  # the title\n"
                                "\n"
                                "[[season]]\n"
                                "number = 1\n"
                                "  theme = 'Old'   # keep this comment\n"
                                "date = 2026-03-02\n"
                                "\n"
                                "# about season 2\n"
                                "[[season]]\n"
                                "number = 2\n"
                                "\n"
                                "[[episode]]\n"
                                "code = \"S01E01\"\n"
                                "title = \"A\"\n"
                                "recording = \"https://www.youtube.com/watch?v=x\" # video\n"
                                "\n"
                                "[[episode.speaker]]\n"
                                "name = \"N\"\n";

} // namespace

TEST_CASE("setting a value changes its bytes only") {
    const std::string out = edited(two_seasons, TableAddress::of_season(1), {{"theme", toml_value::string("New \"one\"")}});
    CHECK(out == fmt::format("{}  theme = \"New \\\"one\\\"\"   # keep this comment\n{}",
                             two_seasons.substr(0, two_seasons.find("  theme")),
                             two_seasons.substr(two_seasons.find("date = "))));
}

TEST_CASE("a missing key gets a line after the table's last key, indented like it") {
    const std::string out = edited(two_seasons, TableAddress::of_season(1), {{"time", toml_value::time(std::chrono::hours{16})}});
    CHECK(out.find("date = 2026-03-02\ntime = 16:00:00\n\n# about season 2\n") != std::string::npos);
    const std::string second = edited(two_seasons, TableAddress::of_season(2), {{"date", "2026-04-06"}, {"time", "15:00:00"}});
    CHECK(second.find("number = 2\ndate = 2026-04-06\ntime = 15:00:00\n\n[[episode]]") != std::string::npos);
}

TEST_CASE("an episode's key goes before its speakers' tables") {
    const std::string out = edited(two_seasons, TableAddress::of_episode("S01E01"), {{"share_recording", "false"}});
    CHECK(out.find("# video\nshare_recording = false\n\n[[episode.speaker]]") != std::string::npos);
}

TEST_CASE("removing a key removes its line, comment included") {
    const std::string out = edited(two_seasons, TableAddress::of_episode("S01E01"), {{"recording", std::nullopt}});
    CHECK(out.find("recording") == std::string::npos);
    CHECK(out.find("title = \"A\"\n\n[[episode.speaker]]") != std::string::npos);
    CHECK(edited(two_seasons, TableAddress::of_season(2), {{"cancelled", std::nullopt}}) == two_seasons); // absent
}

TEST_CASE("a value that is already as wanted is no edit") {
    auto edits = key_edits(two_seasons, TableAddress::of_season(1), std::vector<KeyChange>{{"date", "2026-03-02"}});
    REQUIRE(edits);
    CHECK(edits->empty());
}

TEST_CASE("CRLF files get CRLF lines") {
    std::string crlf;
    for (const char c : two_seasons) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    const std::string out = edited(crlf, TableAddress::of_season(2), {{"theme", "\"X\""}});
    CHECK(out.find("number = 2\r\ntheme = \"X\"\r\n\r\n[[episode]]") != std::string::npos);
}

TEST_CASE("a table the editor cannot or must not touch") {
    const auto error = [](const std::string& text, const TableAddress& t) {
        auto e = key_edits(text, t, std::vector<KeyChange>{{"theme", "\"x\""}});
        return e ? std::string("<edited>") : e.error();
    };
    CHECK(error(two_seasons, TableAddress::of_season(3)) == "season 3 is not in the catalogue");
    CHECK(error(two_seasons, TableAddress::of_episode("S09E09")) == "episode S09E09 is not in the catalogue");
    CHECK(error(two_seasons + "[[season]]\nnumber = 2\n", TableAddress::of_season(2)).find("twice") !=
          std::string::npos);
    CHECK(error("season = [{ number = 1 }]\n", TableAddress::of_season(1)).find("inline table") != std::string::npos);
}

TEST_CASE("TOML text of values") {
    CHECK(toml_value::string("a\"b\n") == "\"a\\\"b\\n\"");
    CHECK(toml_value::date(date::local_days{date::year{2026} / 3 / 2}) == "2026-03-02");
    CHECK(toml_value::time(std::chrono::minutes{15 * 60 + 5}) == "15:05:00");
    CHECK(toml_value::local_date_time(date::local_days{date::year{2026} / 6 / 1} + std::chrono::hours{16}) ==
          "2026-06-01T16:00:00");
    CHECK(toml_value::integer(12) == "12");
    CHECK(toml_value::boolean(false) == "false");
}

// Property: random edits of the real catalogue, one after another. After each, every line that
// does not hold a changed key is byte for byte as before, and the text loads to the intended model.
TEST_CASE("random edits of the shipped catalogue keep every other byte") {
    const auto source = read_file(std::filesystem::path(WTOOL_SOURCE_DIR) / "data" / "episodes.toml");
    REQUIRE(source);
    std::string text = *source;
    std::mt19937 random(20261205); // fixed: the same run every time
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
    const std::vector<std::string> words = {"Federated", "Ünïcödé ✓", "quote \" and \\ back", "# not a comment",
                                            "'single'", "tab\there", "[[not a table]]"};

    for (int round = 0; round < 150; ++round) {
        Diagnostics diags;
        const auto before = parse_catalogue(std::string(text), "episodes.toml", diags);
        REQUIRE(before);
        const bool season = pick(2) == 0;
        TableAddress table;
        std::vector<KeyChange> changes;
        std::string expected_value;
        if (season) {
            const Season& s = before->seasons[static_cast<std::size_t>(pick(static_cast<int>(before->seasons.size())))];
            table = TableAddress::of_season(s.number.value);
            switch (pick(4)) {
            case 0: expected_value = words[static_cast<std::size_t>(pick(7))]; changes = {{"theme", toml_value::string(expected_value)}}; break;
            case 1: changes = {{"duration_minutes", toml_value::integer(30 + pick(90))}}; break;
            case 2: changes = {{"cancelled", pick(2) == 0 ? std::optional<std::string>("true") : std::nullopt}}; break;
            default: changes = {{"zoom_url", toml_value::string(fmt::format("https://zoom.us/j/{}", pick(100000)))}}; break;
            }
        } else {
            const Episode& e = before->episodes[static_cast<std::size_t>(pick(static_cast<int>(before->episodes.size())))];
            table = TableAddress::of_episode(e.code.value);
            switch (pick(3)) {
            case 0: expected_value = words[static_cast<std::size_t>(pick(7))]; changes = {{"title", toml_value::string(expected_value)}}; break;
            case 1: changes = {{"recording", pick(2) == 0 ? std::optional(toml_value::string("https://www.youtube.com/watch?v=abc")) : std::nullopt}}; break;
            default: changes = {{"share_recording", toml_value::boolean(pick(2) == 0)}}; break;
            }
        }
        const std::string after_text = edited(text, table, changes);
        CAPTURE(round);
        CAPTURE(table.describe());
        CAPTURE(changes.front().key);

        // Every line that does not hold the changed key is unchanged, in order.
        const auto other_lines = [&](const std::string& t) {
            std::vector<std::string> lines;
            auto after = parse_catalogue(std::string(t), "episodes.toml", diags);
            REQUIRE(after);
            std::uint32_t key_line = 0;
            if (season) {
                const Season* s = after->find_season(table.season);
                REQUIRE(s != nullptr);
                const std::string& k = changes.front().key;
                key_line = k == "theme" ? s->theme.pos.line : k == "duration_minutes" ? s->duration_minutes.pos.line
                         : k == "cancelled" ? s->cancelled.pos.line : s->zoom_url.pos.line;
            } else {
                const Episode* e = after->find_episode(table.code);
                REQUIRE(e != nullptr);
                const std::string& k = changes.front().key;
                key_line = k == "title" ? e->title.pos.line : k == "recording" ? e->recording.pos.line
                                                                               : e->share_recording.pos.line;
            }
            std::uint32_t number = 0;
            for (std::size_t from = 0; from < t.size();) {
                const std::size_t end = std::min(t.find('\n', from), t.size());
                if (++number != key_line) {
                    lines.push_back(t.substr(from, end - from));
                }
                from = end + 1;
            }
            return lines;
        };
        CHECK(other_lines(text) == other_lines(after_text));

        // The intended model.
        const auto after = parse_catalogue(std::string(after_text), "episodes.toml", diags);
        REQUIRE(after);
        CHECK(after->seasons.size() == before->seasons.size());
        CHECK(after->episodes.size() == before->episodes.size());
        const std::optional<std::string>& v = changes.front().value;
        if (season) {
            const Season& s = *after->find_season(table.season);
            const std::string& k = changes.front().key;
            if (k == "theme") {
                CHECK(std::string(s.theme.value) == expected_value);
            } else if (k == "duration_minutes") {
                CHECK(fmt::format("{}", s.duration_minutes.value) == *v);
            } else if (k == "cancelled") {
                CHECK(s.cancelled.value == v.has_value());
                CHECK(s.cancelled.present == v.has_value());
            } else {
                CHECK(toml_value::string(s.zoom_url.value) == *v);
            }
        } else {
            const Episode& e = *after->find_episode(table.code);
            const std::string& k = changes.front().key;
            if (k == "title") {
                CHECK(std::string(e.title.value) == expected_value);
            } else if (k == "recording") {
                CHECK(e.recording.present == v.has_value());
            } else {
                CHECK(toml_value::boolean(e.share_recording.value) == *v);
            }
        }
        text = after_text;
    }
}

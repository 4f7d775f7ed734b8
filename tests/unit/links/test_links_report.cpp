#include "links/links_report.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace wtool;
using namespace wtool::links;

namespace {

LinkResult result(std::string url, Verdict verdict, std::vector<Place> places) {
    LinkResult r;
    r.target = make_target(url);
    r.verdict = std::move(verdict);
    r.places = std::move(places);
    r.requests = 1;
    return r;
}

Place at(std::string file, std::uint32_t line, std::uint32_t col, Role role, std::string where = {},
         std::optional<int> season = std::nullopt) {
    return Place{std::move(file), {line, col}, role, std::move(where), season};
}

std::vector<LinkResult> sample() {
    std::vector<LinkResult> rs;
    rs.push_back(result("https://www.youtube.com/watch?v=AUYmTQrZsRA",
                        {Status::broken, "gone", "YouTube does not know it (oEmbed HTTP 404)", 404},
                        {at("e.toml", 20, 14, Role::recording, "S01E01 recording", 1),
                         at("e.toml", 9, 30, Role::text, "series.text.intro")}));
    rs.push_back(result("https://example.org", {Status::ok, "ok", "HTTP 200", 200},
                        {at("e.toml", 5, 13, Role::site, "series.site_url")}));
    rs.push_back(result("https://x.zoom.us/j/1", {Status::expired, "expired-as-expected", "season 1 has begun", 0},
                        {at("e.toml", 16, 13, Role::zoom, "season 1 zoom_url", 1)}));
    rs.push_back(result("https://slow.example.org/a|b", {Status::unknown, "timeout", "no answer in time", 0},
                        {at("e.toml", 30, 13, Role::homepage, "S01E01 speaker 1 homepage", 1)}));
    rs.push_back(result("https://www.youtube.com/watch?v=BBBBBBBBBBB",
                        {Status::warning, "embedding-disabled", "embedding *disabled*", 401},
                        {at("e.toml", 25, 14, Role::recording, "S01E02 recording", 1)}));
    rs.back().reused = true;
    sort_for_report(rs);
    return rs;
}

} // namespace

TEST_CASE("counts and exit codes") {
    const Counts c = count(sample());
    CHECK(c.total() == 5);
    CHECK(c.places == 6);
    CHECK(c.broken == 1);
    CHECK(c.reused == 1);
    CHECK(outcome_of(c) == Outcome::broken);
    CHECK(outcome_of(Counts{.ok = 3, .warning = 1, .unknown = 2}) == Outcome::unknown);
    CHECK(outcome_of(Counts{.ok = 3, .warning = 1, .expired = 2}) == Outcome::ok);
    CHECK(outcome_of(Counts{}) == Outcome::ok);
    CHECK(exit_status(Outcome::broken) == 1);
    CHECK(exit_status(Outcome::unknown) == 3);
    CHECK(exit_status(Outcome::ok) == 0);
}

TEST_CASE("text reports") {
    SUBCASE("every link, in file order") {
        CHECK(render_text(sample(), Detail::all, Color::no) ==
              "e.toml:5:13: ok: https://example.org (series.site_url): HTTP 200 [ok]\n"
              "e.toml:16:13: expired: https://x.zoom.us/j/1 (season 1 zoom_url): season 1 has begun "
              "[expired-as-expected]\n"
              "e.toml:20:14: broken: https://www.youtube.com/watch?v=AUYmTQrZsRA (S01E01 recording): YouTube does "
              "not know it (oEmbed HTTP 404) [gone]\n"
              "  also at e.toml:9:30 (series.text.intro)\n"
              "e.toml:25:14: warning: https://www.youtube.com/watch?v=BBBBBBBBBBB (S01E02 recording): embedding "
              "*disabled* (reused) [embedding-disabled]\n"
              "e.toml:30:13: unknown: https://slow.example.org/a|b (S01E01 speaker 1 homepage): no answer in time "
              "[timeout]\n"
              "5 links: 1 ok, 1 warning, 1 broken, 1 unknown, 1 expired as expected (Zoom links of past or cancelled "
              "seasons, not fetched); 1 result reused "
              "from the state file\n");
    }
    SUBCASE("--quiet: only broken and unknown links") {
        CHECK(render_text(sample(), Detail::problems, Color::no) ==
              "e.toml:20:14: broken: https://www.youtube.com/watch?v=AUYmTQrZsRA (S01E01 recording): YouTube does "
              "not know it (oEmbed HTTP 404) [gone]\n"
              "  also at e.toml:9:30 (series.text.intro)\n"
              "e.toml:30:13: unknown: https://slow.example.org/a|b (S01E01 speaker 1 homepage): no answer in time "
              "[timeout]\n"
              "5 links: 1 ok, 1 warning, 1 broken, 1 unknown, 1 expired as expected (Zoom links of past or cancelled "
              "seasons, not fetched); 1 result reused "
              "from the state file\n");
    }
    SUBCASE("--quiet when all is well: nothing at all") {
        std::vector<LinkResult> fine = sample();
        std::erase_if(fine, [](const LinkResult& r) {
            return r.verdict.status == Status::broken || r.verdict.status == Status::unknown;
        });
        CHECK(render_text(fine, Detail::problems, Color::no).empty());
        CHECK(render_markdown(fine, Detail::problems).empty());
        CHECK(render_text({}, Detail::all, Color::no) == "0 links: 0 ok, 0 warnings, 0 broken, 0 unknown\n");
    }
    SUBCASE("colour") {
        const std::string colored = render_text(sample(), Detail::problems, Color::yes);
        CHECK(colored.starts_with("e.toml:20:14: \x1b[1;31mbroken\x1b[0m: https://"));
    }
}

TEST_CASE("JSON reports") {
    const auto json = nlohmann::json::parse(render_json(sample(), Detail::all));
    CHECK(json["summary"] == nlohmann::json::parse(R"({"links": 5, "places": 6, "ok": 1, "warning": 1, "broken": 1,
        "unknown": 1, "expired": 1, "reused": 1, "exit_code": 1})"));
    REQUIRE(json["links"].size() == 5);
    const auto& broken = json["links"][2];
    CHECK(broken == nlohmann::json::parse(R"json({
        "url": "https://www.youtube.com/watch?v=AUYmTQrZsRA",
        "key": "https://www.youtube.com/watch?v=AUYmTQrZsRA",
        "service": "youtube", "status": "broken", "kind": "gone",
        "detail": "YouTube does not know it (oEmbed HTTP 404)", "http_status": 404,
        "reused": false, "requests": 1, "retries": 0,
        "places": [
          {"file": "e.toml", "line": 20, "column": 14, "role": "recording", "where": "S01E01 recording", "season": 1},
          {"file": "e.toml", "line": 9, "column": 30, "role": "text", "where": "series.text.intro", "season": null}
        ]})json"));
    const auto quiet = nlohmann::json::parse(render_json(sample(), Detail::problems));
    CHECK(quiet["links"].size() == 2);
    CHECK(quiet["summary"]["links"] == 5);
}

TEST_CASE("Markdown reports") {
    CHECK(render_markdown(sample(), Detail::problems) ==
          "## Link check: 1 broken, 1 unknown\n\n"
          "5 links: 1 ok, 1 warning, 1 broken, 1 unknown, 1 expired as expected (Zoom links of past or cancelled "
          "seasons, not fetched); 1 result reused "
          "from the state file.\n\n"
          "| status | link | where | why |\n| --- | --- | --- | --- |\n"
          "| broken | <https://www.youtube.com/watch?v=AUYmTQrZsRA> | `e.toml:20:14` S01E01 recording<br>`e.toml:9:30` "
          "series.text.intro | YouTube does not know it (oEmbed HTTP 404) (gone) |\n"
          "| unknown | <https://slow.example.org/a|b> | `e.toml:30:13` S01E01 speaker 1 homepage | no answer in time "
          "(timeout) |\n");
    const std::string all = render_markdown(sample(), Detail::all);
    CHECK(all.find("| warning | <https://www.youtube.com/watch?v=BBBBBBBBBBB> | `e.toml:25:14` S01E02 recording | "
                   "embedding \\*disabled\\* (embedding-disabled) |\n") != std::string::npos);
    CHECK(all.find("<details><summary>2 links without problems</summary>\n\n"
                   "- ok: <https://example.org> (`e.toml:5:13` series.site\\_url): HTTP 200\n"
                   "- expired: <https://x.zoom.us/j/1> (`e.toml:16:13` season 1 zoom\\_url): season 1 has begun\n\n"
                   "</details>\n") != std::string::npos);
}

TEST_CASE("reports show the control characters of outside texts visibly") {
    // A title from YouTube, a Location header, a URL and a place from a catalogue, all hostile.
    std::vector<LinkResult> rs;
    rs.push_back(result("https://www.youtube.com/watch?v=AUYmTQrZsRA",
                        {Status::ok, "ok", "YouTube knows it: \"\x1b]0;pwned\a\u202Eevil\"", 200},
                        {at("e\x1b.toml", 20, 14, Role::recording, "S01\u009BE01 recording", 1)}));
    rs.push_back(
        result("https://example.org/a\u202Eb",
               {Status::broken, "bad-redirect", "redirects to 'javascript:\x1b[2J', which is not http or https", 302},
               {at("e.toml", 21, 14, Role::homepage, "S01E01 speaker 1 homepage", 1),
                at("e.toml", 22, 1, Role::text, "x\ry")}));
    const auto raw = [](const std::string& s) {
        return s.find('\x1b') != std::string::npos || s.find('\a') != std::string::npos ||
               s.find('\r') != std::string::npos || s.find("\u009B") != std::string::npos ||
               s.find("\u202E") != std::string::npos;
    };
    SUBCASE("text") {
        const std::string out = render_text(rs, Detail::all, Color::no);
        CHECK_FALSE(raw(out));
        CHECK(out.find("e\\u001B.toml:20:14: ok: https://www.youtube.com/watch?v=AUYmTQrZsRA (S01\\u009BE01 "
                       "recording): YouTube knows it: \"\\u001B]0;pwned\\u0007\\u202Eevil\" [ok]\n") !=
              std::string::npos);
        CHECK(out.find("redirects to 'javascript:\\u001B[2J'") != std::string::npos);
        CHECK(out.find("https://example.org/a\\u202Eb") != std::string::npos);
        CHECK(out.find("also at e.toml:22:1 (x\\u000Dy)") != std::string::npos);
    }
    SUBCASE("markdown") {
        const std::string out = render_markdown(rs, Detail::all);
        CHECK_FALSE(raw(out));
        CHECK(out.find("YouTube knows it: \"\\\\u001B\\]0;pwned\\\\u0007\\\\u202Eevil\"") != std::string::npos);
        CHECK(out.find("<https://example.org/a\\u202Eb>") != std::string::npos);
        CHECK(out.find("`e\\u001B.toml:20:14` S01\\\\u009BE01 recording") != std::string::npos);
    }
    SUBCASE("json keeps the texts, escaped as JSON escapes them") {
        const auto doc = nlohmann::json::parse(render_json(rs, Detail::all));
        CHECK(doc["links"][0]["detail"] == "YouTube knows it: \"\x1b]0;pwned\a\u202Eevil\"");
    }
}

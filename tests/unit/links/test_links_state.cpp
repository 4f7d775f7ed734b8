#include "links/links_state.hpp"

#include <doctest/doctest.h>

using namespace wtool;
using namespace wtool::links;
using namespace std::chrono_literals;

namespace {

tz::Instant t(std::string_view iso) {
    return *tz::parse_instant(iso);
}

const Verdict ok{Status::ok, "ok", "HTTP 200", 200};
const Verdict gone{Status::broken, "gone", "not found (HTTP 404)", 404};
const Verdict timeout{Status::unknown, "timeout", "no answer in time", 0};

} // namespace

TEST_CASE("the state file round-trips") {
    LinkState state;
    state.links["https://a.test/"] = LinkRecord{ok, t("2026-02-01T12:00:00Z"), 0, t("2026-02-01T12:00:00Z")};
    state.links["https://b.test/"] = LinkRecord{gone, t("2026-02-01T12:00:00Z"), 2, std::nullopt};
    const std::string text = render_state(state);
    const std::string expected = R"json({
  "format": "wtool check-links state",
  "version": 1,
  "links": {
    "https://a.test/": {
      "status": "ok",
      "kind": "ok",
      "detail": "HTTP 200",
      "http_status": 200,
      "checked_at": "2026-02-01T12:00:00Z",
      "consecutive_failures": 0,
      "last_ok": "2026-02-01T12:00:00Z"
    },
    "https://b.test/": {
      "status": "broken",
      "kind": "gone",
      "detail": "not found (HTTP 404)",
      "http_status": 404,
      "checked_at": "2026-02-01T12:00:00Z",
      "consecutive_failures": 2
    }
  }
}
)json";
    CHECK(text == expected);
    const auto parsed = parse_state(text);
    REQUIRE(parsed);
    CHECK(parsed->links == state.links);
}

TEST_CASE("unusable state files say why") {
    CHECK(parse_state("{").error() == "not JSON");
    CHECK(parse_state("[]").error() == "not a check-links state file (no \"format\": \"wtool check-links state\")");
    CHECK(parse_state(R"({"format": "wtool check-links state", "version": 9, "links": {}})").error() ==
          "state format version 9 is not supported (this wtool writes 1)");
    CHECK(parse_state(R"({"format": "wtool check-links state", "version": 1})").error() == "no \"links\" object");
    CHECK(parse_state(R"({"format": "wtool check-links state", "version": 1, "links": {"u": {"status": "fine"}}})")
              .error() == "links.u: unknown status 'fine'");
    CHECK(parse_state(R"({"format": "wtool check-links state", "version": 1, "links": {"u": {"status": "ok",
          "kind": "ok", "detail": "", "checked_at": "yesterday"}}})")
              .error()
              .starts_with("links.u: 'checked_at' is not a time"));
    CHECK(parse_state(R"({"format": "wtool check-links state", "version": 1, "links": {"u": {"status": "ok",
          "kind": "ok", "detail": "", "checked_at": "2026-01-01T00:00:00Z", "consecutive_failures": -1}}})")
              .error() == "links.u: 'consecutive_failures' must be a whole number");
    const auto minimal = parse_state(R"({"format": "wtool check-links state", "version": 1, "links": {"u": {
          "status": "ok", "kind": "ok", "detail": "", "checked_at": "2026-01-01T00:00:00Z"}}})");
    REQUIRE(minimal);
    CHECK(minimal->links.at("u").consecutive_failures == 0);
}

TEST_CASE("recent ok results are reused") {
    const LinkRecord record{ok, t("2026-02-01T12:00:00Z"), 0, t("2026-02-01T12:00:00Z")};
    CHECK(reusable(record, t("2026-02-01T12:00:00Z"), 12h));
    CHECK(reusable(record, t("2026-02-01T23:59:59Z"), 12h));
    CHECK_FALSE(reusable(record, t("2026-02-02T00:00:00Z"), 12h)); // 12 hours old: ask again
    CHECK_FALSE(reusable(record, t("2026-02-01T11:00:00Z"), 12h)); // checked "in the future"
    CHECK_FALSE(reusable(record, t("2026-02-01T12:00:00Z"), 0h));
    LinkRecord warning = record;
    warning.verdict = {Status::warning, "embedding-disabled", "", 401};
    CHECK(reusable(warning, t("2026-02-01T13:00:00Z"), 12h));
    CHECK_FALSE(reusable({gone, t("2026-02-01T12:00:00Z"), 1, std::nullopt}, t("2026-02-01T13:00:00Z"), 12h));
    CHECK_FALSE(reusable({timeout, t("2026-02-01T12:00:00Z"), 0, std::nullopt}, t("2026-02-01T13:00:00Z"), 12h));
}

TEST_CASE("consecutive failures and --fail-after") {
    const tz::Instant day1 = t("2026-02-01T12:00:00Z");
    const tz::Instant day2 = t("2026-02-08T12:00:00Z");
    const tz::Instant day3 = t("2026-02-15T12:00:00Z");
    const LinkRecord first = next_record(std::nullopt, gone, day1);
    CHECK(first.consecutive_failures == 1);
    CHECK(first.checked_at == day1);
    CHECK_FALSE(first.last_ok);
    CHECK(reported_verdict(first, 1) == gone);
    const Verdict pending = reported_verdict(first, 3);
    CHECK(pending == Verdict{Status::warning, "failing",
                             "not found (HTTP 404) (failed 1 run in a row, reported as broken after 3)", 404});

    const LinkRecord unknown_run = next_record(first, timeout, day2);
    CHECK(unknown_run.consecutive_failures == 1); // an unknown result proves nothing either way
    const LinkRecord second = next_record(unknown_run, gone, day2);
    CHECK(second.consecutive_failures == 2);
    CHECK(reported_verdict(second, 3).detail ==
          "not found (HTTP 404) (failed 2 runs in a row, reported as broken after 3)");
    const LinkRecord third = next_record(second, gone, day3);
    CHECK(third.consecutive_failures == 3);
    CHECK(reported_verdict(third, 3) == gone);

    const LinkRecord recovered = next_record(third, ok, day3);
    CHECK(recovered.consecutive_failures == 0);
    CHECK(recovered.last_ok == day3);
    CHECK(reported_verdict(recovered, 3) == ok);
    CHECK(next_record(recovered, gone, day3).last_ok == day3); // remembered
}

TEST_CASE("a run's results are merged into the state as the file holds it now") {
    const tz::Instant start = t("2026-02-01T12:00:00Z");
    const tz::Instant now = t("2026-02-01T12:05:00Z");
    // What this run read at its start: only its own link, failing once.
    // What the file holds now: another run (another --season) wrote its links meanwhile, and
    // counted a second failure of the shared link.
    LinkState current;
    current.links["https://other.test/"] = LinkRecord{ok, start, 0, start};
    current.links["https://shared.test/"] = LinkRecord{gone, start, 2, std::nullopt};
    current.links["https://untouched.test/"] = LinkRecord{timeout, start, 1, std::nullopt};
    const std::vector<CheckedLink> checked = {{"https://mine.test/", ok}, {"https://shared.test/", gone}};

    const LinkState merged = merge_results(current, checked, now);
    REQUIRE(merged.links.size() == 4);
    SUBCASE("links this run did not check stay exactly as the file has them") {
        CHECK(merged.links.at("https://other.test/") == current.links.at("https://other.test/"));
        CHECK(merged.links.at("https://untouched.test/") == current.links.at("https://untouched.test/"));
    }
    SUBCASE("a new link gets its first record") {
        CHECK(merged.links.at("https://mine.test/") == next_record(std::nullopt, ok, now));
    }
    SUBCASE("a checked link counts on from the file's record, not from what the run read at its start") {
        const LinkRecord& shared = merged.links.at("https://shared.test/");
        CHECK(shared.consecutive_failures == 3);
        CHECK(shared.checked_at == now);
    }
    SUBCASE("nothing checked: the file's state as it is") {
        CHECK(merge_results(current, {}, now).links == current.links);
    }
}

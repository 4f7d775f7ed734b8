#include "links/links_state.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace wtool::links {

namespace {

constexpr std::string_view format_name = "wtool check-links state";
constexpr int format_version = 1;

using Json = nlohmann::ordered_json;

std::expected<std::string, std::string> string_at(const Json& obj, std::string_view key, std::string_view where) {
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) {
        return std::unexpected(fmt::format("{}: no string '{}'", where, key));
    }
    return it->get<std::string>();
}

std::expected<tz::Instant, std::string> instant_at(const Json& obj, std::string_view key, std::string_view where) {
    auto text = string_at(obj, key, where);
    if (!text) {
        return std::unexpected(text.error());
    }
    auto t = tz::parse_instant(*text);
    if (!t) {
        return std::unexpected(fmt::format("{}: '{}' is not a time: {}", where, key, t.error()));
    }
    return *t;
}

std::expected<LinkRecord, std::string> parse_record(const Json& obj, const std::string& where) {
    if (!obj.is_object()) {
        return std::unexpected(fmt::format("{}: not an object", where));
    }
    LinkRecord r;
    auto status = string_at(obj, "status", where);
    if (!status) {
        return std::unexpected(status.error());
    }
    const auto parsed_status = parse_status(*status);
    if (!parsed_status) {
        return std::unexpected(fmt::format("{}: unknown status '{}'", where, *status));
    }
    r.verdict.status = *parsed_status;
    auto kind = string_at(obj, "kind", where);
    auto detail = string_at(obj, "detail", where);
    auto checked = instant_at(obj, "checked_at", where);
    if (!kind || !detail || !checked) {
        return std::unexpected(!kind ? kind.error() : !detail ? detail.error() : checked.error());
    }
    r.verdict.kind = std::move(*kind);
    r.verdict.detail = std::move(*detail);
    r.checked_at = *checked;
    if (const auto it = obj.find("http_status"); it != obj.end() && it->is_number_integer()) {
        r.verdict.http_status = it->get<int>();
    }
    if (const auto it = obj.find("consecutive_failures"); it != obj.end()) {
        if (!it->is_number_integer() || it->get<long long>() < 0) {
            return std::unexpected(fmt::format("{}: 'consecutive_failures' must be a whole number", where));
        }
        r.consecutive_failures = static_cast<int>(std::min(it->get<long long>(), 1'000'000LL));
    }
    if (obj.contains("last_ok")) {
        auto last_ok = instant_at(obj, "last_ok", where);
        if (!last_ok) {
            return std::unexpected(last_ok.error());
        }
        r.last_ok = *last_ok;
    }
    return r;
}

} // namespace

std::expected<LinkState, std::string> parse_state(std::string_view json) {
    const Json root = Json::parse(json, nullptr, false);
    if (root.is_discarded()) {
        return std::unexpected(std::string("not JSON"));
    }
    if (!root.is_object() || root.value("format", std::string{}) != format_name) {
        return std::unexpected(fmt::format(R"(not a check-links state file (no "format": "{}"))", format_name));
    }
    if (root.value("version", 0) != format_version) {
        return std::unexpected(fmt::format("state format version {} is not supported (this wtool writes {})",
                                           root.value("version", 0), format_version));
    }
    LinkState state;
    const auto links = root.find("links");
    if (links == root.end() || !links->is_object()) {
        return std::unexpected(std::string("no \"links\" object"));
    }
    for (const auto& [key, value] : links->items()) {
        auto record = parse_record(value, "links." + key);
        if (!record) {
            return std::unexpected(record.error());
        }
        state.links.emplace(key, std::move(*record));
    }
    return state;
}

std::string render_state(const LinkState& state) {
    Json root;
    root["format"] = format_name;
    root["version"] = format_version;
    Json links = Json::object();
    for (const auto& [key, r] : state.links) {
        Json entry;
        entry["status"] = status_name(r.verdict.status);
        entry["kind"] = r.verdict.kind;
        entry["detail"] = r.verdict.detail;
        if (r.verdict.http_status != 0) {
            entry["http_status"] = r.verdict.http_status;
        }
        entry["checked_at"] = tz::format_utc(r.checked_at);
        entry["consecutive_failures"] = r.consecutive_failures;
        if (r.last_ok) {
            entry["last_ok"] = tz::format_utc(*r.last_ok);
        }
        links[key] = std::move(entry);
    }
    root["links"] = std::move(links);
    return root.dump(2) + "\n";
}

bool reusable(const LinkRecord& record, tz::Instant now, std::chrono::hours reuse_for) {
    const bool good = record.verdict.status == Status::ok || record.verdict.status == Status::warning;
    return good && record.consecutive_failures == 0 && record.checked_at <= now && now - record.checked_at < reuse_for;
}

LinkRecord next_record(const std::optional<LinkRecord>& previous, const Verdict& fresh, tz::Instant now) {
    LinkRecord r;
    r.verdict = fresh;
    r.checked_at = now;
    const int before = previous ? previous->consecutive_failures : 0;
    if (previous) {
        r.last_ok = previous->last_ok;
    }
    switch (fresh.status) {
    case Status::broken: r.consecutive_failures = before + 1; break;
    case Status::ok:
    case Status::warning:
        r.consecutive_failures = 0;
        r.last_ok = now;
        break;
    case Status::unknown:
    case Status::expired: r.consecutive_failures = before; break;
    }
    return r;
}

LinkState merge_results(LinkState current, std::span<const CheckedLink> checked, tz::Instant now) {
    for (const CheckedLink& link : checked) {
        const auto known = current.links.find(link.key);
        const std::optional<LinkRecord> previous =
            known == current.links.end() ? std::nullopt : std::optional(known->second);
        current.links.insert_or_assign(link.key, next_record(previous, link.verdict, now));
    }
    return current;
}

Verdict reported_verdict(const LinkRecord& record, int fail_after) {
    Verdict v = record.verdict;
    if (v.status != Status::broken || record.consecutive_failures >= fail_after) {
        return v;
    }
    v.status = Status::warning;
    v.detail = fmt::format("{} (failed {} run{} in a row, reported as broken after {})", v.detail,
                           record.consecutive_failures, record.consecutive_failures == 1 ? "" : "s", fail_after);
    v.kind = "failing";
    return v;
}

} // namespace wtool::links

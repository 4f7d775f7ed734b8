#include "links/links_report.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

namespace wtool::links {

namespace {

bool is_problem(Status s) {
    return s == Status::broken || s == Status::unknown;
}

bool shown(const LinkResult& r, Detail detail) {
    return detail == Detail::all || is_problem(r.verdict.status);
}

// Every text the text and Markdown reports show came from a file, a catalogue or the network: its
// control characters are made visible (text::visible); the JSON report escapes them as JSON does.
std::string location(const Place& p) {
    return p.pos.known() ? fmt::format("{}:{}:{}", text::visible(p.file), p.pos.line, p.pos.column)
                         : text::visible(p.file);
}

std::string summary_line(const Counts& c) {
    std::string out =
        fmt::format("{} link{}: {} ok, {} warning{}, {} broken, {} unknown", c.total(), c.total() == 1 ? "" : "s", c.ok,
                    c.warning, c.warning == 1 ? "" : "s", c.broken, c.unknown);
    if (c.expired > 0) {
        out +=
            fmt::format(", {} expired as expected (Zoom links of past or cancelled seasons, not fetched)", c.expired);
    }
    if (c.reused > 0) {
        out += fmt::format("; {} result{} reused from the state file", c.reused, c.reused == 1 ? "" : "s");
    }
    return out;
}

std::string_view color_of(Status s, Color color) {
    if (color == Color::no) {
        return {};
    }
    switch (s) {
    case Status::ok: return "\x1b[32m";
    case Status::warning: return "\x1b[1;35m";
    case Status::broken: return "\x1b[1;31m";
    case Status::unknown: return "\x1b[1;33m";
    case Status::expired: return "\x1b[36m";
    }
    return {};
}

// Escapes text for a Markdown table cell or list item: line feeds become blanks, other controls
// are made visible.
std::string md_escape(std::string_view raw) {
    const std::string s = text::visible(raw, text::Keep::tabs_and_newlines);
    std::string out;
    for (const char c : s) {
        if (c == '\n') {
            out += ' ';
            continue;
        }
        if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) {
            out += '\\';
        }
        out += c;
    }
    return out;
}

std::string md_link(std::string_view raw) {
    const std::string url = text::visible(raw);
    // An autolink cannot hold blanks or '<' '>'; the collector never yields such URLs, but a
    // catalogue value could: show those as code.
    if (url.find_first_of(" <>`\n") == std::string_view::npos) {
        return fmt::format("<{}>", url);
    }
    return fmt::format("`{}`", url);
}

std::string md_places(const LinkResult& r) {
    std::string out;
    for (const Place& p : r.places) {
        if (!out.empty()) {
            out += "<br>";
        }
        out += fmt::format("`{}`", location(p));
        if (!p.where.empty()) {
            out += " " + md_escape(p.where);
        }
    }
    return out;
}

} // namespace

Counts count(const std::vector<LinkResult>& results) {
    Counts c;
    for (const LinkResult& r : results) {
        switch (r.verdict.status) {
        case Status::ok: ++c.ok; break;
        case Status::warning: ++c.warning; break;
        case Status::broken: ++c.broken; break;
        case Status::unknown: ++c.unknown; break;
        case Status::expired: ++c.expired; break;
        }
        c.reused += r.reused ? 1 : 0;
        c.places += r.places.size();
    }
    return c;
}

Outcome outcome_of(const Counts& counts) {
    if (counts.broken > 0) {
        return Outcome::broken;
    }
    return counts.unknown > 0 ? Outcome::unknown : Outcome::ok;
}

int exit_status(Outcome outcome) {
    switch (outcome) {
    case Outcome::broken: return 1;
    case Outcome::unknown: return 3;
    case Outcome::ok: break;
    }
    return 0;
}

std::string_view service_name(url::Service service) {
    switch (service) {
    case url::Service::youtube_video: return "youtube";
    case url::Service::youtube_playlist: return "youtube-playlist";
    case url::Service::zoom_meeting: return "zoom";
    case url::Service::web: return "web";
    }
    return "web";
}

void sort_for_report(std::vector<LinkResult>& results) {
    std::map<std::string, std::size_t> file_order;
    for (const LinkResult& r : results) {
        if (!r.places.empty()) {
            file_order.emplace(r.places.front().file, file_order.size());
        }
    }
    const auto key = [&](const LinkResult& r) {
        if (r.places.empty()) {
            return std::pair{file_order.size(), SourcePos{}};
        }
        return std::pair{file_order[r.places.front().file], r.places.front().pos};
    };
    std::stable_sort(results.begin(), results.end(),
                     [&](const LinkResult& a, const LinkResult& b) { return key(a) < key(b); });
}

std::string render_text(const std::vector<LinkResult>& results, Detail detail, Color color) {
    const std::string_view reset = color == Color::yes ? "\x1b[0m" : "";
    std::string out;
    for (const LinkResult& r : results) {
        if (!shown(r, detail)) {
            continue;
        }
        const Place& first = r.places.front();
        out += fmt::format("{}: {}{}{}: {}", location(first), color_of(r.verdict.status, color),
                           status_name(r.verdict.status), reset, text::visible(r.target.url));
        if (!first.where.empty()) {
            out += fmt::format(" ({})", text::visible(first.where));
        }
        out += fmt::format(": {}", text::visible(r.verdict.detail));
        if (r.reused) {
            out += " (reused)";
        }
        out += fmt::format(" [{}]\n", text::visible(r.verdict.kind));
        for (std::size_t i = 1; i < r.places.size(); ++i) {
            out += fmt::format("  also at {}", location(r.places[i]));
            if (!r.places[i].where.empty()) {
                out += fmt::format(" ({})", text::visible(r.places[i].where));
            }
            out += '\n';
        }
    }
    if (detail == Detail::all || !out.empty()) {
        out += summary_line(count(results)) + "\n";
    }
    return out;
}

std::string render_json(const std::vector<LinkResult>& results, Detail detail) {
    using Json = nlohmann::ordered_json;
    const Counts c = count(results);
    Json root;
    root["summary"] = {{"links", c.total()},   {"places", c.places}, {"ok", c.ok},
                       {"warning", c.warning}, {"broken", c.broken}, {"unknown", c.unknown},
                       {"expired", c.expired}, {"reused", c.reused}, {"exit_code", exit_status(outcome_of(c))}};
    Json links = Json::array();
    for (const LinkResult& r : results) {
        if (!shown(r, detail)) {
            continue;
        }
        Json j;
        j["url"] = r.target.url;
        j["key"] = r.target.key;
        j["service"] = service_name(r.target.service);
        j["status"] = status_name(r.verdict.status);
        j["kind"] = r.verdict.kind;
        j["detail"] = r.verdict.detail;
        j["http_status"] = r.verdict.http_status == 0 ? Json(nullptr) : Json(r.verdict.http_status);
        j["reused"] = r.reused;
        j["requests"] = r.requests;
        j["retries"] = r.retries;
        if (r.consecutive_failures) {
            j["consecutive_failures"] = *r.consecutive_failures;
        }
        Json places = Json::array();
        for (const Place& p : r.places) {
            Json pj;
            pj["file"] = p.file;
            pj["line"] = p.pos.line;
            pj["column"] = p.pos.column;
            pj["role"] = role_name(p.role);
            pj["where"] = p.where;
            pj["season"] = p.season ? Json(*p.season) : Json(nullptr);
            places.push_back(std::move(pj));
        }
        j["places"] = std::move(places);
        links.push_back(std::move(j));
    }
    root["links"] = std::move(links);
    return root.dump(2) + "\n";
}

std::string render_markdown(const std::vector<LinkResult>& results, Detail detail) {
    const Counts c = count(results);
    const auto needs_look = [&](const LinkResult& r) {
        return is_problem(r.verdict.status) || (detail == Detail::all && r.verdict.status == Status::warning);
    };
    const bool any_problem = c.broken > 0 || c.unknown > 0;
    if (detail == Detail::problems && !any_problem) {
        return {};
    }
    std::string out;
    if (any_problem) {
        out += fmt::format("## Link check: {} broken, {} unknown\n\n", c.broken, c.unknown);
    } else {
        out += "## Link check: all links work\n\n";
    }
    out += summary_line(c) + ".\n";
    std::string table;
    for (const LinkResult& r : results) {
        if (needs_look(r)) {
            table += fmt::format("| {} | {} | {} | {} ({}) |\n", status_name(r.verdict.status), md_link(r.target.url),
                                 md_places(r), md_escape(r.verdict.detail), md_escape(r.verdict.kind));
        }
    }
    if (!table.empty()) {
        out += "\n| status | link | where | why |\n| --- | --- | --- | --- |\n" + table;
    }
    if (detail == Detail::all) {
        std::string rest;
        std::size_t n = 0;
        for (const LinkResult& r : results) {
            if (!needs_look(r)) {
                ++n;
                rest += fmt::format("- {}: {} ({}): {}\n", status_name(r.verdict.status), md_link(r.target.url),
                                    md_places(r), md_escape(r.verdict.detail));
            }
        }
        if (n > 0) {
            out += fmt::format("\n<details><summary>{} link{} without problems</summary>\n\n{}\n</details>\n", n,
                               n == 1 ? "" : "s", rest);
        }
    }
    return out;
}

} // namespace wtool::links

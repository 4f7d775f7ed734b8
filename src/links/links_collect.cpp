#include "links/links_collect.hpp"

#include "catalogue/meeting_link.hpp"
#include "support/line_index.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace wtool::links {

namespace {

bool ends_url(char c, TextFormat format) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F || c == '<' || c == '>' || c == '"' || c == '`' ||
           (c == '\'' && format == TextFormat::html);
}

// Removes trailing punctuation and unbalanced closing brackets: "(see https://x.org/a)." → ".../a".
std::string_view trim_trailing(std::string_view u) {
    while (!u.empty()) {
        const char last = u.back();
        if (std::string_view(".,;:!?*_~'").find(last) != std::string_view::npos) {
            u.remove_suffix(1);
            continue;
        }
        if (last == ')' || last == ']') {
            const char open = last == ')' ? '(' : '[';
            if (std::count(u.begin(), u.end(), open) < std::count(u.begin(), u.end(), last)) {
                u.remove_suffix(1);
                continue;
            }
        }
        break;
    }
    return u;
}

std::string decode_ampersands(std::string_view u) {
    std::string out;
    out.reserve(u.size());
    for (std::size_t i = 0; i < u.size();) {
        bool replaced = false;
        for (const std::string_view entity : {"&amp;", "&#38;", "&#x26;", "&#X26;"}) {
            if (u.substr(i, entity.size()) == entity) {
                out += '&';
                i += entity.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            out += u[i++];
        }
    }
    return out;
}

Role role_for(const TextRef& ref) {
    if (ref.kind != TextRef::Kind::url) {
        return Role::text;
    }
    switch (ref.url_role) {
    case UrlRole::recording: return Role::recording;
    case UrlRole::playlist: return Role::playlist;
    case UrlRole::zoom: return Role::zoom;
    case UrlRole::meeting: return Role::meeting;
    case UrlRole::homepage: return Role::homepage;
    case UrlRole::site: return Role::site;
    }
    return Role::site;
}

// Texts of seasons and episodes, with the season each belongs to.
class SeasonTexts {
  public:
    void add_episode(const Episode& e) {
        for (const Text* t : {&e.code, &e.title, &e.abstract, &e.bio, &e.recording}) {
            texts_.emplace(t, e.season);
        }
        for (const Speaker& s : e.speakers) {
            for (const Text* t : {&s.name, &s.honorific, &s.affiliation, &s.country, &s.homepage, &s.bio}) {
                texts_.emplace(t, e.season);
            }
        }
    }
    void add_season(const Season& s) {
        texts_.emplace(&s.theme, s.number.value);
        texts_.emplace(&s.zoom_url, s.number.value);
        texts_.emplace(&s.meeting_url, s.number.value);
    }
    // A text of the series that a selected season uses (its default meeting link).
    void add_series_text(const Text& t) { texts_.emplace(&t, 0); }
    [[nodiscard]] bool contains(const Text* t) const { return texts_.contains(t); }
    // The season of a text, nullopt for series-level texts (or a malformed episode code).
    [[nodiscard]] std::optional<int> season_of(const Text* t) const {
        const auto it = texts_.find(t);
        return it == texts_.end() || it->second == 0 ? std::nullopt : std::optional<int>(it->second);
    }

  private:
    std::map<const Text*, int> texts_;
};

} // namespace

std::string_view role_name(Role role) {
    switch (role) {
    case Role::recording: return "recording";
    case Role::playlist: return "playlist";
    case Role::zoom: return "zoom";
    case Role::meeting: return "meeting";
    case Role::homepage: return "homepage";
    case Role::site: return "site";
    case Role::text: return "text";
    case Role::file: return "file";
    }
    return "file";
}

TextFormat text_format_for(const std::filesystem::path& path) {
    const std::string ext = text::to_lower_ascii(path.extension().string());
    if (ext == ".md" || ext == ".markdown") {
        return TextFormat::markdown;
    }
    if (ext == ".html" || ext == ".htm") {
        return TextFormat::html;
    }
    return TextFormat::plain;
}

std::vector<TextUrl> find_urls(std::string_view text, TextFormat format) {
    std::vector<TextUrl> out;
    const std::string lowered = text::to_lower_ascii(text);
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t http = lowered.find("http", from);
        if (http == std::string::npos) {
            break;
        }
        const std::string_view rest = std::string_view(lowered).substr(http);
        const std::size_t scheme = rest.starts_with("https://") ? 8 : rest.starts_with("http://") ? 7 : 0;
        const bool word_start = http == 0 || (std::isalnum(static_cast<unsigned char>(text[http - 1])) == 0);
        if (scheme == 0 || !word_start) {
            from = http + 4;
            continue;
        }
        std::size_t end = http + scheme;
        while (end < text.size() && !ends_url(text[end], format)) {
            ++end;
        }
        const std::string_view found = trim_trailing(text.substr(http, end - http));
        if (found.size() > scheme) {
            out.push_back(
                {format == TextFormat::plain ? std::string(found) : decode_ampersands(found), http, found.size()});
        }
        from = end;
    }
    return out;
}

std::vector<FoundLink> collect_text_links(std::string_view content, const std::string& file_name, TextFormat format) {
    std::vector<FoundLink> out;
    const LineIndex lines(content);
    for (TextUrl& u : find_urls(content, format)) {
        out.push_back({std::move(u.url), Place{file_name, lines.position_at(u.offset), Role::file, {}, std::nullopt}});
    }
    return out;
}

std::vector<FoundLink> collect_catalogue_links(const Catalogue& cat, const Selection& selection) {
    SeasonTexts all;
    for (const Season& s : cat.seasons) {
        all.add_season(s);
    }
    for (const Episode& e : cat.episodes) {
        all.add_episode(e);
    }
    std::optional<SeasonTexts> selected; // nullopt: everything
    if (selection.episode) {
        selected.emplace();
        if (const Episode* e = cat.find_episode(*selection.episode)) {
            selected->add_episode(*e);
        }
    } else if (selection.season) {
        selected.emplace();
        if (const Season* s = cat.find_season(*selection.season)) {
            selected->add_season(*s);
            if (season_meeting_link(cat, *s).url == &cat.series.meeting_url) {
                selected->add_series_text(cat.series.meeting_url);
            }
        }
        for (const Episode* e : cat.episodes_of(*selection.season)) {
            selected->add_episode(*e);
        }
    }

    std::vector<FoundLink> out;
    const std::string file = cat.path.string();
    const LineIndex lines(cat.source);
    for_each_text(cat, [&](const TextRef& ref) {
        const Text& t = *ref.text;
        if (selected && !selected->contains(&t)) {
            return;
        }
        const Place place{file, t.pos, role_for(ref), std::string(ref.where), all.season_of(&t)};
        // Point at the link itself: search its spelling in the file from where the value starts.
        std::size_t cursor = lines.offset_of(t.pos);
        const auto locate = [&](std::string_view literal) {
            Place p = place;
            if (cursor != std::string_view::npos) {
                if (const std::size_t at = cat.source.view().find(literal, cursor); at != std::string::npos) {
                    p.pos = lines.position_at(at);
                    cursor = at + literal.size();
                }
            }
            return p;
        };
        if (ref.kind == TextRef::Kind::url) {
            const std::string value(text::trim(t.value));
            out.push_back({value, locate(value)});
            return;
        }
        const TextFormat format = ref.kind == TextRef::Kind::markdown ? TextFormat::markdown : TextFormat::plain;
        for (const TextUrl& u : find_urls(t.value, format)) {
            out.push_back({u.url, locate(std::string_view(t.value).substr(u.offset, u.length))});
        }
    });
    return out;
}

} // namespace wtool::links

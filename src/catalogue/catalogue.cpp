#include "catalogue/catalogue.hpp"

#include <algorithm>
#include <charconv>
#include <concepts>
#include <fmt/compile.h>
#include <fmt/format.h>

namespace wtool {

const Season* Catalogue::find_season(int number) const {
    const auto it = std::find_if(seasons.begin(), seasons.end(),
                                 [&](const Season& s) { return s.number.present && s.number.value == number; });
    return it == seasons.end() ? nullptr : &*it;
}

const Episode* Catalogue::find_episode(std::string_view code) const {
    const auto it =
        std::find_if(episodes.begin(), episodes.end(), [&](const Episode& e) { return e.code.value == code; });
    return it == episodes.end() ? nullptr : &*it;
}

std::vector<const Episode*> Catalogue::episodes_of(int season) const {
    std::vector<const Episode*> out;
    for (const Episode& e : episodes) {
        if (e.season == season && season != 0) {
            out.push_back(&e);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Episode* a, const Episode* b) { return a->number < b->number; });
    return out;
}

std::vector<const Season*> Catalogue::seasons_by_number() const {
    std::vector<const Season*> out;
    out.reserve(seasons.size());
    for (const Season& s : seasons) {
        out.push_back(&s);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Season* a, const Season* b) { return a->number.value < b->number.value; });
    return out;
}

TimeOfDay season_start_time(const Catalogue& cat, const Season& season) {
    return season.time.present ? season.time.value : cat.series.start_time.value;
}

int season_duration_minutes(const Catalogue& cat, const Season& season) {
    return season.duration_minutes.present ? season.duration_minutes.value : cat.series.duration_minutes.value;
}

std::optional<std::pair<int, int>> parse_episode_code(std::string_view code) {
    // S<digits>E<digits>, each part two digits or more, neither zero.
    if (code.size() < 6 || code[0] != 'S') {
        return std::nullopt;
    }
    const std::size_t e = code.find('E', 1);
    if (e == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view season_part = code.substr(1, e - 1);
    const std::string_view number_part = code.substr(e + 1);
    const auto parse_part = [](std::string_view part) -> std::optional<int> {
        if (part.size() < 2 || part.size() > 6 ||
            !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return std::nullopt;
        }
        int value = 0;
        std::from_chars(part.data(), part.data() + part.size(), value);
        if (value == 0) {
            return std::nullopt;
        }
        return value;
    };
    const auto season = parse_part(season_part);
    const auto number = parse_part(number_part);
    if (!season || !number) {
        return std::nullopt;
    }
    return std::pair{*season, *number};
}

std::string format_episode_code(int season, int number) {
    return fmt::format(FMT_COMPILE("S{:02}E{:02}"), season, number);
}

namespace {

// The place of the text being visited, "S09E01 speaker 1 name": its owner, then the field. One
// buffer serves every text, so that visiting allocates nothing per text.
class PlaceBuffer {
  public:
    // The owner, from words and numbers: set_owner(code, " speaker ", 1).
    template <class... Parts> void set_owner(const Parts&... parts) {
        text_.clear();
        (append(parts), ...);
        owner_size_ = text_.size();
    }
    std::string_view with_field(std::string_view field) {
        text_.resize(owner_size_);
        text_ += field;
        return text_;
    }

  private:
    void append(std::string_view words) { text_ += words; }
    void append(std::integral auto number) {
        const fmt::format_int digits(number);
        text_.append(digits.data(), digits.size());
    }

    std::string text_;
    std::size_t owner_size_ = 0;
};

} // namespace

void for_each_text(const Catalogue& cat, const std::function<void(const TextRef&)>& visit) {
    using Kind = TextRef::Kind;
    PlaceBuffer place;
    const auto emit = [&](const Text& t, std::string_view field, Kind kind) {
        if (t.present) {
            visit(TextRef{&t, place.with_field(field), kind, UrlRole::site});
        }
    };
    const auto emit_url = [&](const Text& t, std::string_view field, UrlRole role) {
        if (t.present) {
            visit(TextRef{&t, place.with_field(field), Kind::url, role});
        }
    };
    const Series& s = cat.series;
    emit(s.title, "series.title", Kind::line);
    emit(s.timezone, "series.timezone", Kind::line);
    for (const Text& z : s.audience_timezones) {
        emit(z, "series.audience_timezones", Kind::line);
    }
    emit_url(s.site_url, "series.site_url", UrlRole::site);
    emit_url(s.webinar_url, "series.webinar_url", UrlRole::site);
    emit_url(s.talks_url, "series.talks_url", UrlRole::site);
    emit_url(s.playlist_url, "series.playlist_url", UrlRole::playlist);
    emit_url(s.meeting_url, "series.meeting_url", UrlRole::meeting);
    emit(s.templates, "series.templates", Kind::line);
    for (std::size_t i = 0; i < s.organisers.size(); ++i) {
        const Organiser& o = s.organisers[i];
        place.set_owner("organiser ", i + 1);
        emit(o.name, " name", Kind::line);
        emit(o.email, " email", Kind::line);
        emit_url(o.homepage, " homepage", UrlRole::homepage);
        emit(o.affiliation, " affiliation", Kind::line);
        emit(o.country, " country", Kind::line);
    }
    place.set_owner();
    emit(s.intro, "series.text.intro", Kind::markdown);
    emit(s.organisers_text, "series.text.organisers", Kind::markdown);
    emit(s.newsletter, "series.text.newsletter", Kind::markdown);

    const Site& site = cat.site;
    emit(site.webinar_page, "site.webinar_page", Kind::line);
    emit(site.webinar_front_matter, "site.webinar_front_matter", Kind::markdown);
    emit(site.talks_page, "site.talks_page", Kind::line);
    emit(site.talks_front_matter, "site.talks_front_matter", Kind::markdown);
    emit(site.news_dir, "site.news_dir", Kind::line);

    for (const Season& season : cat.seasons) {
        place.set_owner("season ", season.number.value);
        emit(season.theme, " theme", Kind::line);
        emit_url(season.zoom_url, " zoom_url", UrlRole::zoom);
        emit_url(season.meeting_url, " meeting_url", UrlRole::meeting);
    }
    for (const Episode& e : cat.episodes) {
        place.set_owner(e.code.value);
        emit(e.code, " code", Kind::line);
        emit(e.title, " title", Kind::line);
        emit(e.abstract, " abstract", Kind::paragraphs);
        emit(e.bio, " bio", Kind::paragraphs);
        emit_url(e.recording, " recording", UrlRole::recording);
        for (std::size_t i = 0; i < e.speakers.size(); ++i) {
            const Speaker& sp = e.speakers[i];
            place.set_owner(e.code.value, " speaker ", i + 1);
            emit(sp.name, " name", Kind::line);
            emit(sp.honorific, " honorific", Kind::line);
            emit(sp.affiliation, " affiliation", Kind::line);
            emit(sp.country, " country", Kind::line);
            emit_url(sp.homepage, " homepage", UrlRole::homepage);
            emit(sp.bio, " bio", Kind::paragraphs);
        }
    }
}

const Organiser* calendar_organiser(const Catalogue& cat) {
    const auto it = std::find_if(cat.series.organisers.begin(), cat.series.organisers.end(),
                                 [](const Organiser& o) { return o.email.present && !o.email.value.empty(); });
    return it == cat.series.organisers.end() ? nullptr : &*it;
}

} // namespace wtool

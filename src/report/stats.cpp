#include "report/stats.hpp"

#include "catalogue/schedule.hpp"
#include "render/markdown.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace wtool {

namespace {

constexpr std::string_view not_given = "(not given)";

// The key two spellings share when they are the same name: trimmed, ASCII case folded.
std::string identity(std::string_view s) {
    return text::to_lower_ascii(text::trim(s));
}

// Counts people and talks per name (a country or an institution), keeping the first spelling.
class Tally {
  public:
    void add(std::string_view name, const std::string& person, const Episode* talk) {
        const std::string shown = text::trim(name).empty() ? std::string(not_given) : std::string(text::trim(name));
        Entry& e = entries_[identity(shown)];
        if (e.name.empty()) {
            e.name = shown;
        }
        e.people.insert(person);
        e.talks.insert(talk);
    }

    [[nodiscard]] std::vector<CountRow> rows() const {
        std::vector<CountRow> out;
        out.reserve(entries_.size());
        for (const auto& [key, e] : entries_) {
            out.push_back({e.name, static_cast<int>(e.people.size()), static_cast<int>(e.talks.size())});
        }
        std::sort(out.begin(), out.end(), [](const CountRow& a, const CountRow& b) {
            const bool a_unknown = a.name == not_given;
            const bool b_unknown = b.name == not_given;
            if (a_unknown != b_unknown) {
                return b_unknown; // "(not given)" last
            }
            if (a.speakers != b.speakers) {
                return a.speakers > b.speakers;
            }
            if (a.talks != b.talks) {
                return a.talks > b.talks;
            }
            return std::pair(identity(a.name), a.name) < std::pair(identity(b.name), b.name);
        });
        return out;
    }

  private:
    struct Entry {
        std::string name;
        std::set<std::string> people;
        std::set<const Episode*> talks;
    };
    std::map<std::string, Entry> entries_;
};

std::string percent(int permille) {
    return fmt::format("{}.{}%", permille / 10, permille % 10);
}

// ------------------------------------------------------------------ plain-text tables

enum class Align { left, right };

struct Column {
    std::string heading;
    Align align = Align::left;
};

// A table with columns padded to their widest cell (in terminal columns: a CJK character takes
// two, a combining mark none; text::display_width), two spaces apart,
// indented by two spaces; trailing blanks are removed.
std::string text_table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    widths.reserve(columns.size());
    for (const Column& c : columns) {
        widths.push_back(text::display_width(c.heading));
    }
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], text::display_width(row[i]));
        }
    }
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string out = " ";
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string pad(widths[i] - text::display_width(cells[i]), ' ');
            out += ' ';
            out += columns[i].align == Align::right ? pad + cells[i] : cells[i] + pad;
            out += ' ';
        }
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        return out + "\n";
    };
    std::vector<std::string> headings;
    headings.reserve(columns.size());
    for (const Column& c : columns) {
        headings.push_back(c.heading);
    }
    std::string out = line(headings);
    for (const auto& row : rows) {
        out += line(row);
    }
    return out;
}

std::vector<std::vector<std::string>> count_rows(const std::vector<CountRow>& rows) {
    std::vector<std::vector<std::string>> out;
    out.reserve(rows.size());
    for (const CountRow& r : rows) {
        out.push_back({r.name, std::to_string(r.speakers), std::to_string(r.talks)});
    }
    return out;
}

std::vector<std::vector<std::string>> season_rows(const Stats& stats) {
    std::vector<std::vector<std::string>> out;
    for (const SeasonStats& s : stats.seasons) {
        const std::string theme = s.theme.empty() ? std::string("TBA") : s.theme;
        // Institutions are compared over counted seasons only: "-" for a season not counted.
        const auto institutions = [&](const std::vector<std::string>& list) {
            return s.counted ? std::to_string(list.size()) : std::string("-");
        };
        out.push_back({std::to_string(s.number), s.date.empty() ? std::string("TBA") : s.date,
                       std::string(season_state_name(s.state)), std::to_string(s.talks), std::to_string(s.speakers),
                       institutions(s.new_institutions), institutions(s.returning_institutions), theme});
    }
    return out;
}

std::vector<std::vector<std::string>> year_rows(const Stats& stats) {
    std::vector<std::vector<std::string>> out;
    out.reserve(stats.years.size());
    for (const YearStats& y : stats.years) {
        out.push_back({y.year, std::to_string(y.seasons), std::to_string(y.talks)});
    }
    return out;
}

// How many different names the rows hold: the "(not given)" row is not a country or institution.
std::size_t named_count(const std::vector<CountRow>& rows) {
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [](const CountRow& r) { return r.name != not_given; }));
}

std::string summary_sentence(const Stats& stats) {
    const std::size_t institutions = named_count(stats.institutions);
    const std::size_t countries = named_count(stats.countries);
    const std::string_view held = stats.scope == StatsScope::held ? " held" : "";
    return fmt::format("{} talk{}{} by {} speaker{}, from {} institution{} in {} countr{}.", stats.talks,
                       stats.talks == 1 ? "" : "s", held, stats.speakers, stats.speakers == 1 ? "" : "s", institutions,
                       institutions == 1 ? "" : "s", countries, countries == 1 ? "y" : "ies");
}

std::string recordings_sentence(const RecordingStats& r) {
    if (r.held == 0) {
        return "No talk has been held yet.";
    }
    return fmt::format("{} of {} talk{} held so far ha{} a published recording ({}): {} not shared by the speakers, "
                       "{} still missing.",
                       r.published, r.held, r.held == 1 ? "" : "s", r.published == 1 ? "s" : "ve",
                       percent(r.published_permille()), r.not_shared, r.missing);
}

std::string upcoming_sentence(const RecordingStats& r) {
    std::string out;
    if (r.upcoming != 0) {
        out += fmt::format("{} talk{} not held yet", r.upcoming, r.upcoming == 1 ? " is" : "s are");
    }
    if (r.cancelled != 0) {
        out += fmt::format("{}{} talk{} cancelled", out.empty() ? "" : "; ", r.cancelled,
                           r.cancelled == 1 ? " was" : "s were");
    }
    return out.empty() ? out : out + ".";
}

// ------------------------------------------------------------------ markdown

// Catalogue text in a Markdown heading or table cell: escaped as the pages escape a one-line value
// (markdown_escape.hpp: Markdown, kramdown, and Liquid's "{{" and "{%", since the statistics may go
// into the Jekyll site; '|' included, so no text ends a cell). A bare web address would still
// become a link on GitHub (GFM's autolink extension): the '.' of "www." and the ':' of "://" are
// escaped too, which breaks the autolink and shows the same text.
std::string markdown_cell(std::string_view s) {
    const std::string escaped_text = markdown::escape_line(s);
    const std::string_view escaped = escaped_text;
    std::string out;
    out.reserve(escaped.size());
    for (std::size_t i = 0; i < escaped.size(); ++i) {
        const char c = escaped[i];
        if (c == '\\' && i + 1 < escaped.size()) { // an escape of escape_line's: keep it as it is
            out += c;
            out += escaped[++i];
            continue;
        }
        const bool www_dot = c == '.' && i >= 3 && text::iequals_ascii(escaped.substr(i - 3, 3), "www");
        const bool scheme_colon = c == ':' && escaped.substr(i + 1, 2) == "//";
        if (www_dot || scheme_colon) {
            out += '\\';
        }
        out += c;
    }
    return out;
}

std::string markdown_table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows) {
    std::string out = "|";
    for (const Column& c : columns) {
        out += ' ';
        out += c.heading;
        out += " |";
    }
    out += "\n|";
    for (const Column& c : columns) {
        out += c.align == Align::right ? " ---: |" : " --- |";
    }
    out += "\n";
    for (const auto& row : rows) {
        out += "|";
        for (const std::string& cell : row) {
            out += ' ';
            out += markdown_cell(cell);
            out += " |";
        }
        out += "\n";
    }
    return out;
}

// ------------------------------------------------------------------ SVG

// Text for XML character data and attribute values: the five special characters as entities,
// characters XML 1.0 forbids (C0 controls other than tab, LF and CR) dropped.
std::string xml_escape(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                out += c;
            }
        }
    }
    return out;
}

const std::vector<Column> country_columns = {
    {"country", Align::left}, {"speakers", Align::right}, {"talks", Align::right}};
const std::vector<Column> institution_columns = {
    {"institution", Align::left}, {"speakers", Align::right}, {"talks", Align::right}};
const std::vector<Column> season_columns = {{"season", Align::right},    {"date", Align::left},
                                            {"state", Align::left},      {"talks", Align::right},
                                            {"speakers", Align::right},  {"new inst.", Align::right},
                                            {"returning inst.", Align::right}, {"theme", Align::left}};
const std::vector<Column> year_columns = {{"year", Align::left}, {"seasons", Align::right}, {"talks", Align::right}};

} // namespace

std::string_view season_state_name(SeasonState state) {
    switch (state) {
    case SeasonState::held: return "held";
    case SeasonState::coming: return "coming";
    case SeasonState::cancelled: return "cancelled";
    case SeasonState::tba: break;
    }
    return "TBA";
}

int RecordingStats::published_permille() const {
    if (held == 0) {
        return 0;
    }
    return (published * 1000 + held / 2) / held;
}

namespace {

SeasonState state_at(const Catalogue& cat, const Season& season, tz::Instant now) {
    if (season.cancelled.value) {
        return SeasonState::cancelled;
    }
    if (!season_start(cat, season)) {
        return SeasonState::tba; // no date (a catalogue with another reason does not pass validation)
    }
    return season_ended(cat, season, now) ? SeasonState::held : SeasonState::coming;
}

// Adds a talk of a season in `state` to the recording figures.
void count_recording(RecordingStats& r, SeasonState state, const Episode& e) {
    if (state == SeasonState::cancelled) {
        ++r.cancelled;
    } else if (state != SeasonState::held) {
        ++r.upcoming;
    } else {
        ++r.held;
        if (e.recording.present) {
            ++r.published;
        } else if (!e.share_recording.value) {
            ++r.not_shared;
        } else {
            ++r.missing;
        }
    }
}

} // namespace

Stats compute_stats(const Catalogue& cat, tz::Instant now, StatsScope scope) {
    Stats stats;
    stats.series_title = cat.series.title.value;
    stats.scope = scope;
    Tally countries;
    Tally institutions;
    std::set<std::string> people;
    std::set<std::string> institutions_seen; // identities, over earlier seasons
    std::map<std::string, YearStats> years;

    const std::vector<const Season*> seasons = cat.seasons_by_number();
    for (const Season* season : seasons) {
        SeasonStats row;
        row.number = season->number.value;
        row.theme = season->theme.value;
        row.cancelled = season->cancelled.value;
        if (season->date.present) {
            row.date = date::format("%Y-%m-%d", season->date.value);
        }
        row.state = state_at(cat, *season, now);
        row.counted = scope == StatsScope::all || row.state == SeasonState::held;
        std::vector<std::string> this_season; // identities, in order of appearance
        for (const Episode* e : cat.episodes_of(row.number)) {
            ++row.talks;
            row.speakers += static_cast<int>(e->speakers.size());
            for (const Speaker& sp : e->speakers) {
                if (!row.counted) {
                    break;
                }
                const std::string person = identity(sp.name.value);
                people.insert(person);
                countries.add(sp.country.value, person, e);
                institutions.add(sp.affiliation.value, person, e);
                const std::string inst = identity(sp.affiliation.value);
                if (inst.empty() || std::find(this_season.begin(), this_season.end(), inst) != this_season.end()) {
                    continue;
                }
                this_season.push_back(inst);
                const std::string shown(text::trim(sp.affiliation.value));
                (institutions_seen.contains(inst) ? row.returning_institutions : row.new_institutions).push_back(shown);
            }
            count_recording(stats.recordings, row.state, *e);
        }
        institutions_seen.insert(this_season.begin(), this_season.end());
        if (!row.counted) {
            stats.seasons.push_back(std::move(row));
            continue;
        }
        stats.talks += row.talks;
        stats.speaker_appearances += row.speakers;
        const std::string year = row.date.empty() ? std::string("TBA") : row.date.substr(0, 4);
        YearStats& y = years[year];
        y.year = year;
        ++y.seasons;
        y.talks += row.talks;
        stats.seasons.push_back(std::move(row));
    }
    stats.speakers = static_cast<int>(people.size());
    stats.countries = countries.rows();
    stats.institutions = institutions.rows();
    for (auto& [year, y] : years) {
        if (year != "TBA") {
            stats.years.push_back(y);
        }
    }
    if (const auto tba = years.find("TBA"); tba != years.end()) {
        stats.years.push_back(tba->second);
    }
    return stats;
}

std::string render_stats_text(const Stats& stats) {
    std::string out = fmt::format("{}\n\n{}\n", stats.series_title, summary_sentence(stats));
    out += "\nSpeakers per country\n" + text_table(country_columns, count_rows(stats.countries));
    out += "\nSpeakers per institution\n" + text_table(institution_columns, count_rows(stats.institutions));
    out += "\nTalks per season (new inst.: institutions speaking for the first time)\n" +
           text_table(season_columns, season_rows(stats));
    out += "\nTalks per year\n" + text_table(year_columns, year_rows(stats));
    out += "\nRecordings\n  " + recordings_sentence(stats.recordings) + "\n";
    if (const std::string upcoming = upcoming_sentence(stats.recordings); !upcoming.empty()) {
        out += "  " + upcoming + "\n";
    }
    return out;
}

std::string render_stats_markdown(const Stats& stats) {
    std::string out = fmt::format("# Statistics: {}\n\n{}\n", markdown_cell(stats.series_title),
                                  markdown_cell(summary_sentence(stats)));
    out += "\n## Speakers per country\n\n" + markdown_table(country_columns, count_rows(stats.countries));
    out += "\n## Speakers per institution\n\n" + markdown_table(institution_columns, count_rows(stats.institutions));
    out += "\n## Talks per season\n\n\"new inst.\": institutions speaking for the first time.\n\n" +
           markdown_table(season_columns, season_rows(stats));
    out += "\n## Talks per year\n\n" + markdown_table(year_columns, year_rows(stats));
    out += "\n## Recordings\n\n" + recordings_sentence(stats.recordings) + "\n";
    if (const std::string upcoming = upcoming_sentence(stats.recordings); !upcoming.empty()) {
        out += upcoming + "\n";
    }
    return out;
}

std::string render_stats_json(const Stats& stats) {
    using Json = nlohmann::ordered_json;
    const auto rows = [](const std::vector<CountRow>& list, const char* key) {
        Json out = Json::array();
        for (const CountRow& r : list) {
            out.push_back({{key, r.name}, {"speakers", r.speakers}, {"talks", r.talks}});
        }
        return out;
    };
    Json seasons = Json::array();
    for (const SeasonStats& s : stats.seasons) {
        seasons.push_back({{"number", s.number},
                           {"theme", s.theme.empty() ? Json(nullptr) : Json(s.theme)},
                           {"date", s.date.empty() ? Json(nullptr) : Json(s.date)},
                           {"cancelled", s.cancelled},
                           {"state", season_state_name(s.state)},
                           {"counted", s.counted},
                           {"talks", s.talks},
                           {"speakers", s.speakers},
                           {"new_institutions", s.new_institutions},
                           {"returning_institutions", s.returning_institutions}});
    }
    Json years = Json::array();
    for (const YearStats& y : stats.years) {
        years.push_back({{"year", y.year}, {"seasons", y.seasons}, {"talks", y.talks}});
    }
    const RecordingStats& r = stats.recordings;
    const Json doc = {{"series", stats.series_title},
                      {"counts", stats.scope == StatsScope::held ? "held" : "all"},
                      {"totals",
                       {{"talks", stats.talks},
                        {"speakers", stats.speakers},
                        {"speaker_appearances", stats.speaker_appearances},
                        {"countries", named_count(stats.countries)},
                        {"institutions", named_count(stats.institutions)}}},
                      {"countries", rows(stats.countries, "country")},
                      {"institutions", rows(stats.institutions, "institution")},
                      {"seasons", seasons},
                      {"years", years},
                      {"recordings",
                       {{"held", r.held},
                        {"published", r.published},
                        {"not_shared", r.not_shared},
                        {"missing", r.missing},
                        {"upcoming", r.upcoming},
                        {"cancelled", r.cancelled},
                        {"published_percent", r.published_permille() / 10.0}}}};
    return doc.dump(2) + "\n";
}

std::string render_country_chart_svg(const Stats& stats) {
    constexpr int width = 640;
    constexpr int top = 48;
    constexpr int bar_height = 22;
    constexpr int gap = 8;
    constexpr int char_width = 8; // generous estimate for a 14px sans-serif font
    int label_width = 80;
    int max_count = 0;
    for (const CountRow& r : stats.countries) {
        label_width = std::max(label_width, static_cast<int>(text::count_code_points(r.name)) * char_width + 16);
        max_count = std::max(max_count, r.speakers);
    }
    label_width = std::min(label_width, width / 2);
    const int bar_area = width - label_width - 48;
    const int rows = std::max<int>(1, static_cast<int>(stats.countries.size()));
    const int height = top + rows * (bar_height + gap) + 16;

    std::vector<std::string> parts;
    parts.reserve(stats.countries.size());
    for (const CountRow& r : stats.countries) {
        parts.push_back(fmt::format("{} {}", r.name, r.speakers));
    }
    const std::string title = fmt::format("Speakers per country: {}", stats.series_title);
    const std::string desc =
        stats.countries.empty()
            ? std::string("No speakers yet.")
            : fmt::format("Bar chart of the {} speaker{} of {} by the country of their institution: {}.",
                          stats.speakers, stats.speakers == 1 ? "" : "s", stats.series_title, fmt::join(parts, ", "));

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
                       "role=\"img\" aria-labelledby=\"wtool-chart-title wtool-chart-desc\" "
                       "font-family=\"sans-serif\" font-size=\"14\">\n",
                       width, height);
    out += fmt::format("  <title id=\"wtool-chart-title\">{}</title>\n", xml_escape(title));
    out += fmt::format("  <desc id=\"wtool-chart-desc\">{}</desc>\n", xml_escape(desc));
    out += fmt::format("  <rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", width, height);
    out += fmt::format("  <text x=\"{}\" y=\"28\" font-size=\"16\" font-weight=\"bold\" fill=\"#1a1a1a\">Speakers per "
                       "country</text>\n",
                       16);
    if (stats.countries.empty()) {
        out += fmt::format("  <text x=\"16\" y=\"{}\" fill=\"#1a1a1a\">No speakers yet.</text>\n", top + 16);
    }
    int y = top;
    for (const CountRow& r : stats.countries) {
        const int bar = max_count == 0 ? 0 : std::max(2, (r.speakers * bar_area + max_count / 2) / max_count);
        const int text_y = y + bar_height / 2 + 5;
        const std::string name = xml_escape(r.name);
        out += "  <g>\n";
        out += fmt::format("    <title>{}: {} speaker{}</title>\n", name, r.speakers, r.speakers == 1 ? "" : "s");
        out += fmt::format("    <text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1a1a1a\">{}</text>\n",
                           label_width - 8, text_y, name);
        out += fmt::format("    <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#2b5d8a\"/>\n", label_width,
                           y, bar, bar_height);
        out += fmt::format("    <text x=\"{}\" y=\"{}\" fill=\"#1a1a1a\">{}</text>\n", label_width + bar + 6, text_y,
                           r.speakers);
        out += "  </g>\n";
        y += bar_height + gap;
    }
    out += "</svg>\n";
    return out;
}

} // namespace wtool

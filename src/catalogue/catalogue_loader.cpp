#include "catalogue/catalogue_loader.hpp"

#include "catalogue/catalogue_keys.hpp"
#include "catalogue/time_hints.hpp"
#include "support/line_index.hpp"
#include "support/text.hpp"
#include "time/timezone.hpp"
#include "toml/toml_document.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>

namespace wtool {

namespace {

// Bounds of the integer keys, in the type integers are read in.
constexpr std::int64_t hours_a_day = 24;
constexpr std::int64_t minutes_a_day = hours_a_day * 60;

SourcePos pos_of(const toml_tree::Node& n) {
    return n.pos();
}

std::string_view type_name(const toml_tree::Node& n) {
    switch (n.type()) {
    case toml_tree::Type::table: return "a table";
    case toml_tree::Type::array:
        return n.as_array()->all_tables() && !n.as_array()->empty() ? "an array of tables" : "an array";
    case toml_tree::Type::string: return "a string";
    case toml_tree::Type::integer: return "an integer";
    case toml_tree::Type::floating_point: return "a floating-point number";
    case toml_tree::Type::boolean: return "a boolean";
    case toml_tree::Type::date: return "a date";
    case toml_tree::Type::time: return "a time";
    case toml_tree::Type::date_time: return "a date-time";
    }
    return "nothing";
}

enum class Need { required, optional };

// Reads one table's values into the model and reports what is wrong with them.
class Reader {
  public:
    Reader(Diagnostics& diags, const SourceText& source) : diags_(diags), source_(source) {}

    // Reports keys of `t` that `kind` does not know, with suggestions.
    void check_keys(toml_tree::Table& t, std::span<const std::string_view> known, std::string_view where) {
        for (const toml_tree::Entry& entry : t.entries()) {
            const std::string_view k = entry.key.view();
            if (std::find(known.begin(), known.end(), k) != known.end()) {
                continue;
            }
            const auto suggestions = text::closest_matches(k, known, 1);
            std::string hint;
            if (!suggestions.empty()) {
                hint = fmt::format("did you mean '{}'?", suggestions.front());
            } else {
                hint = fmt::format("known keys in {}: {}", where, fmt::join(known, ", "));
            }
            diags_.error("unknown-key", entry.key_pos, fmt::format("unknown key '{}' in {}", k, where),
                         std::move(hint));
        }
    }

    void missing(std::string_view key, std::string_view where, SourcePos pos, std::string_view example) {
        diags_.error("missing-field", pos, fmt::format("{} has no '{}'", where, key),
                     example.empty() ? std::string{} : fmt::format("add {}", example));
    }

    void wrong_type(const toml_tree::Node& n, std::string_view key, std::string_view expected, std::string hint = {}) {
        diags_.error("wrong-type", pos_of(n), fmt::format("'{}' must be {}, not {}", key, expected, type_name(n)),
                     std::move(hint));
    }

    Text text(toml_tree::Table& t, std::string_view key, Need need, std::string_view where, SourcePos table_pos,
              std::string_view example = {}) {
        Text out;
        toml_tree::Node* n = t.get(key);
        if (n == nullptr) {
            if (need == Need::required) {
                missing(key, where, table_pos, example);
            }
            return out;
        }
        if (const auto* s = n->as_string()) {
            out.value = source_.share(*s); // a view of the source, or a copy of a decoded string
            out.pos = pos_of(*n);
            out.present = true;
        } else {
            wrong_type(*n, key, "a string", example.empty() ? std::string{} : fmt::format("write {}", example));
        }
        return out;
    }

    // Like text(), but keeps a default when absent.
    void text_into(Text& out, toml_tree::Table& t, std::string_view key, std::string_view where, SourcePos table_pos) {
        Text read = text(t, key, Need::optional, where, table_pos);
        if (read.present) {
            out = std::move(read);
        }
    }

    Field<int> integer(toml_tree::Table& t, std::string_view key, Need need, std::string_view where,
                       SourcePos table_pos, std::int64_t min, std::int64_t max) {
        Field<int> out;
        toml_tree::Node* n = t.get(key);
        if (n == nullptr) {
            if (need == Need::required) {
                missing(key, where, table_pos, fmt::format("{} = {}", key, min));
            }
            return out;
        }
        if (const auto* i = n->as_integer()) {
            const std::int64_t v = *i;
            if (v < min || v > max) {
                diags_.error("out-of-range", pos_of(*n),
                             fmt::format("'{}' must be between {} and {}, not {}", key, min, max, v));
                return out;
            }
            out.value = static_cast<int>(v);
            out.pos = pos_of(*n);
            out.present = true;
        } else if (n->as_string() != nullptr) {
            wrong_type(*n, key, "an integer",
                       fmt::format("write the number without quotes: {} = {}", key, *n->as_string()));
        } else {
            wrong_type(*n, key, "an integer");
        }
        return out;
    }

    Field<bool> boolean(toml_tree::Table& t, std::string_view key, bool fallback) {
        Field<bool> out{fallback};
        toml_tree::Node* n = t.get(key);
        if (n == nullptr) {
            return out;
        }
        if (const auto* b = n->as_boolean()) {
            out = {*b, pos_of(*n), true};
        } else {
            wrong_type(*n, key, "true or false");
        }
        return out;
    }

    Field<TimeOfDay> time_of_day(toml_tree::Table& t, std::string_view key, Need need, std::string_view where,
                                 SourcePos table_pos) {
        Field<TimeOfDay> out;
        toml_tree::Node* n = t.get(key);
        if (n == nullptr) {
            if (need == Need::required) {
                missing(key, where, table_pos, fmt::format("{} = 15:00:00", key));
            }
            return out;
        }
        if (const auto* tm = n->as_time()) {
            const toml_tree::Time v = *tm;
            if (v.second != 0 || v.nanosecond != 0) {
                diags_.warning("time-seconds", pos_of(*n),
                               fmt::format("'{}' has seconds; wtool uses whole minutes", key));
            }
            out = {std::chrono::hours{v.hour} + std::chrono::minutes{v.minute}, pos_of(*n), true};
        } else if (const std::string_view* quoted = n->as_string()) {
            wrong_type(*n, key, "a TOML local time", quoted_time_hint(key, *quoted, series_zone_));
        } else {
            wrong_type(*n, key, "a TOML local time", fmt::format("e.g. {} = 15:00:00", key));
        }
        return out;
    }

    // A local date-time (no offset: the series' zone applies), e.g. 2026-06-01T16:00:00.
    Field<date::local_seconds> local_date_time(toml_tree::Table& t, std::string_view key) {
        Field<date::local_seconds> out;
        const toml_tree::Node* n = t.get(key);
        if (n == nullptr) {
            return out;
        }
        const toml_tree::DateTime* dt = n->as_date_time();
        if (dt == nullptr || dt->offset_minutes) {
            wrong_type(*n, key, "a TOML local date-time",
                       fmt::format("e.g. {} = 2026-06-01T16:00:00, without an offset: the series' zone applies", key));
            return out;
        }
        const date::year_month_day day{date::year{dt->date.year}, date::month{static_cast<unsigned>(dt->date.month)},
                                       date::day{static_cast<unsigned>(dt->date.day)}};
        out = {date::local_days{day} + std::chrono::hours{dt->time.hour} + std::chrono::minutes{dt->time.minute},
               pos_of(*n), true};
        return out;
    }

    std::vector<Text> string_array(toml_tree::Table& t, std::string_view key) {
        std::vector<Text> out;
        toml_tree::Node* n = t.get(key);
        if (n == nullptr) {
            return out;
        }
        auto* arr = n->as_array();
        if (arr == nullptr) {
            wrong_type(*n, key, "an array of strings", fmt::format("e.g. {} = [\"Europe/London\"]", key));
            return out;
        }
        for (toml_tree::Node& item : arr->items()) {
            if (const auto* s = item.as_string()) {
                out.push_back({std::string(*s), pos_of(item), true});
            } else {
                wrong_type(item, key, "an array of strings");
            }
        }
        return out;
    }

    std::vector<Field<int>> int_array(toml_tree::Table& t, std::string_view key, std::int64_t min, std::int64_t max) {
        std::vector<Field<int>> out;
        toml_tree::Node* n = t.get(key);
        if (n == nullptr) {
            return out;
        }
        const auto* arr = n->as_array();
        if (arr == nullptr) {
            wrong_type(*n, key, "an array of integers", fmt::format("e.g. {} = [60, 15]", key));
            return out;
        }
        for (const toml_tree::Node& item : arr->items()) {
            const auto* i = item.as_integer();
            if (i == nullptr) {
                wrong_type(item, key, "an array of integers");
            } else if (*i < min || *i > max) {
                diags_.error("out-of-range", pos_of(item),
                             fmt::format("'{}' values must be between {} and {}, not {}", key, min, max, *i));
            } else {
                out.push_back({static_cast<int>(*i), pos_of(item), true});
            }
        }
        return out;
    }

    // A sub-table (like [series.text]), as its node; nullptr when absent or wrong.
    toml_tree::Node* table(toml_tree::Table& t, std::string_view key) {
        toml_tree::Node* n = t.get(key);
        if (n == nullptr) {
            return nullptr;
        }
        if (n->as_table() != nullptr) {
            return n;
        }
        wrong_type(*n, key, "a table", fmt::format("write it as [{}] with its keys below", key));
        return nullptr;
    }

    // An array of tables (like [[season]]), as their nodes; each element is checked to be a table.
    std::vector<toml_tree::Node*> tables(toml_tree::Table& t, std::string_view key, std::string_view header) {
        std::vector<toml_tree::Node*> out;
        toml_tree::Node* n = t.get(key);
        if (n == nullptr) {
            return out;
        }
        auto* arr = n->as_array();
        if (arr == nullptr) {
            wrong_type(*n, key, "an array of tables",
                       fmt::format("write each entry under its own [[{}]] header", header));
            return out;
        }
        for (toml_tree::Node& item : arr->items()) {
            if (item.as_table() != nullptr) {
                out.push_back(&item);
            } else {
                wrong_type(item, key, "an array of tables",
                           fmt::format("write each entry under its own [[{}]] header", header));
            }
        }
        return out;
    }

    void read_series(toml_tree::Node& node, Series& s) {
        toml_tree::Table& t = *node.as_table();
        s.pos = node.pos();
        check_keys(t, known_keys("series"), "[series]");
        constexpr std::string_view where = "[series]";
        s.title = text(t, "title", Need::required, where, s.pos, "title = \"...\"");
        s.timezone = text(t, "timezone", Need::required, where, s.pos, "timezone = \"Europe/Copenhagen\"");
        if (!tz::place_advice(s.timezone.value)) {
            series_zone_ = tz::find_zone(s.timezone.value);
        }
        s.start_time = time_of_day(t, "start_time", Need::required, where, s.pos);
        if (auto d = integer(t, "duration_minutes", Need::optional, where, s.pos, 1, minutes_a_day); d.present) {
            s.duration_minutes = d;
        }
        s.audience_timezones = string_array(t, "audience_timezones");
        s.announce_times = boolean(t, "announce_times", false);
        s.site_url = text(t, "site_url", Need::optional, where, s.pos);
        s.webinar_url = text(t, "webinar_url", Need::optional, where, s.pos);
        s.talks_url = text(t, "talks_url", Need::optional, where, s.pos);
        s.playlist_url = text(t, "playlist_url", Need::optional, where, s.pos);
        s.meeting_url = text(t, "meeting_url", Need::optional, where, s.pos);
        s.templates = text(t, "templates", Need::optional, where, s.pos);
        s.season_word = text(t, "season_word", Need::optional, where, s.pos);
        s.alarm_minutes = int_array(t, "alarm_minutes", 0, 7 * minutes_a_day);
        for (toml_tree::Node* organiser : tables(t, "organiser", "series.organiser")) {
            toml_tree::Table* o = organiser->as_table();
            Organiser org;
            org.pos = organiser->pos();
            check_keys(*o, known_keys("series.organiser"), "[[series.organiser]]");
            org.name = text(*o, "name", Need::required, "[[series.organiser]]", org.pos, "name = \"...\"");
            org.email = text(*o, "email", Need::optional, "", org.pos);
            org.homepage = text(*o, "homepage", Need::optional, "", org.pos);
            org.affiliation = text(*o, "affiliation", Need::optional, "", org.pos);
            org.country = text(*o, "country", Need::optional, "", org.pos);
            s.organisers.push_back(std::move(org));
        }
        if (toml_tree::Node* texts = table(t, "text")) {
            toml_tree::Table* tx = texts->as_table();
            check_keys(*tx, known_keys("series.text"), "[series.text]");
            s.intro = text(*tx, "intro", Need::optional, "", {});
            s.organisers_text = text(*tx, "organisers", Need::optional, "", {});
            s.newsletter = text(*tx, "newsletter", Need::optional, "", {});
        }
    }

    void read_site(toml_tree::Node& node, Site& site) {
        toml_tree::Table& t = *node.as_table();
        site.pos = node.pos();
        check_keys(t, known_keys("site"), "[site]");
        text_into(site.webinar_page, t, "webinar_page", "[site]", site.pos);
        text_into(site.webinar_front_matter, t, "webinar_front_matter", "[site]", site.pos);
        text_into(site.talks_page, t, "talks_page", "[site]", site.pos);
        text_into(site.talks_front_matter, t, "talks_front_matter", "[site]", site.pos);
        text_into(site.news_dir, t, "news_dir", "[site]", site.pos);
        if (auto nt = time_of_day(t, "news_time", Need::optional, "[site]", site.pos); nt.present) {
            site.news_time = nt;
        }
    }

    void read_season_date(toml_tree::Table& t, Season& s) {
        toml_tree::Node* n = t.get("date");
        if (n == nullptr) {
            return;
        }
        const auto to_days = [](const toml_tree::Date& d) {
            return date::local_days{date::year{d.year} / static_cast<int>(d.month) / static_cast<int>(d.day)};
        };
        if (const auto* d = n->as_date()) {
            s.date = {to_days(*d), pos_of(*n), true};
        } else if (const auto* dt = n->as_date_time()) {
            const toml_tree::DateTime v = *dt;
            s.date = {to_days(v.date), pos_of(*n), true};
            if (s.time.present) {
                diags_.error("duplicate-time", s.time.pos, "the season has both a 'time' and a time in its 'date'",
                             "keep one of them");
            }
            s.time = {std::chrono::hours{v.time.hour} + std::chrono::minutes{v.time.minute}, pos_of(*n), true};
            if (v.offset_minutes) {
                s.stated_utc_offset_minutes = {*v.offset_minutes, pos_of(*n), true};
            }
        } else if (const auto* str = n->as_string()) {
            if (!text::iequals_ascii(text::trim(*str), "TBA")) {
                wrong_type(*n, "date", "a TOML date or \"TBA\"",
                           "write the date without quotes, e.g. date = 2026-03-02, or leave 'date' out while it is "
                           "not fixed");
            }
        } else {
            wrong_type(*n, "date", "a TOML date", "e.g. date = 2026-03-02");
        }
    }

    void read_season(toml_tree::Node& node, Season& s) {
        toml_tree::Table& t = *node.as_table();
        s.pos = node.pos();
        check_keys(t, known_keys("season"), "[[season]]");
        constexpr std::string_view where = "[[season]]";
        s.number = integer(t, "number", Need::required, where, s.pos, 1, 99999);
        s.theme = text(t, "theme", Need::optional, where, s.pos);
        s.time = time_of_day(t, "time", Need::optional, where, s.pos);
        read_season_date(t, s);
        s.duration_minutes = integer(t, "duration_minutes", Need::optional, where, s.pos, 1, minutes_a_day);
        s.zoom_url = text(t, "zoom_url", Need::optional, where, s.pos);
        s.meeting_url = text(t, "meeting_url", Need::optional, where, s.pos);
        s.cancelled = boolean(t, "cancelled", false);
        s.moved_from = local_date_time(t, "moved_from");
        s.calendar_sequence = integer(t, "calendar_sequence", Need::optional, where, s.pos, 0, 999999);
        s.calendar_fingerprint = text(t, "calendar_fingerprint", Need::optional, where, s.pos);
    }

    void read_episode(toml_tree::Node& node, Episode& e) {
        toml_tree::Table& t = *node.as_table();
        e.pos = node.pos();
        check_keys(t, known_keys("episode"), "[[episode]]");
        constexpr std::string_view where = "[[episode]]";
        e.code = text(t, "code", Need::required, where, e.pos, "code = \"S01E01\"");
        if (e.code.present) {
            if (const auto parsed = parse_episode_code(e.code.value)) {
                e.season = parsed->first;
                e.number = parsed->second;
            }
        }
        e.title = text(t, "title", Need::required, where, e.pos, "title = \"...\"");
        e.abstract = text(t, "abstract", Need::optional, where, e.pos);
        e.bio = text(t, "bio", Need::optional, where, e.pos);
        e.recording = text(t, "recording", Need::optional, where, e.pos);
        e.share_recording = boolean(t, "share_recording", true);
        toml_tree::Node* sp = t.get("speaker");
        if (sp == nullptr) {
            diags_.error("missing-field", e.pos,
                         fmt::format("episode {} has no speaker", e.code.present ? e.code.value.view() : "(no code)"),
                         "add a [[episode.speaker]] table with at least a name after the episode");
        }
        for (toml_tree::Node* speaker_node : tables(t, "speaker", "episode.speaker")) {
            toml_tree::Table* s = speaker_node->as_table();
            Speaker speaker;
            speaker.pos = speaker_node->pos();
            check_keys(*s, known_keys("episode.speaker"), "[[episode.speaker]]");
            speaker.name = text(*s, "name", Need::required, "[[episode.speaker]]", speaker.pos, "name = \"...\"");
            speaker.honorific = text(*s, "honorific", Need::optional, "", speaker.pos);
            speaker.affiliation = text(*s, "affiliation", Need::optional, "", speaker.pos);
            speaker.country = text(*s, "country", Need::optional, "", speaker.pos);
            speaker.homepage = text(*s, "homepage", Need::optional, "", speaker.pos);
            speaker.bio = text(*s, "bio", Need::optional, "", speaker.pos);
            e.speakers.push_back(std::move(speaker));
        }
    }

    // A list of marker texts: every item a non-empty string. Absent or faulty: not present.
    Field<std::vector<std::string>> markers(toml_tree::Table& t, std::string_view key) {
        Field<std::vector<std::string>> out;
        toml_tree::Node* n = t.get(key);
        if (n == nullptr) {
            return out;
        }
        if (n->as_array() == nullptr) {
            wrong_type(*n, key, "an array of strings", fmt::format("e.g. {} = [\"does not exist\"]", key));
            return out;
        }
        const std::vector<Text> items = string_array(t, key);
        bool usable = items.size() == n->as_array()->size();
        for (const Text& item : items) {
            if (text::trim(item.value).empty()) {
                diags_.error("out-of-range", item.pos, fmt::format("'{}' has an empty marker", key),
                             "an empty marker would match every page; remove it");
                usable = false;
            }
            out.value.push_back(item.value.str());
        }
        out.pos = pos_of(*n);
        out.present = usable;
        return out;
    }

    // [check_links]: each key present replaces its default.
    void read_check_links(toml_tree::Node& node, CheckLinksSettings& c) {
        toml_tree::Table& t = *node.as_table();
        c.pos = node.pos();
        check_keys(t, known_keys("check_links"), "[check_links]");
        if (auto invalid = markers(t, "zoom_invalid_markers"); invalid.present) {
            c.zoom_invalid_markers = std::move(invalid);
        }
        if (auto valid = markers(t, "zoom_valid_markers"); valid.present) {
            c.zoom_valid_markers = std::move(valid);
        }
        if (auto hours = integer(t, "reuse_ok_hours", Need::optional, "[check_links]", c.pos, 0, 366 * hours_a_day);
            hours.present) {
            c.reuse_ok_hours = hours;
        }
    }

  private:
    Diagnostics& diags_;
    const SourceText& source_;
    // The series' zone once read, when it is a place's zone (for hints on times); else nullptr.
    const date::time_zone* series_zone_ = nullptr;
};

// Reports every malformed UTF-8 sequence (toml++ stops at the first one). Returns false when
// there was any.
bool check_utf8(std::string_view source, Diagnostics& diags) {
    if (text::is_valid_utf8(source)) { // the common case, checked quickly
        return true;
    }
    constexpr std::size_t max_reports = 20;
    std::size_t reported = 0;
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    bool ok = true;
    for (std::size_t i = 0; i < source.size();) {
        const text::Decoded d = text::decode_utf8(source, i);
        if (!d.valid) {
            ok = false;
            if (reported++ < max_reports) {
                diags.error("invalid-utf8", {line, column},
                            fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(source[i])),
                            "the file is not UTF-8; if it was saved as Windows-1252 or Latin-1, convert it: "
                            "iconv -f WINDOWS-1252 -t UTF-8");
            }
        }
        if (source[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += d.length;
    }
    return ok;
}

} // namespace

std::expected<Catalogue, LoadFailure> parse_catalogue(SourceText source, const std::filesystem::path& name,
                                                      Diagnostics& diags) {
    std::string_view content = source.view();
    if (content.starts_with(text::byte_order_mark)) {
        // Read past, as toml++ does (so columns on line 1 count from the character after it), but
        // reported: Python's tomllib, for one, refuses the file.
        diags.warning("byte-order-mark", {1, 1}, "the file starts with a UTF-8 byte-order mark",
                      "save it as UTF-8 without a byte-order mark (BOM): Python's tomllib and other TOML tools "
                      "refuse the file");
        content.remove_prefix(text::byte_order_mark.size());
    }
    if (!check_utf8(content, diags)) {
        return std::unexpected(
            LoadFailure{LoadFailure::Kind::invalid, "the file is not valid UTF-8", std::move(source)});
    }
    auto doc = toml_tree::parse_document(content, name.string());
    if (!doc) {
        const std::string_view line = LineIndex(content).line(doc.error().pos.line);
        diags.error("toml-syntax", doc.error().pos, std::move(doc.error().message),
                    missing_seconds_hint(line).value_or(""));
        return std::unexpected(
            LoadFailure{LoadFailure::Kind::invalid, "the file is not valid TOML", std::move(source)});
    }
    toml_tree::Table& root = *doc->as_table();

    Catalogue cat;
    cat.path = name;
    Reader reader(diags, source);
    reader.check_keys(root, known_keys("root"), "the catalogue");
    if (toml_tree::Node* series = reader.table(root, "series")) {
        reader.read_series(*series, cat.series);
    } else if (root.get("series") == nullptr) {
        diags.error("missing-field", {1, 1}, "the catalogue has no [series] table",
                    "start the file with [series] and its title, timezone and start_time");
    }
    if (toml_tree::Node* site = reader.table(root, "site")) {
        reader.read_site(*site, cat.site);
    }
    // Each table is released as soon as it is read, so the model reuses its memory.
    const std::vector<toml_tree::Node*> seasons = reader.tables(root, "season", "season");
    cat.seasons.reserve(seasons.size());
    for (toml_tree::Node* t : seasons) {
        reader.read_season(*t, cat.seasons.emplace_back());
        t->release();
    }
    const std::vector<toml_tree::Node*> episodes = reader.tables(root, "episode", "episode");
    cat.episodes.reserve(episodes.size());
    for (toml_tree::Node* t : episodes) {
        reader.read_episode(*t, cat.episodes.emplace_back());
        t->release();
    }
    if (toml_tree::Node* check_links = reader.table(root, "check_links")) {
        reader.read_check_links(*check_links, cat.check_links);
    }
    cat.source = std::move(source);
    return cat;
}

std::expected<Catalogue, LoadFailure> parse_catalogue(std::string source, const std::filesystem::path& name,
                                                      Diagnostics& diags) {
    return parse_catalogue(SourceText(std::move(source)), name, diags);
}

std::expected<Catalogue, LoadFailure> load_catalogue(const std::filesystem::path& path, Diagnostics& diags) {
    auto content = read_file(path);
    if (!content) {
        return std::unexpected(LoadFailure{
            LoadFailure::Kind::unreadable, fmt::format("cannot read '{}': {}", path.string(), content.error()), {}});
    }
    return parse_catalogue(std::move(*content), path, diags);
}

} // namespace wtool

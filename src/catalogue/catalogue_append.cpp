#include "catalogue/catalogue_append.hpp"

#include "catalogue/catalogue_change.hpp"

#include "catalogue/catalogue_loader.hpp"
#include "catalogue/rules.hpp"
#include "support/text.hpp"
#include "toml/toml_text.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

namespace wtool {

namespace {

using toml_text::StringForm;

// Builds a table line by line with one line ending.
class TableWriter {
  public:
    explicit TableWriter(Newline newline) : eol_(newline == Newline::crlf ? "\r\n" : "\n") {}

    void header(std::string_view name) { line(fmt::format("[[{}]]", name)); }
    void blank() { out_ += eol_; }
    void raw(std::string_view key, std::string_view literal) { line(fmt::format("{} = {}", key, literal)); }
    void text(std::string_view key, const std::string& value) {
        raw(key, toml_text::encode_string(value, StringForm::single_line));
    }
    void text(std::string_view key, const std::optional<std::string>& value) {
        if (value) {
            text(key, *value);
        }
    }
    // Abstracts and bios: multi-line literals, unless the file uses CRLF.
    void long_text(std::string_view key, const std::optional<std::string>& value) {
        if (value) {
            const StringForm form = eol_ == "\n" ? StringForm::multi_line : StringForm::single_line;
            raw(key, toml_text::encode_string(*value, form));
        }
    }
    [[nodiscard]] std::string take() { return std::move(out_); }

  private:
    void line(std::string_view content) {
        out_ += content;
        out_ += eol_;
    }
    std::string_view eol_;
    std::string out_;
};

std::uint32_t count_lines_before(std::string_view text, std::size_t offset) {
    return static_cast<std::uint32_t>(
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

} // namespace

Newline detect_newline(std::string_view text) {
    const std::size_t lf = text.find('\n');
    return lf != std::string_view::npos && lf > 0 && text[lf - 1] == '\r' ? Newline::crlf : Newline::lf;
}

int next_episode_number(const Catalogue& cat, int season) {
    int highest = 0;
    for (const Episode& e : cat.episodes) {
        if (e.season == season) {
            highest = std::max(highest, e.number);
        }
    }
    return highest + 1;
}

std::string render_season_table(const SeasonDraft& season, Newline newline) {
    TableWriter w(newline);
    w.header("season");
    w.raw("number", fmt::format("{}", season.number));
    w.text("theme", season.theme);
    if (season.date) {
        w.raw("date", date::format("%Y-%m-%d", *season.date));
    }
    if (season.time) {
        const auto minutes = season.time->count();
        w.raw("time", fmt::format("{:02}:{:02}:00", minutes / 60, minutes % 60));
    }
    if (season.duration_minutes) {
        w.raw("duration_minutes", fmt::format("{}", *season.duration_minutes));
    }
    w.text("zoom_url", season.zoom_url);
    w.text("meeting_url", season.meeting_url);
    return w.take();
}

std::string render_episode_tables(const EpisodeDraft& episode, Newline newline) {
    TableWriter w(newline);
    w.header("episode");
    w.text("code", format_episode_code(episode.season, episode.number));
    w.text("title", episode.title);
    w.long_text("abstract", episode.abstract);
    w.long_text("bio", episode.joint_bio);
    w.text("recording", episode.recording);
    if (!episode.share_recording) {
        w.raw("share_recording", "false");
    }
    for (const SpeakerDraft& s : episode.speakers) {
        w.blank();
        w.header("episode.speaker");
        w.text("name", s.name);
        w.text("honorific", s.honorific);
        w.text("affiliation", s.affiliation);
        w.text("country", s.country);
        w.text("homepage", s.homepage);
        w.long_text("bio", s.bio);
    }
    return w.take();
}

std::string text_to_append(std::string_view existing, std::string_view tables, Newline newline) {
    const std::string_view eol = newline == Newline::crlf ? "\r\n" : "\n";
    std::string out;
    if (!existing.empty()) {
        // A last line without a line break (a value, a comment, a header) is ended first. A
        // trailing bare CR becomes CRLF.
        if (existing.back() != '\n') {
            out += existing.back() == '\r' ? "\n" : eol;
        }
        // Then one blank line, unless the file already ends with one.
        const std::string_view tail = existing.substr(existing.size() >= 4 ? existing.size() - 4 : 0);
        const bool blank_already = out.empty() && (tail.ends_with("\n\n") || tail.ends_with("\n\r\n"));
        if (!blank_already) {
            out += eol;
        }
    }
    out += tables;
    return out;
}

std::string normalise_text_file(std::string_view content) {
    if (content.starts_with("\xEF\xBB\xBF")) {
        content.remove_prefix(3);
    }
    std::string out;
    out.reserve(content.size());
    for (std::size_t i = 0; i < content.size(); ++i) {
        if (content[i] == '\r') {
            out += '\n';
            if (i + 1 < content.size() && content[i + 1] == '\n') {
                ++i;
            }
        } else {
            out += content[i];
        }
    }
    return std::string(text::trim(out));
}

std::expected<date::local_days, std::string> parse_date_answer(std::string_view text) {
    const auto digits = [&](std::size_t from, std::size_t count) {
        return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                           text.begin() + static_cast<std::ptrdiff_t>(from + count),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    const std::string error = fmt::format("'{}' is not a date: write it as YYYY-MM-DD, e.g. 2026-06-01", text);
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4) || !digits(5, 2) || !digits(8, 2)) {
        return std::unexpected(error);
    }
    const auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        std::from_chars(text.data() + from, text.data() + from + count, value);
        return value;
    };
    const date::year_month_day ymd{date::year{number(0, 4)}, date::month{static_cast<unsigned>(number(5, 2))},
                                   date::day{static_cast<unsigned>(number(8, 2))}};
    if (!ymd.ok()) {
        return std::unexpected(fmt::format("'{}' is not a day of the calendar", text));
    }
    return date::local_days{ymd};
}

std::expected<TimeOfDay, std::string> parse_time_answer(std::string_view text) {
    const auto two_digits = [&](std::size_t from) -> std::optional<int> {
        if (from + 2 > text.size() || text[from] < '0' || text[from] > '9' || text[from + 1] < '0' ||
            text[from + 1] > '9') {
            return std::nullopt;
        }
        return (text[from] - '0') * 10 + (text[from + 1] - '0');
    };
    const std::string error = fmt::format("'{}' is not a time: write it as HH:MM on a 24-hour clock, e.g. 15:00", text);
    if ((text.size() != 5 && text.size() != 8) || text[2] != ':' || (text.size() == 8 && text[5] != ':')) {
        return std::unexpected(error);
    }
    const auto hours = two_digits(0);
    const auto minutes = two_digits(3);
    const auto seconds = text.size() == 8 ? two_digits(6) : std::optional<int>{0};
    if (!hours || !minutes || !seconds || *hours > 23 || *minutes > 59) {
        return std::unexpected(error);
    }
    if (*seconds != 0) {
        return std::unexpected(fmt::format("'{}' has seconds; wtool works in whole minutes", text));
    }
    return std::chrono::hours{*hours} + std::chrono::minutes{*minutes};
}

std::string format_time_of_day(TimeOfDay time) {
    return fmt::format("{:02}:{:02}", time.count() / 60, time.count() % 60);
}

AppendPlan plan_append(const Catalogue& current, const Addition& addition, tz::Instant now) {
    const Newline newline = detect_newline(current.source);
    std::string tables;
    if (addition.new_season) {
        tables += render_season_table(*addition.new_season, newline);
        tables += newline == Newline::crlf ? "\r\n" : "\n";
    }
    tables += render_episode_tables(addition.episode, newline);

    AppendPlan plan;
    plan.code = format_episode_code(addition.episode.season, addition.episode.number);
    plan.appended = text_to_append(current.source, tables, newline);
    plan.new_text = std::string(current.source.view()) + plan.appended;
    const std::size_t tables_offset = plan.new_text.size() - tables.size();
    plan.first_line = count_lines_before(plan.new_text, tables_offset) + 1;
    plan.last_line = count_lines_before(plan.new_text, plan.new_text.size());

    plan.diagnostics = findings_added(current, plan.new_text, now);
    return plan;
}

} // namespace wtool

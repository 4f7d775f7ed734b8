#include "render/time_table.hpp"

#include "support/text.hpp"
#include "time/time_format.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace wtool {

std::vector<TimeTableRow> time_table_rows(tz::Instant instant, const tz::Zone& source, date::local_days reference_day,
                                          const std::vector<tz::Zone>& targets) {
    std::vector<tz::Zone> zones{source};
    std::vector<TimeRole> roles{TimeRole::source};
    const date::time_zone* utc = tz::find_zone("UTC");
    const tz::Zone utc_zone = utc != nullptr ? tz::Zone::of(*utc) : tz::Zone::fixed(std::chrono::seconds{0}, "UTC");
    const auto shown = [&](const tz::Zone& z) {
        return std::any_of(zones.begin(), zones.end(), [&](const tz::Zone& s) { return s.name() == z.name(); });
    };
    if (!shown(utc_zone)) {
        zones.push_back(utc_zone);
        roles.push_back(TimeRole::utc);
    }
    for (const tz::Zone& z : targets) {
        if (!shown(z)) {
            zones.push_back(z);
            roles.push_back(TimeRole::target);
        }
    }
    std::vector<TimeTableRow> rows;
    std::vector<tz::ConversionRow> converted = tz::convert(instant, zones, reference_day);
    for (std::size_t i = 0; i < converted.size(); ++i) {
        rows.push_back({std::move(converted[i]), roles[i]});
    }
    return rows;
}

namespace {

// "Season 3, Theme (cancelled)".
std::string season_title(const Season& season) {
    std::string title = fmt::format("Season {}", season.number.value);
    if (season.theme.present) {
        title += ", " + season.theme.value;
    }
    if (season.cancelled.value) {
        title += " (cancelled)";
    }
    return title;
}

} // namespace

std::string render_time_text(const TimeTable& table) {
    std::string out;
    if (table.season != nullptr) {
        const tz::ZonedView v = tz::in_zone(table.source, table.instant);
        out += fmt::format("{}: {} {}, {} {} ({})\n\n", text::visible(season_title(*table.season)),
                           tz::format_weekday(tz::local_day(v.local)), tz::format_long_date(tz::local_day(v.local)),
                           tz::format_clock_24h(v.local), v.abbrev, table.source.name());
    }
    std::vector<std::array<std::string, 7>> cells;
    cells.push_back({"place", "date", "time", "12-hour", "zone", "UTC offset", ""});
    for (const TimeTableRow& r : table.rows) {
        const tz::ZonedView& v = r.conversion.view;
        const date::local_days day = tz::local_day(v.local);
        cells.push_back({r.conversion.place,
                         tz::format_weekday(day, tz::NameLength::abbreviated) + " " + tz::format_iso_date(day),
                         tz::format_clock_24h(v.local), tz::format_clock_12h(v.local), v.abbrev,
                         tz::format_offset(v.offset), tz::format_day_difference(r.conversion.day_difference)});
    }
    std::array<std::size_t, 7> width{};
    for (const auto& line : cells) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            width[i] = std::max(width[i], line[i].size());
        }
    }
    for (const auto& line : cells) {
        std::string text;
        for (std::size_t i = 0; i < line.size(); ++i) {
            text += line[i];
            if (i + 1 < line.size()) {
                text += std::string(width[i] - line[i].size() + 2, ' ');
            }
        }
        while (!text.empty() && text.back() == ' ') {
            text.pop_back();
        }
        out += text + "\n";
    }
    return out;
}

std::string render_time_markdown(const TimeTable& table) {
    std::string out = "| Place | Date | Time | Time zone |\n| --- | --- | --- | --- |\n";
    for (const TimeTableRow& r : table.rows) {
        const tz::ZonedView& v = r.conversion.view;
        const date::local_days day = tz::local_day(v.local);
        std::string date_cell = tz::format_weekday(day) + " " + tz::format_long_date(day);
        if (r.conversion.day_difference != 0) {
            date_cell += " (" + tz::format_day_difference(r.conversion.day_difference) + ")";
        }
        const std::string offset = tz::format_utc_offset(v.offset);
        const std::string zone_cell = v.abbrev == offset ? offset : fmt::format("{} ({})", v.abbrev, offset);
        out += fmt::format("| {} | {} | {} ({}) | {} |\n", r.conversion.place, date_cell, tz::format_clock_24h(v.local),
                           tz::format_clock_12h(v.local), zone_cell);
    }
    return out;
}

std::string render_time_json(const TimeTable& table) {
    nlohmann::ordered_json doc;
    doc["instant"] = tz::format_utc(table.instant);
    if (table.season != nullptr) {
        nlohmann::ordered_json season;
        season["number"] = table.season->number.value;
        season["theme"] = table.season->theme.present ? nlohmann::ordered_json(table.season->theme.value) : nullptr;
        doc["season"] = std::move(season);
    }
    nlohmann::ordered_json zones = nlohmann::ordered_json::array();
    for (const TimeTableRow& r : table.rows) {
        const tz::ZonedView& v = r.conversion.view;
        nlohmann::ordered_json z;
        z["role"] = r.role == TimeRole::source ? "source" : r.role == TimeRole::utc ? "utc" : "target";
        z["zone"] = r.conversion.zone.is_fixed() ? nlohmann::ordered_json(nullptr)
                                                 : nlohmann::ordered_json(r.conversion.zone.name());
        z["place"] = r.conversion.place;
        z["local_time"] = tz::format_iso_local(v);
        z["weekday"] = tz::format_weekday(tz::local_day(v.local));
        z["abbreviation"] = v.abbrev;
        z["utc_offset"] = tz::format_offset(v.offset);
        z["dst"] = v.dst;
        z["day_difference"] = r.conversion.day_difference;
        zones.push_back(std::move(z));
    }
    doc["zones"] = std::move(zones);
    return doc.dump(2) + "\n";
}

} // namespace wtool

// The conversion table of `wtool time`: one moment in the source zone, UTC and the target zones,
// as text (aligned columns), Markdown or JSON. Pure functions of their arguments.
#pragma once

#include "catalogue/catalogue.hpp"
#include "time/timezone.hpp"

#include <string>
#include <vector>

namespace wtool {

// Why a row is in the table.
enum class TimeRole { source, utc, target };

struct TimeTableRow {
    tz::ConversionRow conversion;
    TimeRole role = TimeRole::target;
};

// The moment to show and the zones it is shown in.
struct TimeTable {
    tz::Instant instant{};
    tz::Zone source;
    const Season* season = nullptr; // when it is a season's start: named above the text table
    std::vector<TimeTableRow> rows;
};

// The rows for `instant`: the source first, then UTC, then the targets; a zone already shown is
// not shown again. Day differences are relative to `reference_day`.
std::vector<TimeTableRow> time_table_rows(tz::Instant instant, const tz::Zone& source, date::local_days reference_day,
                                          const std::vector<tz::Zone>& targets);

// Aligned columns: place, date, time, 12-hour, zone, UTC offset, day difference; a season's title
// line first when the table shows a season's start.
std::string render_time_text(const TimeTable& table);

// A Markdown table: place, date, time (12-hour), time zone.
std::string render_time_markdown(const TimeTable& table);

// {"instant", "season" (when a season's start), "zones": [{role, zone, place, local_time, ...}]}.
std::string render_time_json(const TimeTable& table);

} // namespace wtool

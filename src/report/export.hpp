// The catalogue for scripts and spreadsheets (`wtool export`): JSON with every value and each
// season's start computed as an instant, or CSV with one row per episode.
#pragma once

#include "catalogue/catalogue.hpp"

#include <optional>
#include <string>

namespace wtool {

// Which part of the catalogue to export: every season, or one (by number, which must exist).
struct ExportSelection {
    std::optional<int> season;
};

// The catalogue as a JSON document (2-space indentation, keys in a fixed order, a final newline):
//   {"export_version": 1, "series": {...}, "site": {...}, "seasons": [...], "episodes": [...]}
// Seasons are in number order and carry their start as "start_utc" ("2026-03-02T14:00:00Z") and
// "start_local" ("2026-03-02T15:00:00+01:00", in the series' zone), null while TBA. Episodes are
// in code order, with their speakers. Absent optional values are null (lists are []).
// Documented in docs/export.md.
std::string render_export_json(const Catalogue& cat, const ExportSelection& selection);

// The column names of the CSV export, in order.
const std::vector<std::string>& export_csv_columns();

// One CSV row per episode, in code order, after a header row (export_csv_columns): RFC 4180
// quoting, CRLF line ends, UTF-8 without a byte-order mark. A talk's speakers, their affiliations
// and countries are joined with "; " in speaker order. Cells that a spreadsheet would run as a
// formula get a leading apostrophe (csv::neutralise_formula). The last column, `cancelled`, is
// "true" for the talks of a cancelled season. Documented in docs/export.md.
std::string render_export_csv(const Catalogue& cat, const ExportSelection& selection);

} // namespace wtool

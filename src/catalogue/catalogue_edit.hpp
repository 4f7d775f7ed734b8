// Editing a catalogue in place, format-preserving: a season's or an episode's keys are set or
// removed by changing only the bytes of their values (a removed key loses its line; a new key gets
// a line of its own after the table's last key, indented like it). Comments, order, quoting,
// spacing and every other byte stay as they were. The result is a list of text edits
// (support/text_edit.hpp): applying them gives the new text, and --dry-run shows them as a diff.
//
// Pure: text in, edits out. Locking, validating and writing are cli/catalogue_update.hpp's.
#pragma once

#include "catalogue/catalogue.hpp"
#include "support/text_edit.hpp"

#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wtool {

// Which table of the catalogue: `[[season]]` with number = N, or `[[episode]]` with code = C.
struct TableAddress {
    enum class Kind { season, episode } kind = Kind::season;
    int season = 0;   // for Kind::season
    std::string code; // for Kind::episode

    static TableAddress of_season(int number) { return {Kind::season, number, {}}; }
    static TableAddress of_episode(std::string code) { return {Kind::episode, 0, std::move(code)}; }
    // "season 10", "episode S10E02".
    [[nodiscard]] std::string describe() const;
};

// One key to set to a value (its TOML text, as toml_value makes it) or to remove (nullopt).
struct KeyChange {
    std::string key;
    std::optional<std::string> value;
    friend bool operator==(const KeyChange&, const KeyChange&) = default;
};

// The edits of `source` (a valid catalogue) that make the table's keys as `changes` say. A key
// that already has the wanted text, or that is to be removed and is absent, is left alone. Errors:
// the table is missing or there twice, or is written inline (`season = [{ ... }]`), or a key to
// change shares its line with another.
std::expected<std::vector<TextEdit>, std::string> key_edits(std::string_view source, const TableAddress& table,
                                                            std::span<const KeyChange> changes);

// TOML text of values, as wtool writes them.
namespace toml_value {
std::string string(std::string_view value); // "..." on one line
std::string date(date::local_days day);     // 2026-03-02
std::string time(TimeOfDay time);           // 15:00:00
std::string local_date_time(date::local_seconds start); // 2026-06-01T16:00:00
std::string integer(long long value);
std::string boolean(bool value);
} // namespace toml_value

} // namespace wtool

// The keys a catalogue's tables may have: what the loader accepts, what "unknown key" suggestions
// come from, and what docs/catalogue.md and the JSON Schema list.
#pragma once

#include <span>
#include <string_view>

namespace wtool {

// The keys each kind of table accepts, in documentation order. Used for unknown-key checks and
// suggestions; docs/catalogue.md and the JSON Schema list the same keys (a test checks).
std::span<const std::string_view> known_keys(std::string_view table_kind);
// The table kinds: "root", "series", "series.organiser", "series.text", "site", "season",
// "episode", "episode.speaker", "check_links".
std::span<const std::string_view> table_kinds();

} // namespace wtool

// Edits of a text as byte ranges, applied at once, and shown as a unified diff (`diff -u`): what
// the catalogue editing commands change and what their --dry-run prints. The diff is made from the
// edits themselves (each widened to whole lines), so it is exact and costs the changed lines only,
// whatever the text's size.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wtool {

// Replace the bytes [begin, end) of the old text with `replacement` (begin == end: insert).
struct TextEdit {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string replacement;
};

// `text` with every edit made. Edits must not overlap; their order does not matter.
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

// The edits as a unified diff of `text` with three lines of context, headed "--- NAME" and
// "+++ NAME" (so `patch -p0` applies it); empty when nothing changes. Edits must not overlap.
std::string unified_diff(std::string_view text, std::vector<TextEdit> edits, std::string_view name);

} // namespace wtool

// Writing files so that a reader (or a crash) never sees a half-written one: the new content
// goes to a temporary file in the same folder, is flushed to disk, and replaces the old file with
// one rename. Used for every file wtool writes (pages, posts, calendars, state, the catalogue).
#pragma once

#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace wtool {

enum class WriteOutcome { written, unchanged };

struct AtomicWriteOptions {
    // Leave the file alone when it already holds exactly this content.
    bool skip_if_unchanged = false;
    // Permissions for a new file; an existing file keeps its own.
    std::filesystem::perms new_file_perms = std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                            std::filesystem::perms::group_read | std::filesystem::perms::others_read;
    // Create missing parent folders.
    bool create_parents = false;
    // Called when the temporary file is complete and on disk, just before the rename (tests use
    // it to simulate a crash at the worst moment).
    std::function<void()> before_rename = {};
    // Never replace an existing file: fail with "'<path>' already exists" instead. Checked again at
    // the final step, which creates the name only if it is still free (renameat2 RENAME_NOREPLACE,
    // or link(2) where the file system lacks it), so a file that appears meanwhile is kept too.
    bool keep_existing = false;
};

// Atomically replaces (or creates) `path` with `content`. On failure nothing at `path` changed
// and the error names the file and the reason.
std::expected<WriteOutcome, std::string> write_file_atomically(const std::filesystem::path& path,
                                                               std::string_view content,
                                                               const AtomicWriteOptions& options = {});

} // namespace wtool

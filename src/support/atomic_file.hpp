// Writing files so that a reader (or a crash) never sees a half-written one: the new content
// goes to a temporary file in the same folder, is flushed to disk, and replaces the old file with
// one rename. Used for every file wtool writes (pages, posts, calendars, state, the catalogue).
//
// Every write goes through symbolic links: when the path is a link (or a chain of links), the
// file at its end is replaced and the links stay links. A file that its mode makes read-only is
// never replaced (a rename would replace it without asking, as only the folder's mode counts).
//
// Temporary files are named ".<name>.wtool-tmp.<pid>.<6 random characters>", next to the file
// they will replace, so that a run killed before its rename leaves a file that the next run can
// recognise as its own and remove (remove_stale_temporary_files).
#pragma once

#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Atomically replaces (or creates) `path` with `content`; when `path` is a symbolic link, the
// file it leads to (write_target). On failure nothing at `path` changed and the error names the
// file and the reason; a read-only file is refused as check_replaceable says.
std::expected<WriteOutcome, std::string> write_file_atomically(const std::filesystem::path& path,
                                                               std::string_view content,
                                                               const AtomicWriteOptions& options = {});

// The file a write to `path` replaces: `path` itself, or, when it is a symbolic link, the file at
// the end of its chain of links (a relative link is read from the link's folder). That file need
// not exist (a write through a dangling link creates it). Fails after 40 links (a loop).
std::expected<std::filesystem::path, std::string> write_target(const std::filesystem::path& path);

// Whether wtool may replace the file at `path` (through links, as a write would): fails, saying
// why and how to change it, when the file exists and its mode gives nobody write permission
// (checked on the mode, so that it holds for root too) or does not give it to this user.
// A missing file can be created, so it passes.
std::expected<void, std::string> check_replaceable(const std::filesystem::path& path);

// Removes the temporary files that interrupted writes of `path` (through links, as a write would)
// left behind: files named as write_file_atomically names its temporary files whose process (the
// <pid> of the name) is no longer running on this machine. A file of a running process is never
// removed, whatever its age. Call it only while holding the file's lock (file_lock.hpp), so that
// no cooperating writer of the file is between its temporary file and its rename. Returns the
// paths removed; a file that cannot be removed is left as it is.
std::vector<std::filesystem::path> remove_stale_temporary_files(const std::filesystem::path& path);

} // namespace wtool

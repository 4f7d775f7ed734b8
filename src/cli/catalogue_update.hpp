// Changing the catalogue file from a command, with the guarantees of every wtool edit: the file is
// locked from reading to writing (concurrent runs queue up), the change is planned against the
// catalogue as it is under the lock, validated (a change that adds an error is refused and nothing
// is written), written atomically (temp file + rename; a symbolic link stays a link; a read-only
// file is refused), and --dry-run prints it as a unified diff and writes nothing. Used by
// `season`, `episode` and `ics --record`.
#pragma once

#include "catalogue/catalogue_change.hpp"
#include "cli/context.hpp"
#include "support/file_lock.hpp"

#include <filesystem>
#include <functional>
#include <string_view>

namespace wtool {

struct UpdateOptions {
    bool dry_run = false;
    int wait_seconds = 10; // how long to wait for another run's lock
};

using ChangePlanner = std::function<std::expected<CatalogueChange, std::string>(const Catalogue&)>;

// Loads the catalogue (it must be usable: load_usable_catalogue), asks `plan` for the change, and
// applies it as above. Prints the diff (dry run) or what changed, the findings it adds and its
// notes on ctx.err. Throws CommandError when it cannot or must not write (exit 1: the change would
// be invalid, the file is locked or changed under us; 2: unusable catalogue, planning error).
// Returns the change and the catalogue it was planned against.
struct AppliedChange {
    CatalogueChange change;
    bool written = false;
};
AppliedChange update_catalogue(Context& ctx, const UpdateOptions& options, const ChangePlanner& plan);

// Takes the catalogue's lock (waiting up to `wait_seconds` for another run) and removes the
// temporary files that runs killed before their rename left. Throws CommandError (exit 1) when the
// lock stays busy.
FileLock lock_catalogue(const Context& ctx, const std::filesystem::path& target, int wait_seconds);

// Prints the findings a change adds (all of them, or only errors under --quiet) to ctx.err,
// quoting `new_text`, the catalogue as the change would leave it.
void show_new_findings(const Context& ctx, const Diagnostics& findings, std::string_view new_text);

// Test-only fault injection: dies at once, as a crash or `kill -9` would, at `point` when
// $WTOOL_TEST_KILL_AT names it ("after-lock", "before-rename", "after-rename").
void kill_point(const Context& ctx, std::string_view point);

} // namespace wtool

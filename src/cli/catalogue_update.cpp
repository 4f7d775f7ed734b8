#include "cli/catalogue_update.hpp"

#include "cli/command_support.hpp"
#include "support/atomic_file.hpp"
#include "support/source_text.hpp"
#include "support/text_edit.hpp"

#include <csignal>
#include <fmt/format.h>

namespace wtool {

namespace {

void show_notes(const Context& ctx, const CatalogueChange& change) {
    for (const std::string& note : change.notes) {
        ctx.err << "wtool: note: " << note << "\n";
    }
}

// The file to lock, read and replace: the catalogue, or the file its symbolic link leads to.
std::filesystem::path target_of(const Context& ctx, bool dry_run) {
    const auto resolved = write_target(ctx.catalogue);
    if (!resolved) {
        throw CommandError(fmt::format("cannot use '{}': {}", ctx.catalogue.string(), resolved.error()));
    }
    if (std::error_code ec; !std::filesystem::is_regular_file(*resolved, ec)) {
        (void)load_usable_catalogue(ctx); // says why it cannot be read, before a lock file is made
        throw CommandError(fmt::format("'{}' is not a regular file", ctx.catalogue.string()));
    }
    if (!dry_run) {
        if (auto allowed = check_replaceable(ctx.catalogue); !allowed) {
            throw CommandError(allowed.error());
        }
    }
    return *resolved;
}

} // namespace

void show_new_findings(const Context& ctx, const Diagnostics& findings, std::string_view new_text) {
    std::vector<Diagnostic> shown;
    for (const Diagnostic& d : findings.items()) {
        if (!ctx.quiet || d.severity == Severity::error) {
            shown.push_back(d);
        }
    }
    render_diagnostics_text(ctx.err, shown, ctx.catalogue.string(), new_text, ctx.err_color);
}

void kill_point(const Context& ctx, std::string_view point) {
    if (ctx.test_kill_at == point) {
        ctx.out.flush();
        ctx.err.flush();
        std::raise(SIGKILL);
    }
}

FileLock lock_catalogue(const Context& ctx, const std::filesystem::path& target, int wait_seconds) {
    const std::string file = ctx.catalogue.string();
    LockWait wait{.timeout = std::chrono::seconds{wait_seconds}};
    wait.on_wait = [&] {
        if (!ctx.quiet) {
            ctx.err << fmt::format("waiting for another wtool run to finish changing '{}'...\n", file) << std::flush;
        }
    };
    auto lock = FileLock::acquire(lock_file_for(target), wait);
    if (!lock) {
        if (lock.error().kind == LockFailure::Kind::busy) {
            throw CommandError(fmt::format("another wtool run is still changing '{}' (it has held the lock file '{}' "
                                           "for {} s); nothing was written: try again when it has finished",
                                           file, lock_file_for(target).string(), wait_seconds),
                               ExitCode::problems);
        }
        throw CommandError(lock.error().message + "; nothing was written");
    }
    kill_point(ctx, "after-lock");
    // Under the lock no other run is writing the catalogue: temporary files of runs that died
    // (killed before their rename) can go.
    remove_stale_temporary_files(ctx, target);
    return std::move(*lock);
}

AppliedChange update_catalogue(Context& ctx, const UpdateOptions& options, const ChangePlanner& plan) {
    const std::filesystem::path target = target_of(ctx, options.dry_run);
    std::optional<FileLock> lock;
    if (!options.dry_run) {
        lock = lock_catalogue(ctx, target, options.wait_seconds);
    }
    const Catalogue current = load_usable_catalogue(ctx);
    AppliedChange applied{value_or_fail(plan(current)), false};
    const CatalogueChange& change = applied.change;
    const std::string file = ctx.catalogue.string();

    if (change.empty()) {
        show_notes(ctx, change);
        if (!ctx.quiet) {
            ctx.err << fmt::format("nothing to change: '{}' already says that\n", file);
        }
        return applied;
    }
    if (options.dry_run) {
        ctx.out << unified_diff(current.source.view(), change.edits, file) << std::flush;
        show_new_findings(ctx, change.diagnostics, change.new_text);
        show_notes(ctx, change);
        ctx.err << fmt::format("dry run: would {} in '{}': {}; nothing was written\n", change.summary, file,
                               summary_line(change.diagnostics.error_count(), change.diagnostics.warning_count()));
        if (change.has_errors()) {
            throw CommandError("the change would make the catalogue invalid", ExitCode::problems);
        }
        return applied;
    }
    if (change.has_errors()) {
        show_new_findings(ctx, change.diagnostics, change.new_text);
        throw CommandError(fmt::format("cannot {}: it would make '{}' invalid ({}); nothing was written",
                                       change.summary, file,
                                       summary_line(change.diagnostics.error_count(),
                                                    change.diagnostics.warning_count())),
                           ExitCode::problems);
    }
    const auto on_disk = read_file(target);
    if (!on_disk || *on_disk != current.source.view()) {
        throw CommandError(fmt::format("'{}' changed on disk while the change was being prepared; nothing was "
                                       "written: run the command again",
                                       file),
                           ExitCode::problems);
    }
    AtomicWriteOptions write_options;
    write_options.before_rename = [&] { kill_point(ctx, "before-rename"); };
    if (auto written = write_file_atomically(target, change.new_text, write_options); !written) {
        throw CommandError(written.error() + "; the catalogue is unchanged");
    }
    kill_point(ctx, "after-rename");
    lock.reset();
    applied.written = true;
    show_new_findings(ctx, change.diagnostics, change.new_text);
    if (!ctx.quiet) {
        ctx.err << fmt::format("{}: done in '{}'\n", change.summary, file);
    }
    show_notes(ctx, change);
    return applied;
}

} // namespace wtool

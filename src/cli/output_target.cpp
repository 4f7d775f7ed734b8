#include "cli/output_target.hpp"

#include "catalogue/catalogue_loader.hpp"
#include "support/atomic_file.hpp"
#include "support/source_text.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>
#include <vector>

namespace wtool {

namespace fs = std::filesystem;

namespace {

// Whether this user may create files in the existing folder `folder`.
bool can_create_in(const fs::path& folder) {
    return ::faccessat(AT_FDCWD, folder.c_str(), W_OK | X_OK, AT_EACCESS) == 0 || errno != EACCES;
}

// Why `write` cannot go into the site `site_dir`, or nothing when it can (or needs no write).
std::optional<std::string> target_problem(const fs::path& site_dir, const SiteWrite& write) {
    const SiteFile& f = write.file;
    if (auto problem = site_path_problem(f.key_value, f.key_kind)) {
        return fmt::format("{} '{}' {}; {}", f.site_key, f.key_value, problem->reason, problem->hint);
    }
    const fs::path rel{f.site_path};
    const fs::path target = site_dir / rel;
    std::error_code ec;
    const fs::file_status status = fs::status(target, ec); // through symbolic links, as the write goes
    if (fs::exists(status)) {
        if (write.existing == Existing::keep) {
            return std::nullopt; // left as it is
        }
        if (fs::is_directory(status)) {
            return fmt::format("'{}' is a folder; {} '{}' must name a file", target.string(), f.site_key, f.key_value);
        }
        if (auto current = read_file(target); current && *current == f.content) {
            return std::nullopt; // unchanged: not written
        }
        if (auto allowed = check_replaceable(target); !allowed) {
            return allowed.error();
        }
        const fs::path folder = target.parent_path();
        if (!can_create_in(folder)) {
            return fmt::format("cannot replace '{}': you may not create files in '{}'", target.string(),
                               folder.string());
        }
        return std::nullopt;
    }
    // A new file: each folder of its path is a folder or is missing (and then made).
    fs::path folder = site_dir;
    for (const fs::path& part : rel.parent_path()) {
        const fs::path next = folder / part;
        const fs::file_status st = fs::status(next, ec);
        if (!fs::exists(st)) {
            break;
        }
        if (!fs::is_directory(st)) {
            return fmt::format("'{}' is a file where {} '{}' needs a folder", next.string(), f.site_key, f.key_value);
        }
        folder = next;
    }
    if (!can_create_in(folder)) {
        return fmt::format("cannot create '{}': you may not create files in '{}'", target.string(), folder.string());
    }
    return std::nullopt;
}

} // namespace

void write_output(Context& ctx, std::string_view content, const std::string& output_file) {
    if (output_file.empty() || output_file == "-") {
        ctx.out << content;
        return;
    }
    auto written = write_file_atomically(output_file, content);
    if (!written) {
        throw CommandError(written.error());
    }
}

void write_site_files(Context& ctx, const fs::path& site_dir, std::span<const SiteWrite> writes) {
    std::error_code ec;
    if (!fs::is_directory(site_dir, ec)) {
        throw CommandError(
            fmt::format("site folder '{}' does not exist; give the folder of your Jekyll site", site_dir.string()));
    }
    // Every target first: a site is updated as a whole or not at all.
    std::vector<std::string> problems; // each once: news posts share their folder's problems
    for (const SiteWrite& write : writes) {
        auto problem = target_problem(site_dir, write);
        if (problem && std::find(problems.begin(), problems.end(), *problem) == problems.end()) {
            problems.push_back(std::move(*problem));
        }
    }
    if (problems.size() == 1) {
        throw CommandError(problems.front() + "; nothing was written");
    }
    if (!problems.empty()) {
        throw CommandError(fmt::format("{} problems with the files to write into the site; nothing was written:\n  {}",
                                       problems.size(), fmt::join(problems, "\n  ")));
    }

    for (const SiteWrite& write : writes) {
        const fs::path rel{write.file.site_path};
        const fs::path target = site_dir / rel;
        const bool existed = fs::exists(target, ec);
        if (existed && write.existing == Existing::keep) {
            continue;
        }
        AtomicWriteOptions options;
        options.skip_if_unchanged = true;
        options.create_parents = true;
        auto written = write_file_atomically(target, write.file.content, options);
        if (!written) {
            throw CommandError(written.error());
        }
        if (!ctx.quiet) {
            const char* what = *written == WriteOutcome::unchanged ? "unchanged" : existed ? "updated" : "created";
            ctx.out << what << " " << rel.generic_string() << "\n";
        }
    }
}

} // namespace wtool

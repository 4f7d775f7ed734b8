// Where a command's text goes: standard output, one file (--output FILE), or files inside a
// Jekyll site tree (--site DIR). Every file is written atomically (atomic_file.hpp).
#pragma once

#include "cli/context.hpp"
#include "render/site_files.hpp"

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace wtool {

// Writes `content` to ctx.out when `output_file` is empty or "-", else atomically to that file.
// Throws CommandError (exit 2) when the file cannot be written.
void write_output(Context& ctx, std::string_view content, const std::string& output_file);

// What to do with a site file that already exists: replace it, or (for news posts, which
// organisers may have edited by hand) leave it as it is, whatever it holds, and print nothing.
enum class Existing { replace, keep };

// One file to write into a site: the rendered file (site_files.hpp) and what to do if it exists.
struct SiteWrite {
    SiteFile file;
    Existing existing = Existing::replace;
};

// Writes `writes` into the site folder `site_dir`, all or none. Every target is checked before
// anything is written: the [site] value it comes from (site_path_problem), then the site tree —
// the target is not a folder, no part of its path is a file where a folder must be, the folder
// it goes in lets this user create files, and an existing file that would change is not
// read-only (check_replaceable). If any target fails, nothing is written and CommandError
// (exit 2) lists every problem. Then each file is written atomically and only when its content
// changes (missing folders inside the site are created), printing "created PATH", "updated PATH"
// or "unchanged PATH" (PATH inside the site) unless quiet. Throws CommandError (exit 2) when the
// site folder does not exist, or when a file cannot be written after all (the tree changed
// between the check and the write).
void write_site_files(Context& ctx, const std::filesystem::path& site_dir, std::span<const SiteWrite> writes);

} // namespace wtool

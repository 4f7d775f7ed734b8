// Where a command's text goes: standard output, one file (--output FILE), or a file inside a
// Jekyll site tree (--site DIR). Every file is written atomically (atomic_file.hpp).
#pragma once

#include "context.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace wtool {

// Writes `content` to ctx.out when `output_file` is empty or "-", else atomically to that file.
// Throws CommandError (exit 2) when the file cannot be written.
void write_output(Context& ctx, std::string_view content, const std::string& output_file);

// Writes `content` to `relative` inside the site folder `site_dir`, atomically and only when the
// file's content changes (missing folders inside the site are created), then prints
// "created PATH", "updated PATH" or "unchanged PATH" (PATH as `relative` says) unless quiet.
// `relative` comes from the catalogue key `key` (for messages) and must stay inside the site:
// not empty, not absolute, no "..". Throws CommandError (exit 2) when the site folder does not
// exist, the path is not acceptable, or the file cannot be written.
// With `Existing::keep`, a file that already exists is left as it is, whatever it holds, and
// nothing is printed for it (for news posts, which organisers may have edited by hand).
enum class Existing { replace, keep };
void write_site_file(Context& ctx, const std::filesystem::path& site_dir, const std::string& relative,
                     std::string_view key, std::string_view content, Existing existing = Existing::replace);

} // namespace wtool

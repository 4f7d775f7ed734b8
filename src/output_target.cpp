#include "output_target.hpp"

#include "atomic_file.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace wtool {

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

void write_site_file(Context& ctx, const std::filesystem::path& site_dir, const std::string& relative,
                     std::string_view key, std::string_view content, Existing existing) {
    std::error_code ec;
    if (!std::filesystem::is_directory(site_dir, ec)) {
        throw CommandError(
            fmt::format("site folder '{}' does not exist; give the folder of your Jekyll site", site_dir.string()));
    }
    const std::filesystem::path rel{relative};
    const bool escapes = std::any_of(rel.begin(), rel.end(), [](const auto& part) { return part == ".."; });
    if (relative.empty() || rel.is_absolute() || escapes || !rel.has_filename()) {
        throw CommandError(
            fmt::format("{} '{}' must be a file path inside the site folder, such as '_pages/x.md'", key, relative));
    }
    const std::filesystem::path target = site_dir / rel;
    const bool existed = std::filesystem::exists(target, ec);
    if (existed && existing == Existing::keep) {
        return;
    }
    AtomicWriteOptions options;
    options.skip_if_unchanged = true;
    options.create_parents = true;
    auto written = write_file_atomically(target, content, options);
    if (!written) {
        throw CommandError(written.error());
    }
    if (!ctx.quiet) {
        const char* what = *written == WriteOutcome::unchanged ? "unchanged" : existed ? "updated" : "created";
        ctx.out << what << " " << rel.generic_string() << "\n";
    }
}

} // namespace wtool

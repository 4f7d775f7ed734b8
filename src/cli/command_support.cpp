#include "cli/command_support.hpp"

#include "catalogue/catalogue_loader.hpp"
#include "catalogue/rules.hpp"
#include "support/atomic_file.hpp"

#include <fmt/format.h>

namespace wtool {

CommandError unreadable_catalogue_error(const Context& ctx, const std::string& message) {
    std::error_code ec;
    if (!ctx.catalogue_guessed || std::filesystem::exists(std::filesystem::symlink_status(ctx.catalogue, ec))) {
        return CommandError(message);
    }
    return CommandError("no catalogue here: without --catalogue, wtool reads ./episodes.toml, else "
                        "./data/episodes.toml, and neither exists\n"
                        "  hint: name your catalogue with --catalogue PATH or the WTOOL_CATALOGUE environment "
                        "variable, or start one here with 'wtool init'");
}

Catalogue load_usable_catalogue(const Context& ctx) {
    Diagnostics diags;
    auto loaded = load_catalogue(ctx.catalogue, diags);
    if (!loaded && loaded.error().kind == LoadFailure::Kind::unreadable) {
        throw unreadable_catalogue_error(ctx, loaded.error().message);
    }
    if (loaded) {
        check_catalogue(*loaded, ctx.now, diags);
    }
    if (!diags.has_errors()) {
        return std::move(*loaded);
    }
    std::vector<Diagnostic> errors;
    for (const Diagnostic& d : diags.items()) {
        if (d.severity == Severity::error) {
            errors.push_back(d);
        }
    }
    std::stable_sort(errors.begin(), errors.end(), [](const auto& a, const auto& b) { return a.pos < b.pos; });
    const std::string_view source = loaded ? loaded->source.view() : loaded.error().source.view();
    render_diagnostics_text(ctx.err, errors, ctx.catalogue.string(), source, ctx.err_color);
    throw CommandError(fmt::format("'{}' has {} error{}; fix {} first (wtool validate lists every problem)",
                                   ctx.catalogue.string(), errors.size(), errors.size() == 1 ? "" : "s",
                                   errors.size() == 1 ? "it" : "them"));
}

void remove_stale_temporary_files(const Context& ctx, const std::filesystem::path& file) {
    for (const std::filesystem::path& stale : remove_stale_temporary_files(file)) {
        if (!ctx.quiet) {
            ctx.err << fmt::format("removed '{}', left behind by an interrupted wtool run\n", stale.string());
        }
    }
}

} // namespace wtool

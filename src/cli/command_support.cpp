#include "cli/command_support.hpp"

#include "catalogue/catalogue_loader.hpp"
#include "catalogue/rules.hpp"
#include "support/atomic_file.hpp"

#include <fmt/format.h>

namespace wtool {

Catalogue load_usable_catalogue(const Context& ctx) {
    Diagnostics diags;
    auto loaded = load_catalogue(ctx.catalogue, diags);
    if (!loaded && loaded.error().kind == LoadFailure::Kind::unreadable) {
        throw CommandError(loaded.error().message);
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

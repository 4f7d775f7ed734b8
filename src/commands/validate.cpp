#include "commands/validate.hpp"

#include "catalogue/catalogue_loader.hpp"
#include "catalogue/rules.hpp"
#include "cli/command_support.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

namespace wtool {

CLI::App* setup_validate(CLI::App& app, ValidateOptions& opts) {
    CLI::App* sub = app.add_subcommand("validate", "Check the catalogue and report every problem at once");
    sub->add_option("--format", opts.format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    sub->add_flag("--strict", opts.strict, "Fail (exit 1) on warnings too");
    sub->footer("Example:\n  wtool validate --catalogue data/episodes.toml\n\n"
                "Exit status: 0 clean (warnings allowed), 1 problems found, 2 unreadable file or bad usage.");
    return sub;
}

ExitCode run_validate(Context& ctx, const ValidateOptions& opts) {
    Diagnostics diags;
    auto loaded = load_catalogue(ctx.catalogue, diags);
    if (!loaded && loaded.error().kind == LoadFailure::Kind::unreadable) {
        throw unreadable_catalogue_error(ctx, loaded.error().message);
    }
    if (loaded) {
        check_catalogue(*loaded, ctx.now, diags);
    }
    diags.sort_by_position();
    const std::string file = ctx.catalogue.string();
    if (opts.format == "json") {
        ctx.out << render_diagnostics_json(diags.items(), file);
    } else {
        const std::string_view source = loaded ? loaded->source.view() : loaded.error().source.view();
        // Written as they come: a report of many findings never exists as one string.
        DiagnosticWriter writer(ctx.out, file, source, ctx.out_color);
        std::size_t shown = 0;
        for (const Diagnostic& d : diags.items()) {
            if (!ctx.quiet || d.severity == Severity::error || opts.strict) {
                writer.write(d);
                ++shown;
            }
        }
        if (!ctx.quiet || shown > 0) {
            ctx.out << fmt::format("{}: {}\n", text::visible(file),
                                   summary_line(diags.error_count(), diags.warning_count()));
        }
    }
    const bool failed = diags.has_errors() || (opts.strict && diags.warning_count() > 0);
    return failed ? ExitCode::problems : ExitCode::ok;
}

} // namespace wtool

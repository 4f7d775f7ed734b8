#include "commands/export.hpp"

#include "cli/command_support.hpp"
#include "cli/output_target.hpp"
#include "report/export.hpp"

#include <fmt/format.h>

namespace wtool {

CLI::App* setup_export(CLI::App& app, ExportOptions& opts) {
    CLI::App* sub = app.add_subcommand("export", "Write the catalogue as JSON or CSV for scripts and spreadsheets");
    sub->add_option("--format", opts.format, "Output format")
        ->check(CLI::IsMember({"json", "csv"}))
        ->capture_default_str();
    sub->add_option("-o,--output", opts.output, "Write to this file instead of standard output")->type_name("FILE");
    sub->add_option("--season", opts.season, "Only this season and its episodes")
        ->check(CLI::Range(1, 9999))
        ->type_name("N");
    sub->footer(
        "Examples:\n  wtool export --format csv --output talks.csv\n  wtool export --season 9 | jq .episodes\n\n"
        "CSV: one row per episode, speakers joined with \"; \" (see docs/export.md).");
    return sub;
}

ExitCode run_export(Context& ctx, const ExportOptions& opts) {
    const Catalogue cat = load_usable_catalogue(ctx);
    ExportSelection selection;
    if (opts.season != -1) {
        if (cat.find_season(opts.season) == nullptr) {
            throw CommandError(fmt::format("there is no season {} in '{}'; leave out --season to export every season",
                                           opts.season, ctx.catalogue.string()));
        }
        selection.season = opts.season;
    }
    const std::string text =
        opts.format == "csv" ? render_export_csv(cat, selection) : render_export_json(cat, selection);
    write_output(ctx, text, opts.output);
    if (!opts.output.empty() && opts.output != "-" && !ctx.quiet) {
        ctx.out << fmt::format("wrote {}\n", opts.output);
    }
    return ExitCode::ok;
}

} // namespace wtool

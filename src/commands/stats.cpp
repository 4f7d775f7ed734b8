#include "commands/stats.hpp"

#include "cli/command_support.hpp"
#include "report/stats.hpp"
#include "support/atomic_file.hpp"

#include <fmt/format.h>

namespace wtool {

CLI::App* setup_stats(CLI::App& app, StatsOptions& opts) {
    CLI::App* sub = app.add_subcommand("stats", "Speakers per country and institution, talks, recordings");
    sub->add_option("--format", opts.format, "Output format")
        ->check(CLI::IsMember({"text", "markdown", "json"}))
        ->capture_default_str();
    sub->add_option("--svg", opts.svg,
                    "Also write a bar chart of speakers per country to this SVG file (-: print only the chart)")
        ->type_name("FILE");
    sub->add_flag("--all", opts.all,
                  "Count every talk of the catalogue (coming, cancelled, not dated), not only those held");
    sub->footer("Examples:\n  wtool stats\n  wtool stats --all --format markdown --svg speakers.svg\n\n"
                "Only talks that took place (dated, not cancelled, ended before now) are counted unless --all.\n"
                "Speaker figures count people, talk figures count talks (see docs/stats.md).");
    return sub;
}

ExitCode run_stats(Context& ctx, const StatsOptions& opts) {
    const Catalogue cat = load_usable_catalogue(ctx);
    const Stats stats = compute_stats(cat, ctx.now, opts.all ? StatsScope::all : StatsScope::held);
    if (opts.svg == "-") {
        ctx.out << render_country_chart_svg(stats);
        return ExitCode::ok;
    }
    if (!opts.svg.empty()) {
        if (auto written = write_file_atomically(opts.svg, render_country_chart_svg(stats)); !written) {
            throw CommandError(written.error());
        }
        if (!ctx.quiet) {
            ctx.err << fmt::format("wrote {}\n", opts.svg);
        }
    }
    if (opts.format == "json") {
        ctx.out << render_stats_json(stats);
    } else if (opts.format == "markdown") {
        ctx.out << render_stats_markdown(stats);
    } else {
        ctx.out << render_stats_text(stats);
    }
    return ExitCode::ok;
}

} // namespace wtool

#include "commands/man.hpp"

#include "cli/cli_model.hpp"
#include "cli/manpage.hpp"
#include "cli/output_target.hpp"

namespace wtool {

CLI::App* setup_man(CLI::App& app, ManOptions& opts) {
    opts.root = &app;
    CLI::App* sub = app.add_subcommand("man", "Print the manual page in roff (what 'man wtool' shows)");
    sub->add_option("-o,--output", opts.output, "Write to this file instead of standard output")->type_name("FILE");
    sub->footer("Example:\n  wtool man | man -l -\n\nThe page is dated with --now or SOURCE_DATE_EPOCH, for "
                "reproducible builds.");
    return sub;
}

ExitCode run_man(Context& ctx, const ManOptions& opts) {
    const ManPageInfo info{WTOOL_VERSION, date::format("%Y-%m-%d", ctx.now)};
    const std::string page = render_man_page(describe_cli(*opts.root), info);
    write_output(ctx, page, opts.output);
    return ExitCode::ok;
}

} // namespace wtool

#include "cmd_man.hpp"

#include "atomic_file.hpp"
#include "cli_model.hpp"
#include "manpage.hpp"

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
    if (opts.output.empty() || opts.output == "-") {
        ctx.out << page;
    } else if (auto written = write_file_atomically(opts.output, page); !written) {
        throw CommandError(written.error());
    }
    return ExitCode::ok;
}

} // namespace wtool

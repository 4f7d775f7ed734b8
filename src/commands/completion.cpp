#include "commands/completion.hpp"

#include "cli/cli_model.hpp"
#include "cli/completion.hpp"
#include "cli/output_target.hpp"

namespace wtool {

CLI::App* setup_completion(CLI::App& app, CompletionOptions& opts) {
    opts.root = &app;
    CLI::App* sub = app.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
    sub->add_option("shell", opts.shell, "The shell")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
    sub->add_option("-o,--output", opts.output, "Write to this file instead of standard output")->type_name("FILE");
    sub->footer("Examples:\n  source <(wtool completion bash)\n  wtool completion fish > "
                "~/.config/fish/completions/wtool.fish\n\n"
                "The Debian package installs all three; see docs/install.md.");
    return sub;
}

ExitCode run_completion(Context& ctx, const CompletionOptions& opts) {
    const Shell shell = opts.shell == "zsh" ? Shell::zsh : opts.shell == "fish" ? Shell::fish : Shell::bash;
    const std::string script = render_completion(describe_cli(*opts.root), shell);
    write_output(ctx, script, opts.output);
    return ExitCode::ok;
}

} // namespace wtool

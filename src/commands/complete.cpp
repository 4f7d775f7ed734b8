#include "commands/complete.hpp"

#include "catalogue/catalogue_loader.hpp"
#include "cli/completion.hpp"

#include <algorithm>
#include <set>

namespace wtool {

CLI::App* setup_complete(CLI::App& app, CompleteOptions& opts) {
    CLI::App* sub = app.add_subcommand(std::string(complete_command_name), "Values for shell completion");
    sub->group(""); // hidden: not in the command list, --help, the man page or the completions
    sub->add_option("what", opts.what, "seasons, episodes or zones")->required();
    return sub;
}

ExitCode run_complete(Context& ctx, const CompleteOptions& opts) {
    if (opts.what == "zones") {
        for (const std::string& name : tz::zone_names()) {
            ctx.out << name << '\n';
        }
        return ExitCode::ok;
    }
    if (opts.what != "seasons" && opts.what != "episodes") {
        return ExitCode::usage;
    }
    Diagnostics ignored;
    const auto cat = load_catalogue(ctx.catalogue, ignored);
    if (!cat) {
        return ExitCode::problems;
    }
    if (opts.what == "seasons") {
        std::set<int> numbers;
        for (const Season& s : cat->seasons) {
            if (s.number.present) {
                numbers.insert(s.number.value);
            }
        }
        for (const int n : numbers) {
            ctx.out << n << '\n';
        }
        return ExitCode::ok;
    }
    std::vector<std::pair<std::pair<int, int>, std::string>> codes;
    for (const Episode& e : cat->episodes) {
        if (e.code.present) {
            codes.push_back({{e.season, e.number}, e.code.value.str()});
        }
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    for (const auto& [key, code] : codes) {
        ctx.out << code << '\n';
    }
    return ExitCode::ok;
}

} // namespace wtool

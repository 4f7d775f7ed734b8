#include "cli/cli_model.hpp"

#include <algorithm>

namespace wtool {

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = s.find(sep, start);
        out.emplace_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) {
            return out;
        }
        start = end + 1;
    }
}

bool is_hidden(const std::string& group) {
    return group.empty();
}

// The kind of value, from the type name's parts (value name and validator descriptions) and the
// option's names; see the header.
void classify(const CLI::Option& opt, OptionSpec& spec) {
    if (opt.get_expected_max() == 0) {
        spec.kind = ValueKind::none;
        return;
    }
    const std::string type_name = opt.get_type_name();
    // Choices: a validator description "{a,b,c}". It may hold ':' itself, so look for braces.
    if (const std::size_t open = type_name.find('{'); open != std::string::npos) {
        const std::size_t close = type_name.find('}', open);
        if (close != std::string::npos) {
            spec.kind = ValueKind::choice;
            spec.choices = split(std::string_view(type_name).substr(open + 1, close - open - 1), ',');
        }
    }
    const std::vector<std::string> parts = split(type_name, ':');
    // As --help shows it ("FILE", "N:POSITIVE", "HH:MM"), but without the list of choices.
    spec.value_name = spec.kind == ValueKind::choice ? parts.front() : type_name;
    if (spec.kind == ValueKind::choice) {
        return;
    }
    const auto has = [&](std::string_view word) { return std::find(parts.begin(), parts.end(), word) != parts.end(); };
    const auto named = [&](std::string_view name) {
        return spec.positional_name == name ||
               std::find(spec.long_names.begin(), spec.long_names.end(), name) != spec.long_names.end();
    };
    if (has("FILE") || has("PATH")) {
        spec.kind = ValueKind::file;
    } else if (has("DIR")) {
        spec.kind = ValueKind::directory;
    } else if (has("ZONE") || has("ZONE,...") || has("ZONE[,ZONE...]") || named("timezone")) {
        spec.kind = ValueKind::zone;
    } else if (named("season")) {
        spec.kind = ValueKind::season;
    } else if (named("episode")) {
        spec.kind = ValueKind::episode;
    } else {
        spec.kind = ValueKind::text;
    }
}

OptionSpec describe_option(const CLI::Option& opt) {
    OptionSpec spec;
    spec.long_names = opt.get_lnames();
    spec.short_names = opt.get_snames();
    if (!opt.nonpositional()) {
        spec.positional_name = opt.get_name(true, false);
    }
    spec.description = opt.get_description();
    spec.default_value = opt.get_default_str();
    spec.required = opt.get_required();
    spec.repeatable = opt.get_expected_max() != 0 && opt.get_items_expected_max() > 1;
    classify(opt, spec);
    return spec;
}

CommandSpec describe_command(const CLI::App& app) {
    CommandSpec cmd;
    cmd.name = app.get_name();
    cmd.description = app.get_description();
    cmd.footer = app.get_footer();
    for (const CLI::Option* opt : app.get_options()) {
        if (is_hidden(opt->get_group())) {
            continue;
        }
        OptionSpec spec = describe_option(*opt);
        (spec.positional_name.empty() ? cmd.options : cmd.positionals).push_back(std::move(spec));
    }
    return cmd;
}

} // namespace

std::string OptionSpec::display_name() const {
    if (!long_names.empty()) {
        return "--" + long_names.front();
    }
    if (!short_names.empty()) {
        return "-" + short_names.front();
    }
    return positional_name;
}

CliSpec describe_cli(const CLI::App& root) {
    CliSpec cli;
    cli.program = root.get_name();
    cli.description = root.get_description();
    for (const CLI::Option* opt : root.get_options()) {
        if (is_hidden(opt->get_group()) || !opt->nonpositional()) {
            continue;
        }
        OptionSpec spec = describe_option(*opt);
        spec.root_only = opt == root.get_help_ptr() || opt == root.get_version_ptr();
        cli.global_options.push_back(std::move(spec));
    }
    for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; })) {
        if (!is_hidden(sub->get_group())) {
            cli.commands.push_back(describe_command(*sub));
        }
    }
    return cli;
}

std::vector<std::string> value_option_names(const CliSpec& cli) {
    std::vector<std::string> out;
    for (const OptionSpec& o : cli.global_options) {
        if (o.kind == ValueKind::none || o.root_only) {
            continue;
        }
        for (const std::string& l : o.long_names) {
            out.push_back("--" + l);
        }
        for (const std::string& s : o.short_names) {
            out.push_back("-" + s);
        }
    }
    return out;
}

} // namespace wtool

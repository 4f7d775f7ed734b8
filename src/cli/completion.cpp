#include "cli/completion.hpp"

#include "cli/embedded_completion.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <kainjow/mustache.hpp>
#include <stdexcept>

namespace wtool {

using text::shell_quote; // bash and zsh words

namespace {

namespace mst = kainjow::mustache;

// The global option whose value names the catalogue: passed on when asking for seasons/episodes.
constexpr std::string_view catalogue_option = "catalogue";

// A name safe to use in shell function names: letters, digits and '_' (others become '_').
std::string identifier(std::string_view name) {
    std::string out;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        out += ok ? c : '_';
    }
    return out;
}

// Every spelling of an option: --long..., -s...
std::vector<std::string> option_words(const OptionSpec& o) {
    std::vector<std::string> out;
    out.reserve(o.long_names.size() + o.short_names.size());
    for (const std::string& l : o.long_names) {
        out.push_back("--" + l);
    }
    for (const std::string& s : o.short_names) {
        out.push_back("-" + s);
    }
    return out;
}

// The global options that commands accept too (everything but the program's --help/--version).
std::vector<const OptionSpec*> shared_options(const CliSpec& cli) {
    std::vector<const OptionSpec*> out;
    for (const OptionSpec& o : cli.global_options) {
        if (!o.root_only) {
            out.push_back(&o);
        }
    }
    return out;
}

std::string_view kind_word(ValueKind kind) {
    switch (kind) {
    case ValueKind::none: return "none";
    case ValueKind::text: return "text";
    case ValueKind::choice: return "choice";
    case ValueKind::file: return "file";
    case ValueKind::directory: return "directory";
    case ValueKind::season: return "seasons";
    case ValueKind::episode: return "episodes";
    case ValueKind::zone: return "zones";
    }
    return "text";
}

std::string joined_quoted(const std::vector<std::string>& words, std::string (*quote)(std::string_view)) {
    std::string out;
    for (const std::string& w : words) {
        out += ' ';
        out += quote(w);
    }
    return out;
}

// ------------------------------------------------------------------ templates

// The template of a script: data/completion/<name>.in.
std::string_view script_template(std::string_view name) {
    for (const EmbeddedFile& script : embedded_completion_scripts()) {
        if (script.name == name) {
            return script.text;
        }
    }
    throw std::logic_error(fmt::format("no completion script template '{}' in data/completion", name));
}

// A generated block of whole lines (each ending in a line end) as a list of lines, for a section
// that stands on lines of its own in a script template: <%#name%> / <%.%> / <%/name%>.
mst::data lines_of(std::string_view block) {
    mst::data lines{mst::data::type::list};
    while (!block.empty()) {
        const std::size_t newline = block.find('\n');
        lines.push_back(std::string(block.substr(0, newline)));
        block.remove_prefix(newline == std::string_view::npos ? block.size() : newline + 1);
    }
    return lines;
}

// The values every script template uses.
mst::data common_values(const CliSpec& cli, const std::string& fn) {
    mst::data values;
    values.set("program", cli.program);
    values.set("fn", fn);
    values.set("catalogue_option", std::string(catalogue_option));
    values.set("complete_command", std::string(complete_command_name));
    return values;
}

// The script template `name` with its tags filled in from `values`. Shell text is not escaped.
std::string render_script(std::string_view name, const mst::data& values) {
    mst::mustache tmpl{std::string(script_template(name))};
    if (!tmpl.is_valid()) {
        throw std::logic_error(fmt::format("completion script template '{}': {}", name, tmpl.error_message()));
    }
    tmpl.set_custom_escape([](const std::string& s) { return s; });
    return tmpl.render(values);
}

// ------------------------------------------------------------------ bash

// `printf '%s\n' <kind> [choices...]` for an option's value.
std::string bash_value_spec(const OptionSpec& o) {
    std::string out = fmt::format("printf '%s\\n' {}", kind_word(o.kind));
    if (o.kind == ValueKind::choice) {
        out += joined_quoted(o.choices, shell_quote);
    }
    return out;
}

// The cases of _wtool_option_value: each command's options that take a value, then the shared
// options, which may follow any command.
std::string bash_option_value_cases(const CliSpec& cli) {
    std::string out;
    for (const CommandSpec& cmd : cli.commands) {
        for (const OptionSpec& o : cmd.options) {
            if (o.kind == ValueKind::none) {
                continue;
            }
            std::vector<std::string> patterns;
            for (const std::string& w : option_words(o)) {
                patterns.push_back(shell_quote(cmd.name + " " + w));
            }
            out += fmt::format("        {}) {} ;;\n", fmt::join(patterns, " | "), bash_value_spec(o));
        }
    }
    for (const OptionSpec* o : shared_options(cli)) {
        if (o->kind == ValueKind::none) {
            continue;
        }
        std::vector<std::string> patterns;
        for (const std::string& w : option_words(*o)) {
            patterns.push_back("*" + shell_quote(" " + w));
        }
        out += fmt::format("        {}) {} ;;\n", fmt::join(patterns, " | "), bash_value_spec(*o));
    }
    return out;
}

// The cases of _wtool_positional_value: the first positional argument of each command.
std::string bash_positional_value_cases(const CliSpec& cli) {
    std::string out;
    for (const CommandSpec& cmd : cli.commands) {
        if (!cmd.positionals.empty()) {
            out += fmt::format("        {}) {} ;;\n", shell_quote(cmd.name), bash_value_spec(cmd.positionals.front()));
        }
    }
    return out;
}

// Every spelling of the global options, each quoted after a space.
std::string bash_root_options(const CliSpec& cli) {
    std::vector<std::string> root_words;
    for (const OptionSpec& o : cli.global_options) {
        for (const std::string& w : option_words(o)) {
            root_words.push_back(w);
        }
    }
    return joined_quoted(root_words, shell_quote);
}

// The cases of _wtool_options after a command: its options, then the shared ones.
std::string bash_command_options(const CliSpec& cli) {
    std::string out;
    std::vector<std::string> shared_words;
    for (const OptionSpec* o : shared_options(cli)) {
        for (const std::string& w : option_words(*o)) {
            shared_words.push_back(w);
        }
    }
    for (const CommandSpec& cmd : cli.commands) {
        std::vector<std::string> words;
        for (const OptionSpec& o : cmd.options) {
            for (const std::string& w : option_words(o)) {
                words.push_back(w);
            }
        }
        words.insert(words.end(), shared_words.begin(), shared_words.end());
        out +=
            fmt::format("        {}) printf '%s\\n'{} ;;\n", shell_quote(cmd.name), joined_quoted(words, shell_quote));
    }
    return out;
}

std::string render_bash(const CliSpec& cli) {
    const std::string fn = "_" + identifier(cli.program);
    std::vector<std::string> command_names;
    command_names.reserve(cli.commands.size());
    for (const CommandSpec& cmd : cli.commands) {
        command_names.push_back(cmd.name);
    }
    std::vector<std::string> value_options;
    for (const std::string& w : value_option_names(cli)) {
        value_options.push_back(shell_quote(w));
    }
    mst::data values = common_values(cli, fn);
    values.set("option_value_cases", lines_of(bash_option_value_cases(cli)));
    values.set("positional_value_cases", lines_of(bash_positional_value_cases(cli)));
    values.set("root_options", bash_root_options(cli));
    values.set("command_options", lines_of(bash_command_options(cli)));
    values.set("value_options",
               value_options.empty() ? std::string("--") : fmt::format("{}", fmt::join(value_options, " | ")));
    values.set("command_names", shell_quote(fmt::format("{}", fmt::join(command_names, " "))));
    return render_script("wtool.bash", values);
}

// ------------------------------------------------------------------ zsh

// Text inside an _arguments explanation [...]: brackets and backslashes escaped.
std::string zsh_explanation(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '[' || c == ']' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out;
}

// Text in an _arguments message or a _describe name: colons and backslashes escaped.
std::string zsh_colon_escaped(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == ':' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out;
}

std::string zsh_action(const OptionSpec& o, const std::string& fn) {
    switch (o.kind) {
    case ValueKind::file: return "_files";
    case ValueKind::directory: return "_files -/";
    case ValueKind::season: return fn + "_seasons";
    case ValueKind::episode: return fn + "_episodes";
    case ValueKind::zone: return fn + "_zones";
    case ValueKind::choice: {
        std::string out = "(";
        for (std::size_t i = 0; i < o.choices.size(); ++i) {
            for (const char c : o.choices[i]) {
                if (c == ' ' || c == '(' || c == ')' || c == '\\' || c == ':') {
                    out += '\\';
                }
                out += c;
            }
            out += i + 1 == o.choices.size() ? "" : " ";
        }
        return out + ")";
    }
    case ValueKind::none:
    case ValueKind::text: break;
    }
    return " ";
}

// One _arguments word for an option, single-quoted for the script.
std::string zsh_option_spec(const OptionSpec& o, const std::string& fn) {
    std::vector<std::string> names;
    names.reserve(o.long_names.size() + o.short_names.size());
    for (const std::string& l : o.long_names) {
        names.push_back("--" + l + (o.kind == ValueKind::none ? "" : "="));
    }
    for (const std::string& s : o.short_names) {
        names.push_back("-" + s + (o.kind == ValueKind::none ? "" : "+"));
    }
    std::string rest = "[" + zsh_explanation(o.description) + "]";
    if (o.kind != ValueKind::none) {
        const std::string message = o.value_name.empty() ? std::string("value") : o.value_name;
        rest += ":" + zsh_colon_escaped(message) + ":" + zsh_action(o, fn);
    }
    std::string prefix;
    if (o.repeatable) {
        prefix = "*";
    } else if (names.size() > 1 || o.root_only) {
        std::vector<std::string> plain = option_words(o);
        prefix = o.root_only ? "(- *)" : "(" + fmt::format("{}", fmt::join(plain, " ")) + ")";
    }
    if (names.size() == 1) {
        return shell_quote(prefix + names.front() + rest);
    }
    std::vector<std::string> quoted;
    quoted.reserve(names.size());
    for (const std::string& n : names) {
        quoted.push_back(shell_quote(n));
    }
    return shell_quote(prefix) + "{" + fmt::format("{}", fmt::join(quoted, ",")) + "}" + shell_quote(rest);
}

std::string zsh_positional_spec(const OptionSpec& o, std::size_t index, const std::string& fn) {
    const std::string message = zsh_colon_escaped(o.value_name.empty() ? o.positional_name : o.value_name);
    const std::string action = o.kind == ValueKind::none ? std::string(" ") : zsh_action(o, fn);
    return shell_quote((o.repeatable ? std::string("*") : std::to_string(index)) + ":" + message + ":" + action);
}

// The _describe entries of the commands: 'name:description'.
std::string zsh_commands(const CliSpec& cli) {
    std::string out;
    for (const CommandSpec& cmd : cli.commands) {
        out += "    " + shell_quote(zsh_colon_escaped(cmd.name) + ":" + cmd.description) + "\n";
    }
    return out;
}

// One _arguments call per command: the shared options, its options and its positionals.
std::string zsh_command_arguments(const CliSpec& cli, const std::string& fn) {
    std::string out;
    for (const CommandSpec& cmd : cli.commands) {
        out += fmt::format("        ({})\n          _arguments -s $shared", cmd.name);
        for (const OptionSpec& o : cmd.options) {
            out += " \\\n            " + zsh_option_spec(o, fn);
        }
        for (std::size_t i = 0; i < cmd.positionals.size(); ++i) {
            out += " \\\n            " + zsh_positional_spec(cmd.positionals[i], i + 1, fn);
        }
        out += " && ret=0 ;;\n";
    }
    return out;
}

std::string render_zsh(const CliSpec& cli) {
    const std::string fn = "_" + identifier(cli.program);
    std::string shared;
    for (const OptionSpec* o : shared_options(cli)) {
        shared += "    " + zsh_option_spec(*o, fn) + "\n";
    }
    std::string root_only;
    for (const OptionSpec& o : cli.global_options) {
        if (o.root_only) {
            root_only += "    " + zsh_option_spec(o, fn) + " \\\n";
        }
    }
    mst::data values = common_values(cli, fn);
    values.set("commands", lines_of(zsh_commands(cli)));
    values.set("shared_options", lines_of(shared));
    values.set("root_options", lines_of(root_only));
    values.set("command_arguments", lines_of(zsh_command_arguments(cli, fn)));
    return render_script("wtool.zsh", values);
}

// ------------------------------------------------------------------ fish

std::string fish_value_args(const OptionSpec& o, const std::string& fn) {
    switch (o.kind) {
    case ValueKind::none: return "";
    case ValueKind::text: return " -x";
    case ValueKind::file: return " -r -F";
    case ValueKind::directory: return " -x -a '(__fish_complete_directories (commandline -ct))'";
    case ValueKind::choice: return " -x -a " + fish_quote(fmt::format("{}", fmt::join(o.choices, " ")));
    case ValueKind::season: return fmt::format(" -x -a '({}_ask seasons)'", fn);
    case ValueKind::episode: return fmt::format(" -x -a '({}_ask episodes)'", fn);
    case ValueKind::zone: return fmt::format(" -x -a '({}_ask zones)'", fn);
    }
    return "";
}

std::string fish_option(const std::string& program, const std::string& condition, const OptionSpec& o,
                        const std::string& fn) {
    std::string out = "complete -c " + program;
    if (!condition.empty()) {
        out += " -n " + fish_quote(condition);
    }
    for (const std::string& s : o.short_names) {
        out += " -s " + fish_quote(s);
    }
    for (const std::string& l : o.long_names) {
        out += " -l " + fish_quote(l);
    }
    out += fish_value_args(o, fn);
    if (!o.description.empty()) {
        out += " -d " + fish_quote(o.description);
    }
    return out + "\n";
}

// The completions of each command's options and first positional argument, under a comment line.
std::string fish_command_options(const CliSpec& cli, const std::string& fn) {
    std::string out;
    for (const CommandSpec& cmd : cli.commands) {
        const std::string condition = fmt::format("{}_using {}", fn, cmd.name);
        out += fmt::format("\n# {} {}\n", cli.program, cmd.name);
        for (const OptionSpec& o : cmd.options) {
            out += fish_option(cli.program, condition, o, fn);
        }
        if (!cmd.positionals.empty()) {
            const OptionSpec& p = cmd.positionals.front();
            std::string args = fish_value_args(p, fn);
            if (p.kind == ValueKind::file) {
                args = " -F";
            } else if (p.kind == ValueKind::text) {
                args.clear();
            }
            if (!args.empty()) {
                out += fmt::format("complete -c {} -n {}{}\n", cli.program, fish_quote(condition), args);
            }
        }
    }
    return out;
}

std::string render_fish(const CliSpec& cli) {
    const std::string fn = "__" + identifier(cli.program);
    std::vector<std::string> value_options;
    for (const std::string& w : value_option_names(cli)) {
        value_options.push_back(fish_quote(w));
    }
    std::string commands;
    for (const CommandSpec& cmd : cli.commands) {
        commands += fmt::format("complete -c {} -n {}_needs_command -a {} -d {}\n", cli.program, fn,
                                fish_quote(cmd.name), fish_quote(cmd.description));
    }
    std::string global_options;
    for (const OptionSpec& o : cli.global_options) {
        global_options += fish_option(cli.program, o.root_only ? fn + "_needs_command" : std::string{}, o, fn);
    }
    mst::data values = common_values(cli, fn);
    values.set("value_options",
               value_options.empty() ? std::string("'--'") : fmt::format("{}", fmt::join(value_options, " ")));
    values.set("commands", lines_of(commands));
    values.set("global_options", lines_of(global_options));
    values.set("command_options", lines_of(fish_command_options(cli, fn)));
    return render_script("wtool.fish", values);
}

} // namespace

std::string fish_quote(std::string_view word) {
    std::string out = "'";
    for (const char c : word) {
        if (c == '\'' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "'";
}

std::string render_completion(const CliSpec& cli, Shell shell) {
    switch (shell) {
    case Shell::bash: return render_bash(cli);
    case Shell::zsh: return render_zsh(cli);
    case Shell::fish: return render_fish(cli);
    }
    return {};
}

} // namespace wtool

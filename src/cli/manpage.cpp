#include "cli/manpage.hpp"

#include "support/text.hpp"

#include <array>
#include <fmt/format.h>
#include <span>

namespace wtool {

namespace {

struct Entry {
    std::string_view term;
    std::string_view text;
};

// Documented in README.md ("Exit codes") and context.hpp (ExitCode).
constexpr auto exit_codes = std::to_array<Entry>({
    {"0", "Success. Warnings may have been printed."},
    {"1", "The command ran and found problems: an invalid catalogue (validate), broken links (check-links)."},
    {"2", "Bad usage, or an unreadable or unusable input: a catalogue with errors, an unknown season, a file that "
          "wtool init would have to overwrite."},
    {"3", "check-links only: nothing was proven broken, but some links could not be checked."},
    {"4", "Nothing to output, e.g. a calendar for a season that has no date yet."},
});

constexpr auto environment = std::to_array<Entry>({
    {"WTOOL_CATALOGUE",
     "The catalogue to read when --catalogue is not given. Without either, wtool reads ./episodes.toml, else "
     "./data/episodes.toml."},
    {"SOURCE_DATE_EPOCH",
     "A moment as seconds since 1970-01-01 UTC, used as \"now\" when --now is not given, so that output that "
     "depends on the date (which season is next, time stamps) is reproducible."},
    {"NO_COLOR", "When set to a non-empty value, no colours are used (unless --color always)."},
});

constexpr auto files = std::to_array<Entry>({
    {"episodes.toml",
     "The catalogue: the series, its seasons and its episodes, in TOML. Its format is described in docs/catalogue.md "
     "of wtool's documentation; wtool init writes a commented one to start from."},
    {"PREFIX/share/wtool/templates/",
     "Copies of the default templates of generated pages and announcements, which are compiled into wtool: "
     "editing them changes nothing. A catalogue can name its own folder (templates = \"...\" in [series]); "
     "wtool init --with-templates writes these templates there to start from."},
    {"PREFIX/share/wtool/catalogue.schema.json",
     "A JSON Schema of the catalogue, for editors that check TOML files with Taplo (e.g. VS Code's \"Even Better "
     "TOML\"): make \"#:schema /usr/share/wtool/catalogue.schema.json\" the first line of the catalogue."},
});

// ".TP" entries.
std::string entries(std::span<const Entry> list, bool bold_terms) {
    std::string out;
    for (const Entry& e : list) {
        out += fmt::format(".TP\n{}{}{}\n{}\n", bold_terms ? "\\fB" : "\\fI", roff_escape(e.term), "\\fR",
                           roff_escape(e.text));
    }
    return out;
}

// "\fB\-\-format\fR \fItext\fR|\fIjson\fR" or "\fB\-o\fR, \fB\-\-output\fR \fIFILE\fR".
std::string option_term(const OptionSpec& o) {
    std::vector<std::string> names;
    names.reserve(o.short_names.size() + o.long_names.size());
    for (const std::string& s : o.short_names) {
        names.push_back("\\fB" + roff_escape("-" + s) + "\\fR");
    }
    for (const std::string& l : o.long_names) {
        names.push_back("\\fB" + roff_escape("--" + l) + "\\fR");
    }
    std::string out = fmt::format("{}", fmt::join(names, ", "));
    if (!out.empty()) {
        out += ' ';
    }
    if (o.kind == ValueKind::choice) {
        std::vector<std::string> choices;
        choices.reserve(o.choices.size());
        for (const std::string& c : o.choices) {
            choices.push_back("\\fI" + roff_escape(c) + "\\fR");
        }
        out += fmt::format("{}", fmt::join(choices, "|"));
    } else if (o.kind != ValueKind::none) {
        out += "\\fI" + roff_escape(o.value_name.empty() ? std::string("VALUE") : o.value_name) + "\\fR";
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

std::string option_entries(const std::vector<OptionSpec>& options) {
    std::string out;
    for (const OptionSpec& o : options) {
        std::string text = o.description;
        if (!text.empty() && text.back() != '.' && text.back() != ')') {
            text += '.';
        }
        if (!o.default_value.empty()) {
            text += fmt::format(" Default: {}.", o.default_value);
        }
        if (o.repeatable) {
            text += " May be given more than once.";
        }
        out += fmt::format(".TP\n{}\n{}\n", option_term(o), roff_escape(text));
    }
    return out;
}

// "wtool init [OPTIONS] [DIR]"
std::string command_synopsis(const std::string& program, const CommandSpec& cmd) {
    std::string out = fmt::format(R"(\fB{} {}\fR [\fIOPTIONS\fR])", roff_escape(program), roff_escape(cmd.name));
    for (const OptionSpec& p : cmd.positionals) {
        const std::string name = p.value_name.empty() || p.value_name == "TEXT" ? p.positional_name : p.value_name;
        const std::string shown = "\\fI" + roff_escape(name) + "\\fR" + (p.repeatable ? "..." : "");
        out += p.required ? " " + shown : " [" + shown + "]";
    }
    return out;
}

// A --help footer as roff: indented lines (the examples) as unfilled blocks, other lines as
// filled paragraphs.
std::string footer_text(std::string_view footer) {
    std::string out;
    bool in_block = false;
    bool in_paragraph = false;
    for (const std::string_view line : text::split_lines(footer)) {
        const bool indented = line.starts_with("  ");
        if (line.empty()) {
            if (in_block) {
                out += ".fi\n.RE\n";
                in_block = false;
            }
            in_paragraph = false;
            continue;
        }
        if (indented) {
            if (!in_block) {
                out += ".RS\n.nf\n";
                in_block = true;
            }
            out += roff_escape(text::trim(line)) + "\n";
            continue;
        }
        if (in_block) {
            out += ".fi\n.RE\n";
            in_block = false;
        }
        if (!in_paragraph) {
            out += ".PP\n";
            in_paragraph = true;
        }
        out += roff_escape(line) + "\n";
    }
    if (in_block) {
        out += ".fi\n.RE\n";
    }
    return out;
}

// Every indented footer line that follows an "Example:" or "Examples:" line.
std::vector<std::string> footer_examples(std::string_view footer) {
    std::vector<std::string> out;
    bool in_examples = false;
    for (const std::string_view line : text::split_lines(footer)) {
        if (line.starts_with("Example")) {
            in_examples = true;
        } else if (in_examples && line.starts_with("  ")) {
            if (!out.empty() && out.back().ends_with('\\')) {
                out.back() += "\n    " + std::string(text::trim(line)); // a continued command line
            } else {
                out.emplace_back(text::trim(line));
            }
        } else {
            in_examples = false;
        }
    }
    return out;
}

} // namespace

std::string roff_escape(std::string_view s) {
    std::string out;
    bool line_start = true;
    for (std::size_t i = 0; i < s.size();) {
        const text::Decoded d = text::decode_utf8(s, i);
        const char32_t cp = d.valid ? d.code_point : U'\uFFFD';
        i += d.length;
        if (line_start && (cp == U'.' || cp == U'\'')) {
            out += "\\&";
        }
        line_start = cp == U'\n';
        if (cp == U'\\') {
            out += "\\e";
        } else if (cp == U'-') {
            out += "\\-";
        } else if (cp >= 0x80) {
            out += fmt::format("\\[u{:04X}]", static_cast<unsigned>(cp));
        } else if (cp < 0x20 && cp != U'\n') {
            out += ' ';
        } else {
            out += static_cast<char>(cp);
        }
    }
    return out;
}

std::string render_man_page(const CliSpec& cli, const ManPageInfo& info) {
    const std::string program = roff_escape(cli.program);
    std::string upper;
    for (const char c : cli.program) {
        upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    std::string summary = cli.description;
    if (const std::size_t dash = summary.find(" - "); dash != std::string::npos) {
        summary = summary.substr(dash + 3);
    }
    std::string out =
        fmt::format(".\\\" {0}.1: generated by `{0} man` from {0}'s command-line definition; do not edit.\n"
                    ".TH {1} 1 \"{2}\" \"{0} {3}\" \"User Commands\"\n",
                    program, roff_escape(upper), roff_escape(info.date), roff_escape(info.version));
    out += fmt::format(".SH NAME\n{} \\- {}\n", program, roff_escape(summary));
    out += fmt::format(".SH SYNOPSIS\n\\fB{0}\\fR [\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] "
                       "[\\fIARGUMENTS\\fR]\n.br\n\\fB{0}\\fR \\fB\\-\\-version\\fR\n",
                       program);
    out += ".SH DESCRIPTION\n" +
           roff_escape("wtool is a toolkit for the people who run an online seminar series. They keep one TOML "
                       "catalogue of the series, its seasons (one webinar day each) and its episodes (one talk each); "
                       "wtool checks it and turns it into web pages, announcements, calendars and reports.") +
           "\n.PP\n" +
           roff_escape("Run wtool without arguments for the list of commands, and wtool COMMAND --help for a "
                       "command's options and an example.") +
           "\n";
    out += ".SH GLOBAL OPTIONS\n" + roff_escape("Accepted before or after any command.") + "\n";
    out += option_entries(cli.global_options);
    out += ".SH COMMANDS\n";
    for (const CommandSpec& cmd : cli.commands) {
        out += fmt::format(".SS {}\n", roff_escape(cmd.name));
        out += command_synopsis(cli.program, cmd) + "\n.PP\n";
        std::string description = cmd.description;
        if (!description.empty() && description.back() != '.') {
            description += '.';
        }
        out += roff_escape(description) + "\n";
        std::vector<OptionSpec> all = cmd.positionals;
        all.insert(all.end(), cmd.options.begin(), cmd.options.end());
        out += option_entries(all);
        out += footer_text(cmd.footer);
    }
    out += ".SH EXIT STATUS\n" + roff_escape("The same for every command:") + "\n" + entries(exit_codes, true);
    out += ".SH ENVIRONMENT\n" + entries(environment, true);
    out += ".SH FILES\n" + roff_escape("PREFIX is where wtool is installed, e.g. /usr.") + "\n" + entries(files, false);
    out += ".SH EXAMPLES\n";
    for (const CommandSpec& cmd : cli.commands) {
        for (const std::string& example : footer_examples(cmd.footer)) {
            out += ".PP\n.nf\n" + roff_escape(example) + "\n.fi\n";
        }
    }
    out += ".SH SEE ALSO\n" +
           roff_escape("The documentation in wtool's docs/ folder: getting-started.md, catalogue.md, install.md.") +
           "\n";
    return out;
}

} // namespace wtool

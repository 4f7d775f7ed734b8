#include "cli/cli_model.hpp"
#include "cli/completion.hpp"
#include "cli/manpage.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {
// A small command line with one option of every kind.
struct Fixture {
    CLI::App app{"tool - a test program", "tool"};
    std::string s;
    int n = 0;
    bool flag = false;
    std::vector<std::string> many;
    Fixture() {
        app.set_version_flag("--version", "tool 1");
        app.add_option("--catalogue", s, "Catalogue file")->type_name("PATH");
        app.add_flag("-q,--quiet", flag, "Quiet");
        CLI::App* show = app.add_subcommand("show", "Show things");
        show->add_option("--format", s, "Output format")->check(CLI::IsMember({"text", "json"}));
        show->add_option("-o,--output", s, "Output file")->type_name("FILE");
        show->add_option("--season", n, "A season")->type_name("N");
        show->add_option("--episode", s, "An episode")->type_name("CODE");
        show->add_option("--to", many, "Zones")->type_name("ZONE");
        show->add_option("--from", s, "Zones")->type_name("ZONE[,ZONE...]");
        show->add_option("--site", s, "Site folder")->type_name("DIR");
        show->add_option("--title", s, "The title [sic]: 'quoted'");
        show->add_option("files", many, "Input files")->type_name("FILE");
        show->footer("Example:\n  tool show --season 9\n\nNotes here.");
        CLI::App* list = app.add_subcommand("list", "List things");
        list->footer("Examples:\n  tool list --long \\\n      --all\n  tool list\n");
        CLI::App* hidden = app.add_subcommand("__secret", "Hidden");
        hidden->group("");
    }
};

const OptionSpec& find(const CommandSpec& cmd, std::string_view name) {
    for (const OptionSpec& o : cmd.options) {
        if (o.display_name() == name) {
            return o;
        }
    }
    FAIL("no option " << name);
    throw std::logic_error("unreachable");
}
} // namespace

TEST_CASE("reading the command line's definition") {
    Fixture f;
    const CliSpec cli = describe_cli(f.app);
    SUBCASE("visible commands only, with their footer") {
        REQUIRE(cli.commands.size() == 2);
        CHECK(cli.commands[0].name == "show");
        CHECK(cli.commands[0].footer == "Example:\n  tool show --season 9\n\nNotes here.");
    }
    SUBCASE("global options, with --help and --version marked as the program's own") {
        REQUIRE(cli.global_options.size() == 4);
        CHECK(cli.global_options[0].display_name() == "--help");
        CHECK(cli.global_options[0].root_only);
        CHECK(cli.global_options[1].root_only);
        CHECK_FALSE(cli.global_options[2].root_only);
        CHECK(value_option_names(cli) == std::vector<std::string>{"--catalogue"});
    }
    SUBCASE("the kind of value each option takes") {
        const CommandSpec& show = cli.commands[0];
        const OptionSpec& format = find(show, "--format");
        CHECK(format.kind == ValueKind::choice);
        CHECK(format.choices == std::vector<std::string>{"text", "json"});
        CHECK(find(show, "--output").kind == ValueKind::file);
        CHECK(find(show, "--output").short_names == std::vector<std::string>{"o"});
        CHECK(find(show, "--season").kind == ValueKind::season);
        CHECK(find(show, "--episode").kind == ValueKind::episode);
        CHECK(find(show, "--to").kind == ValueKind::zone);
        CHECK(find(show, "--to").repeatable);
        CHECK(find(show, "--from").kind == ValueKind::zone);
        CHECK(find(show, "--site").kind == ValueKind::directory);
        CHECK(find(show, "--title").kind == ValueKind::text);
        CHECK(find(show, "--help").kind == ValueKind::none);
        REQUIRE(show.positionals.size() == 1);
        CHECK(show.positionals[0].positional_name == "files");
        CHECK(show.positionals[0].kind == ValueKind::file);
        CHECK(show.positionals[0].repeatable);
    }
}

TEST_CASE("completion scripts from the definition") {
    Fixture f;
    const CliSpec cli = describe_cli(f.app);
    SUBCASE("bash: values by command and option, the command list, no hidden command") {
        const std::string bash = render_completion(cli, Shell::bash);
        CHECK(bash.find("        'show --format') printf '%s\\n' choice 'text' 'json' ;;\n") != std::string::npos);
        CHECK(bash.find("        'show --season') printf '%s\\n' seasons ;;\n") != std::string::npos);
        CHECK(bash.find("        'show --output' | 'show -o') printf '%s\\n' file ;;\n") != std::string::npos);
        CHECK(bash.find("        *' --catalogue') printf '%s\\n' file ;;\n") != std::string::npos);
        CHECK(bash.find("        'show') printf '%s\\n' file ;;\n") != std::string::npos);
        CHECK(bash.find("compgen -W 'show list' -- \"$cur\"") != std::string::npos);
        CHECK(bash.find("__secret") == std::string::npos);
        CHECK(bash.find("\"${COMP_WORDS[0]}\" \"${args[@]}\" __complete \"$1\" 2>/dev/null") != std::string::npos);
        CHECK(bash.ends_with("complete -F _tool tool\n"));
    }
    SUBCASE("zsh: escaped explanations and actions") {
        const std::string zsh = render_completion(cli, Shell::zsh);
        CHECK(zsh.starts_with("#compdef tool\n"));
        CHECK(zsh.find("'--title=[The title \\[sic\\]: '\\''quoted'\\'']:TEXT: '") != std::string::npos);
        CHECK(zsh.find("'--format=[Output format]:TEXT:(text json)'") != std::string::npos);
        CHECK(zsh.find("'(--output -o)'{'--output=','-o+'}'[Output file]:FILE:_files'") != std::string::npos);
        CHECK(zsh.find("'--season=[A season]:N:_tool_seasons'") != std::string::npos);
        CHECK(zsh.find("'*--to=[Zones]:ZONE:_tool_zones'") != std::string::npos);
        CHECK(zsh.find("'*:FILE:_files'") != std::string::npos);
        CHECK(zsh.find("    'show:Show things'\n") != std::string::npos);
    }
    SUBCASE("fish: conditions per command, quoted descriptions") {
        const std::string fish = render_completion(cli, Shell::fish);
        CHECK(fish.find("complete -c tool -n __tool_needs_command -a 'show' -d 'Show things'\n") != std::string::npos);
        CHECK(fish.find("complete -c tool -n '__tool_using show' -l 'season' -x -a '(__tool_ask seasons)' -d 'A "
                        "season'\n") != std::string::npos);
        CHECK(fish.find("-l 'title' -x -d 'The title [sic]: \\'quoted\\''\n") != std::string::npos);
        CHECK(fish.find("complete -c tool -n '__tool_using show' -F\n") != std::string::npos);
    }
    SUBCASE("quoting") {
        CHECK(fish_quote("it's \\") == "'it\\'s \\\\'");
    }
}

TEST_CASE("the man page from the definition") {
    Fixture f;
    const std::string page = render_man_page(describe_cli(f.app), {"1.2.3", "2026-02-01"});
    SUBCASE("header, commands, options, footer examples") {
        CHECK(page.find(".TH TOOL 1 \"2026\\-02\\-01\" \"tool 1.2.3\" \"User Commands\"\n") != std::string::npos);
        CHECK(page.find(".SH NAME\ntool \\- a test program\n") != std::string::npos);
        CHECK(page.find(".SS show\n\\fBtool show\\fR [\\fIOPTIONS\\fR] [\\fIFILE\\fR...]\n") != std::string::npos);
        CHECK(page.find(".TP\n\\fB\\-\\-format\\fR \\fItext\\fR|\\fIjson\\fR\nOutput format.\n") != std::string::npos);
        CHECK(page.find(".TP\n\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIFILE\\fR\nOutput file.\n") != std::string::npos);
        CHECK(page.find(".PP\nExample:\n.RS\n.nf\ntool show \\-\\-season 9\n.fi\n.RE\n.PP\nNotes here.\n") !=
              std::string::npos);
        CHECK(page.find(".SH EXAMPLES\n.PP\n.nf\ntool show \\-\\-season 9\n.fi\n") != std::string::npos);
        // A command continued on the next line stays one example.
        CHECK(page.find(".PP\n.nf\ntool list \\-\\-long \\e\n    \\-\\-all\n.fi\n.PP\n.nf\ntool list\n.fi\n") !=
              std::string::npos);
        CHECK(page.find("__secret") == std::string::npos);
        for (const char* section : {".SH EXIT STATUS\n", ".SH ENVIRONMENT\n", ".SH FILES\n"}) {
            CHECK(page.find(section) != std::string::npos);
        }
        CHECK(page.find(".B WTOOL_CATALOGUE") == std::string::npos); // terms use \fB...\fR
        CHECK(page.find("\\fBSOURCE_DATE_EPOCH\\fR") != std::string::npos);
    }
    SUBCASE("roff escaping") {
        CHECK(roff_escape("a-b \\ c") == "a\\-b \\e c");
        CHECK(roff_escape(".starts\n'quote") == "\\&.starts\n\\&'quote");
        CHECK(roff_escape("é👀") == "\\[u00E9]\\[u1F440]");
        CHECK(roff_escape("mid.dle") == "mid.dle");
    }
}

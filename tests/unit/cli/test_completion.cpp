#include "cli/completion.hpp"
#include "cli/embedded_completion.hpp"

#include <doctest/doctest.h>
#include <regex>
#include <stdexcept>

using namespace wtool;

TEST_CASE("completion script templates: placeholders") {
    const ScriptValues values{{"PROGRAM", "tool"}, {"LINES", "a\nb\n"}, {"EMPTY", ""}};
    SUBCASE("inside a line, replaced where they stand") {
        CHECK(fill_script_template("# @PROGRAM@ completion for @PROGRAM@s\n", values) ==
              "# tool completion for tools\n");
        CHECK(fill_script_template("x@PROGRAM@", values) == "xtool");
    }
    SUBCASE("alone on a line, replaced together with the line end") {
        CHECK(fill_script_template("case\n@LINES@\nesac\n", values) == "case\na\nb\nesac\n");
        CHECK(fill_script_template("case\n@EMPTY@\nesac\n", values) == "case\nesac\n");
        CHECK(fill_script_template("case\n@LINES@", values) == "case\na\nb\n");
        CHECK(fill_script_template("  @LINES@\n", values) == "  a\nb\n\n");
    }
    SUBCASE("an '@' that starts no placeholder stays") {
        CHECK(fill_script_template("\"${args[@]}\" \"$@\" @lower@ @@ @ @PROGRAM\n", values) ==
              "\"${args[@]}\" \"$@\" @lower@ @@ @ @PROGRAM\n");
        CHECK(fill_script_template("@\n\n@", values) == "@\n\n@");
    }
    SUBCASE("values are not read again") {
        CHECK(fill_script_template("@PROGRAM@\n", {{"PROGRAM", "@LINES@"}}) == "@LINES@");
    }
    SUBCASE("a placeholder without a value is a mistake in the template") {
        CHECK_THROWS_AS(fill_script_template("@NOPE@\n", values), std::logic_error);
        CHECK_THROWS_WITH(fill_script_template("x @NOPE@\n", values),
                          "completion script template: unknown placeholder '@NOPE@'");
    }
}

TEST_CASE("completion script templates: the embedded ones") {
    CLI::App app{"tool - a test program", "tool"};
    std::string s;
    app.add_option("--catalogue", s, "Catalogue file")->type_name("PATH");
    app.add_subcommand("show", "Show things")->add_option("--format", s, "Output format");
    const CliSpec cli = describe_cli(app);
    REQUIRE(embedded_completion_scripts().size() == 3);
    CHECK(embedded_completion_scripts()[0].name == "wtool.bash");
    CHECK(embedded_completion_scripts()[1].name == "wtool.fish");
    CHECK(embedded_completion_scripts()[2].name == "wtool.zsh");
    const std::regex placeholder("@[A-Z_]+@");
    for (const Shell shell : {Shell::bash, Shell::zsh, Shell::fish}) {
        CAPTURE(static_cast<int>(shell));
        const std::string script = render_completion(cli, shell); // throws on a placeholder without a value
        CHECK_FALSE(std::regex_search(script, placeholder));
        CHECK(script.find("tool") != std::string::npos);
        CHECK(script.ends_with("\n"));
    }
}

#include "cli/completion.hpp"
#include "cli/embedded_completion.hpp"

#include <doctest/doctest.h>

using namespace wtool;

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
    for (const Shell shell : {Shell::bash, Shell::zsh, Shell::fish}) {
        CAPTURE(static_cast<int>(shell));
        const std::string script = render_completion(cli, shell); // throws on a template that is not valid
        // Every tag is filled in: none is left, nor the line of the delimiter change.
        CHECK(script.find("<%") == std::string::npos);
        CHECK(script.find("%>") == std::string::npos);
        CHECK(script.find("{{") == std::string::npos);
        CHECK(script.starts_with(shell == Shell::zsh ? "#compdef tool\n" : "# "));
        // A command's option is listed in its case.
        CHECK(script.find(shell == Shell::fish ? "-l 'format'" : "--format") != std::string::npos);
        CHECK(script.find("tool") != std::string::npos);
        CHECK(script.ends_with("\n"));
    }
}

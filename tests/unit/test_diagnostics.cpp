#include "diagnostics.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace wtool;

TEST_CASE("diagnostics render like a compiler's") {
    const std::string source = "[series]\ntittle = \"x\"\n";
    Diagnostics diags;
    diags.error("unknown-key", {2, 1}, "unknown key 'tittle' in [series]", "did you mean 'title'?");
    diags.warning("season-weekend", {}, "no position");
    diags.sort_by_position();

    SUBCASE("text") {
        const std::string text = render_diagnostics_text(diags.items(), "episodes.toml", source, Color::no);
        CHECK(text == "episodes.toml: warning: no position [season-weekend]\n"
                      "episodes.toml:2:1: error: unknown key 'tittle' in [series] [unknown-key]\n"
                      " 2 | tittle = \"x\"\n"
                      "   | ^\n"
                      "  hint: did you mean 'title'?\n");
    }
    SUBCASE("caret under a column after multi-byte characters") {
        Diagnostics d;
        d.warning("x", {1, 4}, "m");
        const std::string text = render_diagnostics_text(d.items(), "f", "éé👀x\n", Color::no);
        CHECK(text.find(" 1 | éé👀x\n   |    ^\n") != std::string::npos);
    }
    SUBCASE("no diagnostics render as nothing") {
        CHECK(render_diagnostics_text({}, "f", source, Color::yes).empty());
    }
    SUBCASE("the last line quoted without a final newline, and a line after CRLF") {
        Diagnostics d;
        d.warning("x", {2, 2}, "m");
        CHECK(render_diagnostics_text(d.items(), "f", "a\r\nbc", Color::no) == "f:2:2: warning: m [x]\n"
                                                                               " 2 | bc\n"
                                                                               "   |  ^\n");
    }
    SUBCASE("colour only when asked") {
        CHECK(render_diagnostics_text(diags.items(), "f", source, Color::no).find('\x1b') == std::string::npos);
        CHECK(render_diagnostics_text(diags.items(), "f", source, Color::yes).find("\x1b[1;31merror") !=
              std::string::npos);
    }
    SUBCASE("json") {
        const auto doc = nlohmann::json::parse(render_diagnostics_json(diags.items(), "episodes.toml"));
        CHECK(doc["errors"] == 1);
        CHECK(doc["warnings"] == 1);
        CHECK(doc["diagnostics"][1]["rule"] == "unknown-key");
        CHECK(doc["diagnostics"][1]["line"] == 2);
        CHECK(doc["diagnostics"][1]["hint"] == "did you mean 'title'?");
        CHECK(doc["diagnostics"][0]["hint"].is_null());
    }
    SUBCASE("summary") {
        CHECK(summary_line(0, 0) == "no problems");
        CHECK(summary_line(1, 2) == "1 error, 2 warnings");
    }
}

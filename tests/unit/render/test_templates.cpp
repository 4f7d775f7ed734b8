#include "render/templates.hpp"
#include "support/text.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace wtool;
using Json = nlohmann::ordered_json;

namespace {

TemplateSet set_with(const std::string& name, const std::string& text) {
    TemplateSet set = TemplateSet::defaults();
    REQUIRE(set.add(name, text, "test " + name));
    return set;
}

std::string render(const std::string& text, const Json& view) {
    auto out = render_template(set_with("t", text), "t", view);
    REQUIRE(out);
    return *out;
}

} // namespace

TEST_CASE("the default templates are built in") {
    const TemplateSet set = TemplateSet::defaults();
    for (const char* name : {"announce_email", "announce_markdown", "announce_social", "news", "next_webinar",
                             "page_talks", "page_webinar"}) {
        CAPTURE(name);
        REQUIRE(set.find(name) != nullptr);
        CHECK(set.find(name)->origin == std::string("built-in ") + name + ".mustache");
    }
    CHECK(set.find("nope") == nullptr);
}

TEST_CASE("standalone tag lines disappear, other lines stay") {
    SUBCASE("false and true sections") {
        CHECK(render("A\n{{#f}}\nX\n{{/f}}\nB\n{{#t}}\n\nY\n{{/t}}\nC\n", Json{{"f", false}, {"t", true}}) ==
              "A\nB\n\nY\nC\n");
    }
    SUBCASE("empty and full lists, inverted sections") {
        const std::string t = "{{#items}}\n* {{.}}\n{{/items}}\n{{^items}}\nnone\n{{/items}}\nend\n";
        CHECK(render(t, Json{{"items", Json::array()}}) == "none\nend\n");
        CHECK(render(t, Json{{"items", {"a", "b"}}}) == "* a\n* b\nend\n");
    }
    SUBCASE("null counts as false, and is not looked up in outer sections") {
        const std::string t = "{{#outer}}\n{{#x}}\ninner x\n{{/x}}\n{{/outer}}\n";
        CHECK(render(t, Json{{"x", true}, {"outer", {{"x", nullptr}}}}) == "");
    }
    SUBCASE("blank lines next to section tags are kept") {
        CHECK(render("a\n{{#t}}\n\n{{/t}}\n\nb\n", Json{{"t", true}}) == "a\n\n\nb\n");
    }
    SUBCASE("comments, also over several lines") {
        CHECK(render("{{! one\n  two }}\nA {{! inline }}B\n", Json::object()) == "A B\n");
    }
}

TEST_CASE("values are inserted as they are") {
    // The views escape for the output format; Mustache's HTML escaping is off.
    CHECK(render("{{x}}|{{{x}}}", Json{{"x", "<a & b>"}}) == "<a & b>|<a & b>");
    CHECK(render("{{n}} {{b}}", Json{{"n", 9}, {"b", "x"}}) == "9 x");
}

TEST_CASE("partials are templates, never values") {
    TemplateSet set = set_with("main", "[{{> part}}][{{> title}}]");
    REQUIRE(set.add("part", "P {{x}}", "test part"));
    // A view value named like a partial is never parsed as a template.
    const Json view{{"x", "1"}, {"title", "{{x}}"}};
    auto out = render_template(set, "main", view);
    REQUIRE(out);
    CHECK(*out == "[P 1][]");
}

TEST_CASE("template errors name the template") {
    TemplateSet set = TemplateSet::defaults();
    const auto bad = set.add("bad", "{{#a}}x", "folder/bad.mustache");
    REQUIRE_FALSE(bad);
    CHECK(bad.error() == "template 'folder/bad.mustache': Unclosed section \"a\" at 0");

    SUBCASE("a template that includes itself") {
        TemplateSet loop = set_with("loop", "x{{> loop}}");
        const auto out = render_template(loop, "loop", Json::object());
        REQUIRE_FALSE(out);
        CHECK(out.error().kind == RenderError::Kind::bad_template);
        CHECK(out.error().message ==
              "template 'test loop': partials nested more than 20 deep (does a template include itself?)");
    }
    SUBCASE("partials nested 20 deep, but not 21") {
        // p1 includes p2, ... p20 includes p21: the main template's partial is at depth 0.
        TemplateSet chain = TemplateSet::defaults();
        for (int i = 1; i <= 21; ++i) {
            REQUIRE(chain.add("p" + std::to_string(i),
                              std::to_string(i) + (i < 21 ? "{{> p" + std::to_string(i + 1) + "}}" : ""),
                              "p" + std::to_string(i)));
        }
        REQUIRE(chain.add("deep20", "{{> p2}}", "deep20"));
        const auto ok = render_template(chain, "deep20", Json::object());
        REQUIRE(ok);
        CHECK(*ok == "23456789101112131415161718192021");
        REQUIRE(chain.add("deep21", "{{> p1}}", "deep21"));
        const auto out = render_template(chain, "deep21", Json::object());
        REQUIRE_FALSE(out);
        CHECK(out.error().message == "template 'deep21': partials nested more than 20 deep (does a template include "
                                     "itself?)");
    }
    SUBCASE("a partial in a long loop") {
        TemplateSet loop = set_with("one", "x");
        REQUIRE(loop.add("each", "{{#items}}{{> one}}{{/items}}", "test each"));
        const auto view_of = [](int n) { return Json{{"items", Json(static_cast<std::size_t>(n), Json{{"a", 1}})}}; };
        const auto ok = render_template(loop, "each", view_of(2000));
        REQUIRE(ok);
        CHECK(*ok == std::string(2000, 'x'));
        const auto out = render_template(loop, "each", view_of(2001));
        REQUIRE_FALSE(out);
        CHECK(out.error().message ==
              "template 'test each': more than 2000 partials expanded (does a template include itself?)");
    }
    SUBCASE("an unknown template") {
        const auto out = render_template(TemplateSet::defaults(), "missing", Json::object());
        REQUIRE_FALSE(out);
        CHECK(out.error().message == "no template named 'missing.mustache'");
    }
}

TEST_CASE("fitting a post") {
    const TemplateSet set = set_with(
        "post", "Head.{{#fit}} Talks: {{#talks}}{{list_separator}}{{name}}{{#if_room}} (\"{{title}}\"){{/if_room}}"
                "{{/talks}}.{{/fit}} https://x.example/link");
    const Json view{{"talks",
                     {{{"name", "Ann Lee"}, {"title", "One"}, {"list_separator", ""}},
                      {{"name", "Bo Yu"}, {"title", "Two"}, {"list_separator", " and "}}}}};
    const auto fit = [&](std::size_t max) {
        return render_template(set, "post", view, FitRequest{max, text::count_code_points});
    };
    const std::string full = "Head. Talks: Ann Lee (\"One\") and Bo Yu (\"Two\"). https://x.example/link";
    const std::string brief = "Head. Talks: Ann Lee and Bo Yu. https://x.example/link";
    CHECK(*fit(500) == full);
    CHECK(*fit(full.size()) == full);
    CHECK(*fit(full.size() - 1) == brief);
    CHECK(*fit(brief.size() - 1) == "Head. Talks: Ann Lee and Bo… https://x.example/link");
    CHECK(*fit(40) == "Head. Talks: Ann… https://x.example/link");
    CHECK(*fit(28) == "Head. https://x.example/link"); // not even one word fits: the section goes
    const auto too_short = fit(20);
    REQUIRE_FALSE(too_short);
    CHECK(too_short.error().kind == RenderError::Kind::too_long);
    CHECK(too_short.error().message ==
          "the text needs at least 28 characters, even shortened as far as its template allows, more than the 20 "
          "allowed");
    SUBCASE("without a fit request, fit and if_room render their content") {
        CHECK(*render_template(set, "post", view) == full);
    }
    SUBCASE("only one fit section") {
        const TemplateSet two = set_with("two", "{{#fit}}a{{/fit}}{{#fit}}b{{/fit}}");
        const auto out = render_template(two, "two", view, FitRequest{100, text::count_code_points});
        REQUIRE_FALSE(out);
        CHECK(out.error().message == "template 'test two': only one {{#fit}} section is allowed, found 2");
    }
}

TEST_CASE("a catalogue's template folder overrides file by file") {
    const test::TempDir tmp;
    const std::filesystem::path& dir = tmp.path;
    std::ofstream(dir / "news.mustache") << "custom {{> sig}}\n";
    std::ofstream(dir / "sig.mustache") << "signed";
    std::ofstream(dir / "notes.txt") << "{{#not a template";

    auto set = TemplateSet::with_folder(dir);
    REQUIRE(set);
    CHECK(set->find("news")->origin == (dir / "news.mustache").string());
    CHECK(set->find("page_webinar")->origin == "built-in page_webinar.mustache");
    CHECK(*render_template(*set, "news", Json::object()) == "custom signed\n");

    std::ofstream(dir / "broken.mustache") << "{{/x}}";
    const auto broken = TemplateSet::with_folder(dir);
    REQUIRE_FALSE(broken);
    CHECK(broken.error() == "template '" + (dir / "broken.mustache").string() + "': Unopened section \"x\" at 0");

    const auto missing = TemplateSet::with_folder(dir / "nope");
    REQUIRE_FALSE(missing);
    CHECK(missing.error() == "templates folder '" + (dir / "nope").string() + "' does not exist or is not a folder");
}

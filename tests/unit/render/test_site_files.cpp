#include "catalogue/catalogue_loader.hpp"
#include "render/site_files.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {
std::string reason(std::string_view path, SitePathKind kind = SitePathKind::file) {
    const auto problem = site_path_problem(path, kind);
    return problem ? problem->reason : "";
}
} // namespace

TEST_CASE("site paths stay inside the site folder") {
    SUBCASE("files") {
        CHECK(reason("_pages/webinar.md").empty());
        CHECK(reason("webinar.md").empty());
        CHECK(reason("./_pages/x.md").empty());
        CHECK(reason("a..b/x..md").empty()); // dots inside a name are no '..' part
        CHECK(reason("") == "is empty");
        CHECK(reason("/etc/x.md") == "is an absolute path");
        CHECK(reason("../x.md") == "leaves the site folder ('..')");
        CHECK(reason("_pages/../../x.md") == "leaves the site folder ('..')");
        CHECK(reason("_pages/..") == "leaves the site folder ('..')");
        CHECK(reason("_pages/") == "names a folder, not a file");
        CHECK(reason(".") == "names a folder, not a file");
        CHECK(reason("_pages/.") == "names a folder, not a file");
        CHECK(site_path_problem("x/", SitePathKind::file)->hint ==
              "give a file path inside the site folder, such as '_pages/webinar.md'");
    }
    SUBCASE("folders") {
        CHECK(reason("_news", SitePathKind::folder).empty());
        CHECK(reason("_news/", SitePathKind::folder).empty());
        CHECK(reason("", SitePathKind::folder).empty()); // the site folder itself
        CHECK(reason(".", SitePathKind::folder).empty());
        CHECK(reason("/srv/_news", SitePathKind::folder) == "is an absolute path");
        CHECK(reason("../_news", SitePathKind::folder) == "leaves the site folder ('..')");
    }
}

TEST_CASE("news is for days that happened") {
    Diagnostics diags;
    auto cat = parse_catalogue("[series]\ntitle = \"T\"\ntimezone = \"America/New_York\"\nstart_time = 12:00:00\n"
                               "duration_minutes = 60\n"
                               "[[season]]\nnumber = 1\ndate = 2026-11-11\n"
                               "[[season]]\nnumber = 2\ndate = 2026-11-04\ncancelled = true\n"
                               "[[season]]\nnumber = 3\ndate = 2026-11-18\n"
                               "[[season]]\nnumber = 4\n",
                               "c.toml", diags);
    REQUIRE(cat);
    const auto now = [](const char* iso) { return *tz::parse_instant(iso); };
    const tz::Instant after = now("2026-11-15T12:00:00Z");
    CHECK_FALSE(no_news(*cat, *cat->find_season(1), after));
    CHECK(no_news(*cat, *cat->find_season(2), after)->kind == NoNews::Kind::cancelled);
    const auto coming = no_news(*cat, *cat->find_season(3), after);
    REQUIRE(coming);
    CHECK(coming->kind == NoNews::Kind::not_over);
    CHECK(coming->message == "season 3 has not taken place yet: it ends on 2026-11-18 at 13:00 EST");
    CHECK(no_news(*cat, *cat->find_season(4), after)->kind == NoNews::Kind::tba);
    // During the day (12:00-13:00 EST = 17:00-18:00 UTC) it has not happened yet; at its end it has.
    CHECK(no_news(*cat, *cat->find_season(1), now("2026-11-11T17:30:00Z"))->kind == NoNews::Kind::not_over);
    CHECK_FALSE(no_news(*cat, *cat->find_season(1), now("2026-11-11T18:00:00Z")));
    const auto with_news = seasons_with_news(*cat, after);
    REQUIRE(with_news.size() == 1);
    CHECK(with_news[0]->number.value == 1);
}

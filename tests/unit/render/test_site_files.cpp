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

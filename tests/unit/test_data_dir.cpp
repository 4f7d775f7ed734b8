#include "data_dir.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace wtool;
namespace fs = std::filesystem;

TEST_CASE("finding the data folder") {
    SUBCASE("the installed layout first, then the source tree") {
        const auto candidates = data_dir_candidates("/opt/wtool/bin/wtool");
        REQUIRE(candidates.size() == 2);
        CHECK(candidates[0] == fs::path("/opt/wtool/share/wtool"));
        CHECK(candidates[1] == fs::path(WTOOL_SOURCE_DIR) / "data");
    }
    SUBCASE("without the program's path, only the source tree") {
        const auto candidates = data_dir_candidates({});
        REQUIRE(candidates.size() == 1);
        CHECK(candidates[0] == fs::path(WTOOL_SOURCE_DIR) / "data");
    }
    SUBCASE("the first existing folder wins") {
        const fs::path missing = fs::temp_directory_path() / "wtool-no-such-folder";
        CHECK(find_data_dir({missing, fs::temp_directory_path()}) == fs::temp_directory_path());
        CHECK_FALSE(find_data_dir({missing}).has_value());
    }
    SUBCASE("this test program runs from its build folder, so /proc/self/exe is known") {
        CHECK(executable_path().filename() == "wtool_unit_tests");
        CHECK(default_templates_dir("/usr/share/wtool") == fs::path("/usr/share/wtool/templates"));
    }
}

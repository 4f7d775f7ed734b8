#include "atomic_file.hpp"
#include "catalogue_loader.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace wtool;
namespace fs = std::filesystem;

namespace {
using test::TempDir;
std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}
} // namespace

TEST_CASE("atomic writes") {
    TempDir tmp;
    const fs::path file = tmp.path / "out.md";
    SUBCASE("creates, replaces, and leaves no temporary file behind") {
        CHECK(write_file_atomically(file, "one") == WriteOutcome::written);
        CHECK(read_file(file) == "one");
        CHECK(write_file_atomically(file, "two") == WriteOutcome::written);
        CHECK(read_file(file) == "two");
        CHECK(entries(tmp.path) == 1);
    }
    SUBCASE("unchanged content is not rewritten when asked") {
        REQUIRE(write_file_atomically(file, "same"));
        AtomicWriteOptions opts;
        opts.skip_if_unchanged = true;
        CHECK(write_file_atomically(file, "same", opts) == WriteOutcome::unchanged);
        CHECK(write_file_atomically(file, "other", opts) == WriteOutcome::written);
    }
    SUBCASE("an existing file keeps its permissions") {
        REQUIRE(write_file_atomically(file, "x"));
        fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
        REQUIRE(write_file_atomically(file, "y"));
        CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    }
    SUBCASE("parents are created only when asked") {
        const fs::path deep = tmp.path / "a" / "b" / "c.md";
        CHECK_FALSE(write_file_atomically(deep, "x"));
        AtomicWriteOptions opts;
        opts.create_parents = true;
        CHECK(write_file_atomically(deep, "x", opts) == WriteOutcome::written);
    }
    SUBCASE("the hook before the rename sees the old file and the finished temporary one") {
        REQUIRE(write_file_atomically(file, "old"));
        AtomicWriteOptions opts;
        int calls = 0;
        opts.before_rename = [&] {
            ++calls;
            CHECK(read_file(file) == "old");
            CHECK(entries(tmp.path) == 2);
        };
        CHECK(write_file_atomically(file, "new", opts) == WriteOutcome::written);
        CHECK(calls == 1);
        CHECK(read_file(file) == "new");
    }
    SUBCASE("keep_existing never replaces a file, and creates a new one") {
        AtomicWriteOptions opts;
        opts.keep_existing = true;
        CHECK(write_file_atomically(file, "first", opts) == WriteOutcome::written);
        const auto again = write_file_atomically(file, "second", opts);
        REQUIRE_FALSE(again);
        CHECK(again.error() == "'" + file.string() + "' already exists");
        CHECK(read_file(file) == "first");
        CHECK(entries(tmp.path) == 1);
    }
    SUBCASE("a failure names the file and leaves the folder clean") {
        const auto r = write_file_atomically(tmp.path / "missing" / "x.md", "x");
        REQUIRE_FALSE(r);
        CHECK(r.error().find("cannot write '") == 0);
        CHECK(entries(tmp.path) == 0);
    }
}

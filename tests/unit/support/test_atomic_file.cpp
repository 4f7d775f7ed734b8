#include "catalogue/catalogue_loader.hpp"
#include "support/atomic_file.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace wtool;
namespace fs = std::filesystem;

namespace {
using test::TempDir;
std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

void touch(const fs::path& file, std::string_view content = "partial") {
    std::ofstream(file) << content;
}

// The pid of a process that has ended (a child that exited at once and was reaped).
pid_t ended_pid() {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
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

TEST_CASE("temporary files are named after the file and the writing process") {
    TempDir tmp;
    const fs::path file = tmp.path / "episodes.toml";
    AtomicWriteOptions opts;
    std::vector<std::string> seen;
    opts.before_rename = [&] { seen = names_in(tmp.path); };
    REQUIRE(write_file_atomically(file, "x", opts));
    REQUIRE(seen.size() == 1);
    const std::string prefix = ".episodes.toml.wtool-tmp." + std::to_string(::getpid()) + ".";
    CHECK(seen[0].starts_with(prefix));
    CHECK(seen[0].size() == prefix.size() + 6);

    SUBCASE("a very long name is cut so that the temporary name stays a valid file name") {
        const fs::path long_file = tmp.path / (std::string(250, 'n') + ".md");
        CHECK(write_file_atomically(long_file, "y") == WriteOutcome::written);
        CHECK(read_file(long_file) == "y");
    }
}

TEST_CASE("writes go through symbolic links") {
    TempDir tmp;
    fs::create_directory(tmp.path / "real");
    const fs::path target = tmp.path / "real" / "state.json";
    touch(target, "old");
    const fs::path link = tmp.path / "state.json";
    fs::create_symlink("real/state.json", link); // relative: read from the link's folder
    SUBCASE("the link stays a link and its target gets the content") {
        CHECK(write_file_atomically(link, "new") == WriteOutcome::written);
        CHECK(fs::is_symlink(link));
        CHECK(fs::read_symlink(link) == "real/state.json");
        CHECK(read_file(target) == "new");
        CHECK(names_in(tmp.path / "real") == std::vector<std::string>{"state.json"});
        CHECK(write_target(link) == tmp.path / "real/state.json");
    }
    SUBCASE("through a chain of links") {
        const fs::path outer = tmp.path / "outer.json";
        fs::create_symlink(link, outer);
        CHECK(write_file_atomically(outer, "chained") == WriteOutcome::written);
        CHECK(fs::is_symlink(outer));
        CHECK(fs::is_symlink(link));
        CHECK(read_file(target) == "chained");
    }
    SUBCASE("a dangling link creates its target") {
        fs::remove(target);
        CHECK(write_file_atomically(link, "created") == WriteOutcome::written);
        CHECK(fs::is_symlink(link));
        CHECK(read_file(target) == "created");
    }
    SUBCASE("a loop of links is an error, and nothing is written") {
        fs::create_symlink("b", tmp.path / "a");
        fs::create_symlink("a", tmp.path / "b");
        const auto r = write_file_atomically(tmp.path / "a", "x");
        REQUIRE_FALSE(r);
        CHECK(r.error() ==
              "cannot write '" + (tmp.path / "a").string() + "': more than 40 symbolic links in a row (a loop?)");
        CHECK(fs::is_symlink(tmp.path / "a"));
    }
    SUBCASE("a file that is not a link is its own target") {
        CHECK(write_target(target) == target);
        CHECK(write_target(tmp.path / "missing") == tmp.path / "missing");
    }
}

TEST_CASE("a read-only file is not replaced") {
    TempDir tmp;
    const fs::path file = tmp.path / "episodes.toml";
    touch(file, "old");
    fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const std::string refusal = "'" + file.string() + "' is read-only (mode 0444): refusing to replace it; make it " +
                                "writable (chmod u+w '" + file.string() + "') if it should change";
    SUBCASE("refused with the reason, file untouched, no temporary file") {
        const auto r = write_file_atomically(file, "new");
        REQUIRE_FALSE(r);
        CHECK(r.error() == refusal);
        CHECK(read_file(file) == "old");
        CHECK(entries(tmp.path) == 1);
        CHECK(check_replaceable(file).error() == refusal);
    }
    SUBCASE("through a link, which the message names") {
        const fs::path link = tmp.path / "link.toml";
        fs::create_symlink(file, link);
        const auto r = write_file_atomically(link, "new");
        REQUIRE_FALSE(r);
        CHECK(r.error().starts_with("'" + link.string() + "' is read-only (mode 0444)"));
    }
    SUBCASE("unchanged content needs no write, so it is no refusal") {
        AtomicWriteOptions opts;
        opts.skip_if_unchanged = true;
        CHECK(write_file_atomically(file, "old", opts) == WriteOutcome::unchanged);
    }
    SUBCASE("a writable file, or a missing one, may be replaced") {
        fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
        CHECK(check_replaceable(file));
        CHECK(check_replaceable(tmp.path / "missing.toml"));
        CHECK(write_file_atomically(file, "new") == WriteOutcome::written);
    }
}

TEST_CASE("stale temporary files of interrupted writes are removed") {
    TempDir tmp;
    const fs::path file = tmp.path / "episodes.toml";
    touch(file, "catalogue");
    const std::string dead = ".episodes.toml.wtool-tmp." + std::to_string(ended_pid()) + ".AbC123";
    const std::string live = ".episodes.toml.wtool-tmp." + std::to_string(::getpid()) + ".XyZ789";
    const std::string parent = ".episodes.toml.wtool-tmp." + std::to_string(::getppid()) + ".Qq0000";
    const std::vector<std::string> kept = {
        ".episodes.toml.lock",
        ".episodes.toml.Ab12Cd",                    // an older wtool's name: not recognisably wtool's
        ".episodes.toml.wtool-tmp.notapid.AbC123",  // not a pid
        ".episodes.toml.wtool-tmp.1.AbC12",         // five characters, not six
        ".other.toml.wtool-tmp.999999999.AbC123",   // another file's
        "episodes.toml.wtool-tmp.999999999.AbC123", // no leading dot
    };
    for (const std::string& name : kept) {
        touch(tmp.path / name);
    }
    touch(tmp.path / dead);
    touch(tmp.path / live);
    touch(tmp.path / parent);

    const auto removed = remove_stale_temporary_files(file);
    CHECK(removed == std::vector<fs::path>{tmp.path / dead});
    CHECK_FALSE(fs::exists(tmp.path / dead));
    CHECK(fs::exists(tmp.path / live));   // this process is running
    CHECK(fs::exists(tmp.path / parent)); // and so is its parent
    for (const std::string& name : kept) {
        CHECK_MESSAGE(fs::exists(tmp.path / name), name);
    }
    CHECK(read_file(file) == "catalogue");
    CHECK(remove_stale_temporary_files(file).empty()); // nothing left to remove

    SUBCASE("through a link: next to the file it leads to") {
        fs::create_directory(tmp.path / "elsewhere");
        const fs::path real = tmp.path / "elsewhere" / "real.toml";
        touch(real);
        const fs::path link = tmp.path / "link.toml";
        fs::create_symlink(real, link);
        const fs::path stale =
            tmp.path / "elsewhere" / (".real.toml.wtool-tmp." + std::to_string(ended_pid()) + ".AAAAAA");
        touch(stale);
        CHECK(remove_stale_temporary_files(link) == std::vector<fs::path>{stale});
    }
}

TEST_CASE("a file this user may not write is not replaced") {
    if (::geteuid() != 0) {
        MESSAGE("skipped: needs root, to check as another user (uid 65534) a file root owns");
        return;
    }
    TempDir tmp;
    fs::permissions(tmp.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
    const fs::path file = tmp.path / "episodes.toml";
    touch(file, "root's");
    fs::permissions(file,
                    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    const std::string expected =
        "'" + file.string() + "' is not writable by you (mode 0644, owned by another user): refusing to replace it";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) { // as another user: no doctest checks here, only the exit status
        if (::setegid(65534) != 0 || ::seteuid(65534) != 0) {
            ::_exit(3);
        }
        const auto r = check_replaceable(file);
        ::_exit(r ? 1 : r.error() == expected ? 0 : 2);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0); // 1: allowed, 2: another message, 3: could not change user
    CHECK(check_replaceable(file));  // root may
}

#include "support/file_lock.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

using namespace wtool;
namespace fs = std::filesystem;

namespace {
using test::TempDir;
} // namespace

TEST_CASE("advisory file locks") {
    TempDir tmp;
    const fs::path lock_file = lock_file_for(tmp.path / "episodes.toml");
    SUBCASE("the lock file sits next to the file, hidden") {
        CHECK(lock_file == tmp.path / ".episodes.toml.lock");
        CHECK(lock_file_for("episodes.toml") == ".episodes.toml.lock");
    }
    SUBCASE("a held lock makes others wait, then fail as busy; releasing lets them in") {
        auto first = FileLock::acquire(lock_file);
        REQUIRE(first);
        CHECK(fs::exists(lock_file));
        int waits = 0;
        LockWait wait{.timeout = std::chrono::milliseconds{30}, .interval = std::chrono::milliseconds{10}};
        wait.on_wait = [&] { ++waits; };
        auto second = FileLock::acquire(lock_file, wait);
        REQUIRE_FALSE(second);
        CHECK(second.error().kind == LockFailure::Kind::busy);
        CHECK(waits == 1);
        {
            FileLock moved = std::move(*first); // moving keeps the lock
            CHECK_FALSE(FileLock::acquire(lock_file, {.timeout = std::chrono::milliseconds{0}}));
        }
        CHECK(FileLock::acquire(lock_file, {.timeout = std::chrono::milliseconds{0}}));
        CHECK(fs::exists(lock_file)); // never deleted
    }
    SUBCASE("a lock file that cannot be created") {
        auto r = FileLock::acquire(tmp.path / "missing" / ".x.lock");
        REQUIRE_FALSE(r);
        CHECK(r.error().kind == LockFailure::Kind::failed);
        CHECK(r.error().message.starts_with("cannot open lock file '"));
    }
}

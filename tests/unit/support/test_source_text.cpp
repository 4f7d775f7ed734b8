#include "support/source_text.hpp"
#include "temp_dir.hpp"

#include <array>
#include <csignal>
#include <doctest/doctest.h>
#include <fstream>
#include <optional>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace wtool;

namespace {

void write(const std::filesystem::path& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
}

} // namespace

TEST_CASE("source text: a string it owns, shared by its copies") {
    std::optional<SourceText> original(SourceText(std::string(100, 'x')));
    CHECK(original->view() == std::string(100, 'x'));
    CHECK_FALSE(original->mapped());
    const SourceText copy = *original;
    CHECK(copy.view().data() == original->view().data()); // the same bytes, not a copy
    const std::string_view seen = copy;
    original.reset(); // AddressSanitizer would see the bytes freed here
    CHECK(seen == std::string(100, 'x'));
    SourceText moved = SourceText(std::string("short")); // even a small string keeps its place
    const char* const before = moved.view().data();
    const SourceText after = std::move(moved);
    CHECK(after.view().data() == before);
    CHECK(moved.view().empty()); // NOLINT(bugprone-use-after-move): empty, not a view it does not keep
    CHECK(SourceText().view().empty());
}

TEST_CASE("source text: small files are read, large regular files are mapped") {
    const test::TempDir dir;
    const std::string bytes = std::string("a = \"x\"\n") + std::string(1, '\0') + std::string(20000, 'z');
    write(dir.path / "c.toml", bytes);

    const auto read = SourceText::load(dir.path / "c.toml");
    REQUIRE(read);
    CHECK_FALSE(read->mapped()); // below SourceText::map_threshold
    CHECK(read->view() == bytes);

    std::optional<SourceText> mapped(*SourceText::load(dir.path / "c.toml", 1));
    CHECK(mapped->mapped());
    CHECK(mapped->view() == bytes);

    // Replacing the file the way wtool writes (a new file renamed over it) leaves the mapping
    // with the text it read.
    write(dir.path / "new.toml", "b = 1\n");
    std::filesystem::rename(dir.path / "new.toml", dir.path / "c.toml");
    CHECK(mapped->view() == bytes);
    const SourceText copy = *mapped;
    mapped.reset();
    CHECK(copy.view() == bytes); // the mapping lives while a copy does

    write(dir.path / "empty.toml", "");
    const auto empty = SourceText::load(dir.path / "empty.toml", 0);
    REQUIRE(empty);
    CHECK_FALSE(empty->mapped()); // nothing to map
    CHECK(empty->view().empty());

    const auto fifo = dir.path / "pipe"; // not a regular file: read, even above the threshold
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] { write(fifo, bytes); });
    const auto piped = SourceText::load(fifo, 0);
    writer.join();
    REQUIRE(piped);
    CHECK_FALSE(piped->mapped());
    CHECK(piped->view() == bytes);

    CHECK(SourceText::load(dir.path / "missing.toml").error() == "No such file or directory");
    CHECK(SourceText::load(dir.path, 0).error() == "is a directory");
}

namespace {

// How a child process ended, and what it wrote on standard error.
struct ChildEnd {
    int status = 0;
    std::string err;
};

// Runs `body` in a forked child whose standard error is collected and which dumps no core;
// the child ends with status 99 if `body` returns.
template <class Body> ChildEnd run_in_child(Body body) {
    std::array<int, 2> err{};
    REQUIRE(::pipe(err.data()) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::dup2(err[1], STDERR_FILENO);
        const rlimit no_core{0, 0};
        ::setrlimit(RLIMIT_CORE, &no_core);
        body();
        ::_exit(99);
    }
    ::close(err[1]);
    ChildEnd end;
    std::array<char, 256> buffer{};
    for (ssize_t n; (n = ::read(err[0], buffer.data(), buffer.size())) > 0;) {
        end.err.append(buffer.data(), static_cast<std::size_t>(n));
    }
    ::close(err[0]);
    REQUIRE(::waitpid(child, &end.status, 0) == child);
    return end;
}

} // namespace

TEST_CASE("source text: a mapped file cut short under wtool ends with a message, not a crash") {
    const test::TempDir dir;
    const auto path = dir.path / "c.toml";
    write(path, std::string(3 * 65536, 'x'));
    const ChildEnd end = run_in_child([&] {
        install_mapped_file_guard();
        const auto text = SourceText::load(path, 1);
        if (!text || !text->mapped()) {
            ::_exit(10);
        }
        std::filesystem::resize_file(path, 0);          // another program truncates the file
        const volatile char last = text->view().back(); // SIGBUS: the page is gone
        ::_exit(last == 'x' ? 11 : 12);                 // not reached when the guard works
    });
    REQUIRE(WIFEXITED(end.status));
    CHECK(WEXITSTATUS(end.status) == 2);
    CHECK(end.err == "wtool: a file shrank while it was being read (another program changed it); run the command "
                     "again\n");
}

TEST_CASE("source text: a SIGBUS that is not a mapped file's keeps its default action") {
    const ChildEnd end = run_in_child([] {
        install_mapped_file_guard();
        ::raise(SIGBUS); // the default action ends the process
    });
    REQUIRE(WIFSIGNALED(end.status));
    CHECK(WTERMSIG(end.status) == SIGBUS);
    CHECK(end.err.empty());
}

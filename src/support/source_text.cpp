#include "support/source_text.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wtool {

namespace {

// A file descriptor closed on every path out.
struct Descriptor {
    int fd = -1;
    explicit Descriptor(int descriptor) : fd(descriptor) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

// The address ranges of the mapped files, for the SIGBUS guard: a fixed table of lock-free
// atomics, which a signal handler may read. A slot is free when its `begin` is 0.
struct Mapping {
    std::atomic<std::uintptr_t> begin{0};
    std::atomic<std::uintptr_t> end{0};
};
static_assert(std::atomic<std::uintptr_t>::is_always_lock_free);
std::array<Mapping, 16> mappings; // more files mapped at once are read instead

bool remember_mapping(const void* data, std::size_t size) {
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    for (Mapping& m : mappings) {
        std::uintptr_t free = 0;
        if (m.begin.compare_exchange_strong(free, begin)) {
            m.end.store(begin + size);
            return true;
        }
    }
    return false;
}

void forget_mapping(const void* data) {
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    for (Mapping& m : mappings) {
        if (m.begin.load() == begin) {
            m.end.store(0);
            m.begin.store(0);
            return;
        }
    }
}

bool in_mapping(std::uintptr_t address) {
    for (const Mapping& m : mappings) {
        const std::uintptr_t begin = m.begin.load();
        if (begin != 0 && address >= begin && address < m.end.load()) {
            return true;
        }
    }
    return false;
}

} // namespace

std::expected<SourceText, std::string> SourceText::load(const std::filesystem::path& path, std::size_t map_at_least) {
    // Only a regular file is opened here: opening a pipe twice would wait for a second writer.
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) >= map_at_least && !ec) {
        // O_NONBLOCK: should the path have become a pipe meanwhile, open() must not wait for a
        // writer (fstat then sends it to read_file below).
        const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
        struct stat st {};
        if (file.fd >= 0 && ::fstat(file.fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            const auto size = static_cast<std::size_t>(st.st_size);
            // MAP_POPULATE maps the file's cached pages at once instead of one fault at a time.
            void* const data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, file.fd, 0);
            if (data != MAP_FAILED && !remember_mapping(data, size)) {
                ::munmap(data, size);
            } else if (data != MAP_FAILED) {
                SourceText text;
                const std::shared_ptr<const void> mapping(data, [size](const void* p) {
                    forget_mapping(p);
                    ::munmap(const_cast<void*>(p), size);
                });
                text.text_ = TextValue(mapping, std::string_view(static_cast<const char*>(data), size));
                text.mapped_ = true;
                return text;
            }
        }
        // Replaced meanwhile, on a file system that cannot map, or too many files mapped at once:
        // read it instead.
    }
    auto content = read_file(path);
    if (!content) {
        return std::unexpected(std::move(content.error()));
    }
    return SourceText(std::move(*content));
}

namespace {

void on_sigbus(int signal, siginfo_t* info, void* /*context*/) {
    // Only async-signal-safe calls here: write(2), _exit(2), signal(2), raise(3).
    if (info != nullptr && in_mapping(reinterpret_cast<std::uintptr_t>(info->si_addr))) {
        static constexpr char message[] =
            "wtool: a file shrank while it was being read (another program changed it); run the command again\n";
        [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
        ::_exit(2);
    }
    // Not a mapped file's: what SIGBUS does without the guard (the process ends with a core dump).
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

} // namespace

void install_mapped_file_guard() {
    struct sigaction action {};
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, nullptr);
}

std::expected<std::string, std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::unexpected(std::string(std::strerror(errno)));
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return std::unexpected(std::string("is a directory"));
    }
    std::string content;
    if (const auto size = std::filesystem::file_size(path, ec); !ec) {
        // A regular file: read in one go, into a string neither grown nor zero-filled first.
        content.resize_and_overwrite(size, [&in](char* data, std::size_t n) {
            in.read(data, static_cast<std::streamsize>(n));
            return static_cast<std::size_t>(in.gcount());
        });
    }
    std::array<char, 65536> chunk{}; // what has no size (a pipe), or what was added meanwhile
    while (in.read(chunk.data(), chunk.size()), in.gcount() > 0) {
        content.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
        return std::unexpected(std::string(std::strerror(errno)));
    }
    return content;
}

} // namespace wtool

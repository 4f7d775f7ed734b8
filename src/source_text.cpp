#include "source_text.hpp"

#include "catalogue_loader.hpp"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
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

} // namespace

SourceText::SourceText(std::string text) {
    auto owned = std::make_shared<const std::string>(std::move(text));
    view_ = *owned;
    keeper_ = std::move(owned);
}

std::expected<SourceText, std::string> SourceText::load(const std::filesystem::path& path, std::size_t map_at_least) {
    // Only a regular file is opened here: opening a pipe twice would wait for a second writer.
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) >= map_at_least && !ec) {
        const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        struct stat st {};
        if (file.fd >= 0 && ::fstat(file.fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            const auto size = static_cast<std::size_t>(st.st_size);
            // MAP_POPULATE maps the file's cached pages at once instead of one fault at a time.
            void* const data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, file.fd, 0);
            if (data != MAP_FAILED) {
                SourceText text;
                text.keeper_ =
                    std::shared_ptr<const void>(data, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
                text.view_ = std::string_view(static_cast<const char*>(data), size);
                text.mapped_ = true;
                return text;
            }
        }
        // Replaced meanwhile, or on a file system that cannot map: read it instead.
    }
    auto content = read_file(path);
    if (!content) {
        return std::unexpected(std::move(content.error()));
    }
    return SourceText(std::move(*content));
}

TextValue SourceText::share(std::string_view part) const {
    const auto begin = reinterpret_cast<std::uintptr_t>(view_.data());
    const auto at = reinterpret_cast<std::uintptr_t>(part.data());
    if (keeper_ && at >= begin && at + part.size() <= begin + view_.size()) {
        return TextValue(keeper_, part);
    }
    return TextValue(std::string(part));
}

namespace {

void on_sigbus(int /*signal*/) {
    // Only async-signal-safe calls here: write(2) and _exit(2).
    static constexpr char message[] =
        "wtool: a file shrank while it was being read (another program changed it); run the command again\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
    ::_exit(2);
}

} // namespace

void install_mapped_file_guard() {
    struct sigaction action {};
    action.sa_handler = on_sigbus;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, nullptr);
}

} // namespace wtool

#include "atomic_file.hpp"

#include "catalogue_loader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wtool {

namespace {

std::string errno_text() {
    return std::strerror(errno);
}

// Writes all of `data` to `fd`, retrying short writes and interrupts.
bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

void sync_directory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Gives the finished temporary file its final name only if that name is free. Returns false with
// errno set (EEXIST when the name is taken).
bool publish_without_replacing(const std::string& temp, const std::filesystem::path& path) {
    if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0) {
        return true;
    }
    if (errno != EINVAL && errno != ENOSYS) {
        return false;
    }
    // The file system cannot rename without replacing: a hard link fails on an existing name too.
    if (::link(temp.c_str(), path.c_str()) != 0) {
        return false;
    }
    ::unlink(temp.c_str());
    return true;
}

} // namespace

std::expected<WriteOutcome, std::string>
write_file_atomically(const std::filesystem::path& path, std::string_view content, const AtomicWriteOptions& options) {
    const std::filesystem::path dir = path.parent_path();
    std::error_code ec;
    if (options.create_parents && !dir.empty()) {
        std::filesystem::create_directories(dir, ec);
        if (ec) {
            return std::unexpected(fmt::format("cannot create '{}': {}", dir.string(), ec.message()));
        }
    }
    struct stat existing {};
    const bool exists = ::stat(path.c_str(), &existing) == 0;
    if (exists && options.keep_existing) {
        return std::unexpected(fmt::format("'{}' already exists", path.string()));
    }
    if (exists && options.skip_if_unchanged) {
        if (auto current = read_file(path); current && *current == content) {
            return WriteOutcome::unchanged;
        }
    }

    // Built step by step: `"." + std::string` trips GCC 12's -Wrestrict false positive at -O3.
    std::string temp_name = ".";
    temp_name += path.filename().string();
    temp_name += ".XXXXXX";
    std::string temp = ((dir.empty() ? std::filesystem::path(".") : dir) / temp_name).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) {
        return std::unexpected(fmt::format("cannot write '{}': {}", path.string(), errno_text()));
    }
    const auto fail = [&](std::string what) -> std::expected<WriteOutcome, std::string> {
        ::close(fd);
        ::unlink(temp.c_str());
        return std::unexpected(fmt::format("cannot write '{}': {}", path.string(), what));
    };
    const mode_t mode = exists ? (existing.st_mode & 07777) : static_cast<mode_t>(options.new_file_perms);
    if (::fchmod(fd, mode) != 0) {
        return fail(errno_text());
    }
    if (!write_all(fd, content)) {
        return fail(errno_text());
    }
    if (::fsync(fd) != 0) {
        return fail(errno_text());
    }
    if (::close(fd) != 0) {
        ::unlink(temp.c_str());
        return std::unexpected(fmt::format("cannot write '{}': {}", path.string(), errno_text()));
    }
    if (options.before_rename) {
        options.before_rename();
    }
    if (options.keep_existing) {
        if (!publish_without_replacing(temp, path)) {
            const bool taken = errno == EEXIST;
            const std::string why = errno_text();
            ::unlink(temp.c_str());
            return std::unexpected(taken ? fmt::format("'{}' already exists", path.string())
                                         : fmt::format("cannot write '{}': {}", path.string(), why));
        }
    } else if (::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = errno_text();
        ::unlink(temp.c_str());
        return std::unexpected(fmt::format("cannot write '{}': {}", path.string(), why));
    }
    sync_directory(dir);
    return WriteOutcome::written;
}

} // namespace wtool

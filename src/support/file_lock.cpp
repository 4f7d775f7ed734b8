#include "support/file_lock.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace wtool {

std::expected<FileLock, LockFailure> FileLock::acquire(const std::filesystem::path& lock_file, const LockWait& wait) {
    const int fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        return std::unexpected(
            LockFailure{LockFailure::Kind::failed,
                        fmt::format("cannot open lock file '{}': {}", lock_file.string(), std::strerror(errno))});
    }
    std::chrono::milliseconds waited{0};
    bool reported = false;
    while (true) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            return FileLock(fd);
        }
        const int error = errno;
        if (error == EINTR) {
            continue;
        }
        if (error != EWOULDBLOCK) {
            ::close(fd);
            return std::unexpected(
                LockFailure{LockFailure::Kind::failed,
                            fmt::format("cannot lock '{}': {}", lock_file.string(), std::strerror(error))});
        }
        if (waited >= wait.timeout) {
            ::close(fd);
            return std::unexpected(LockFailure{LockFailure::Kind::busy,
                                               fmt::format("'{}' is held by another process", lock_file.string())});
        }
        if (!reported && wait.on_wait) {
            wait.on_wait();
        }
        reported = true;
        const auto pause = std::min(std::max(wait.interval, std::chrono::milliseconds{1}), wait.timeout - waited);
        std::this_thread::sleep_for(pause);
        waited += pause;
    }
}

FileLock::FileLock(FileLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

FileLock::~FileLock() {
    if (fd_ >= 0) {
        ::close(fd_); // closing the last descriptor releases the flock
    }
}

std::filesystem::path lock_file_for(const std::filesystem::path& file) {
    return file.parent_path() / ("." + file.filename().string() + ".lock");
}

} // namespace wtool

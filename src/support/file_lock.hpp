// An advisory lock that serialises the runs of wtool that change one file. The lock is an
// flock(2) on a separate lock file next to the protected file, not on the file itself: writes
// replace the file by renaming a new one over it (atomic_file.hpp), which gives it a new inode,
// so a lock held on the old inode would not stop a run that opened the new one.
//
// The lock file is created when needed and never deleted (deleting it would let two runs lock
// two different inodes). The kernel releases the lock when its holder exits or dies, so a
// crashed run never leaves the file locked. Only cooperating processes honour the lock.
#pragma once

#include <chrono>
#include <expected>
#include <filesystem>
#include <functional>
#include <string>

namespace wtool {

struct LockFailure {
    enum class Kind {
        busy,   // another process held the lock for the whole wait
        failed, // the lock file could not be opened or locked
    };
    Kind kind = Kind::failed;
    std::string message;
};

struct LockWait {
    std::chrono::milliseconds timeout{30'000}; // how long to keep trying; 0: try once
    std::chrono::milliseconds interval{50};    // pause between tries
    std::function<void()> on_wait{};           // called once, when the first try finds it busy
};

class FileLock {
  public:
    // Takes an exclusive lock on `lock_file` (created, mode 0666 less the umask, if missing),
    // retrying while another process holds it, up to `wait.timeout`.
    static std::expected<FileLock, LockFailure> acquire(const std::filesystem::path& lock_file,
                                                        const LockWait& wait = {});

    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock(); // releases the lock

  private:
    explicit FileLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

// The lock file that guards `file`: ".<name>.lock" in the same folder.
std::filesystem::path lock_file_for(const std::filesystem::path& file);

} // namespace wtool

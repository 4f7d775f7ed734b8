#include "support/atomic_file.hpp"

#include "support/source_text.hpp"

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <limits>
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

constexpr std::string_view temp_marker = ".wtool-tmp.";
constexpr int max_links = 40; // as Linux's own limit on a path's symbolic links (MAXSYMLINKS)

// ".<name>.wtool-tmp.": the start of every temporary file's name for the file `name`. A long name
// is cut (at a character boundary) so that the whole temporary name, with the pid and mkstemp's
// six characters, stays within the 255 bytes a file name may have.
std::string temp_prefix(const std::string& name) {
    constexpr std::size_t name_max = 255;
    constexpr std::size_t pid_digits = 10; // the most an int has
    std::size_t room = name_max - 1 - temp_marker.size() - pid_digits - 1 - 6;
    if (name.size() > room) {
        while (room > 0 && (static_cast<unsigned char>(name[room]) & 0xC0) == 0x80) {
            --room; // do not cut a UTF-8 sequence
        }
    } else {
        room = name.size();
    }
    std::string prefix = "."; // built step by step: `"." + std::string` trips GCC 12's -Wrestrict at -O3
    prefix.append(name, 0, room);
    prefix += temp_marker;
    return prefix;
}

// The pid in a temporary file's name after its prefix: "<pid>.<6 letters or digits>", else nothing.
std::optional<pid_t> temp_file_pid(std::string_view rest) {
    const std::size_t dot = rest.find('.');
    if (dot == 0 || dot == std::string_view::npos || dot > 10 || rest.size() - dot - 1 != 6) {
        return std::nullopt;
    }
    for (const char c : rest.substr(dot + 1)) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
            return std::nullopt;
        }
    }
    long long pid = 0;
    for (const char c : rest.substr(0, dot)) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        pid = pid * 10 + (c - '0');
    }
    if (pid <= 0 || pid > std::numeric_limits<pid_t>::max()) {
        return std::nullopt;
    }
    return static_cast<pid_t>(pid);
}

// Whether a process with this pid exists (a zombie, or one of another user, counts as running).
bool process_running(pid_t pid) {
    return ::kill(pid, 0) == 0 || errno == EPERM;
}

// check_replaceable for the file `target` that a write to `shown` replaces, `existing` its stat.
std::expected<void, std::string> replaceable(const std::filesystem::path& shown, const std::filesystem::path& target,
                                             const struct stat& existing) {
    if (!S_ISREG(existing.st_mode)) {
        return {};
    }
    const auto mode = static_cast<unsigned>(existing.st_mode & 07777);
    if ((mode & 0222U) == 0) {
        return std::unexpected(fmt::format("'{}' is read-only (mode {:04o}): refusing to replace it; make it writable "
                                           "(chmod u+w '{}') if it should change",
                                           shown.string(), mode, shown.string()));
    }
    if (::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) != 0 && errno == EACCES) {
        return std::unexpected(fmt::format("'{}' is not writable by you (mode {:04o}{}): refusing to replace it",
                                           shown.string(), mode,
                                           existing.st_uid == ::geteuid() ? "" : ", owned by another user"));
    }
    return {};
}

} // namespace

std::expected<WriteOutcome, std::string>
write_file_atomically(const std::filesystem::path& path, std::string_view content, const AtomicWriteOptions& options) {
    const auto resolved = write_target(path);
    if (!resolved) {
        return std::unexpected(fmt::format("cannot write '{}': {}", path.string(), resolved.error()));
    }
    const std::filesystem::path& target = *resolved;
    const std::filesystem::path dir = target.parent_path();
    std::error_code ec;
    if (options.create_parents && !dir.empty()) {
        std::filesystem::create_directories(dir, ec);
        if (ec) {
            return std::unexpected(fmt::format("cannot create '{}': {}", dir.string(), ec.message()));
        }
    }
    struct stat existing {};
    const bool exists = ::stat(target.c_str(), &existing) == 0;
    if (exists && options.keep_existing) {
        return std::unexpected(fmt::format("'{}' already exists", path.string()));
    }
    if (exists && options.skip_if_unchanged) {
        if (auto current = read_file(target); current && *current == content) {
            return WriteOutcome::unchanged;
        }
    }
    if (exists) {
        if (auto allowed = replaceable(path, target, existing); !allowed) {
            return std::unexpected(allowed.error());
        }
    }

    std::string temp_name = temp_prefix(target.filename().string());
    temp_name += std::to_string(::getpid());
    temp_name += ".XXXXXX";
    std::string temp = ((dir.empty() ? std::filesystem::path(".") : dir) / temp_name).string();
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
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
        if (!publish_without_replacing(temp, target)) {
            const bool taken = errno == EEXIST;
            const std::string why = errno_text();
            ::unlink(temp.c_str());
            return std::unexpected(taken ? fmt::format("'{}' already exists", path.string())
                                         : fmt::format("cannot write '{}': {}", path.string(), why));
        }
    } else if (::rename(temp.c_str(), target.c_str()) != 0) {
        const std::string why = errno_text();
        ::unlink(temp.c_str());
        return std::unexpected(fmt::format("cannot write '{}': {}", path.string(), why));
    }
    sync_directory(dir);
    return WriteOutcome::written;
}

std::expected<std::filesystem::path, std::string> write_target(const std::filesystem::path& path) {
    std::filesystem::path current = path;
    for (int links = 0; links <= max_links; ++links) {
        std::error_code ec;
        if (!std::filesystem::is_symlink(current, ec)) {
            return current; // a file, a folder, nothing, or what the write itself will report
        }
        const std::filesystem::path next = std::filesystem::read_symlink(current, ec);
        if (ec) {
            return current;
        }
        current = next.is_absolute() ? next : current.parent_path() / next;
    }
    return std::unexpected(fmt::format("more than {} symbolic links in a row (a loop?)", max_links));
}

std::expected<void, std::string> check_replaceable(const std::filesystem::path& path) {
    const auto target = write_target(path);
    if (!target) {
        return std::unexpected(fmt::format("cannot write '{}': {}", path.string(), target.error()));
    }
    struct stat existing {};
    if (::stat(target->c_str(), &existing) != 0) {
        return {};
    }
    return replaceable(path, *target, existing);
}

std::vector<std::filesystem::path> remove_stale_temporary_files(const std::filesystem::path& path) {
    std::vector<std::filesystem::path> removed;
    const auto target = write_target(path);
    if (!target) {
        return removed;
    }
    const std::string prefix = temp_prefix(target->filename().string());
    const std::filesystem::path dir =
        target->parent_path().empty() ? std::filesystem::path(".") : target->parent_path();
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.starts_with(prefix)) {
            continue;
        }
        const auto pid = temp_file_pid(std::string_view(name).substr(prefix.size()));
        std::error_code type_ec;
        if (!pid || process_running(*pid) ||
            it->symlink_status(type_ec).type() != std::filesystem::file_type::regular) {
            continue;
        }
        const std::filesystem::path stale = target->parent_path() / name;
        if (::unlink(stale.c_str()) == 0) {
            removed.push_back(stale);
        }
    }
    return removed;
}

} // namespace wtool

#include "support/source_text.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace wtool {

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

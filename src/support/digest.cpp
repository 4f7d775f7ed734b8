#include "support/digest.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <stdexcept>

namespace wtool::digest {

namespace {

template <std::size_t N> std::array<std::uint8_t, N> evp_digest(const EVP_MD* md, std::string_view data) {
    std::array<std::uint8_t, N> out{};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &length, md, nullptr) != 1 || length != N) {
        throw std::runtime_error("the OpenSSL digest failed"); // only when OpenSSL itself is broken
    }
    return out;
}

} // namespace

Sha1 sha1(std::string_view data) {
    return evp_digest<20>(EVP_sha1(), data);
}

Sha256 sha256(std::string_view data) {
    return evp_digest<32>(EVP_sha256(), data);
}

std::string hex(std::span<const std::uint8_t> bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const std::uint8_t b : bytes) {
        out += fmt::format("{:02x}", b);
    }
    return out;
}

std::string uuid_v5(const Uuid& name_space, std::string_view name) {
    std::string input(name_space.begin(), name_space.end());
    input.append(name);
    const Sha1 h = sha1(input);
    Uuid u{};
    std::copy_n(h.begin(), u.size(), u.begin());
    u[6] = static_cast<std::uint8_t>((u[6] & 0x0F) | 0x50); // version 5
    u[8] = static_cast<std::uint8_t>((u[8] & 0x3F) | 0x80); // RFC 4122 variant
    const std::string x = hex(u);
    return fmt::format("{}-{}-{}-{}-{}", x.substr(0, 8), x.substr(8, 4), x.substr(12, 4), x.substr(16, 4),
                       x.substr(20));
}

} // namespace wtool::digest

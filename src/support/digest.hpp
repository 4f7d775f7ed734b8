// Message digests and name-based UUIDs, through OpenSSL's EVP interface (never hand-written).
// Used where wtool needs a value that is the same on every run and every machine: the UID of a
// season's calendar event and the fingerprint of what a calendar says about a season.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace wtool::digest {

using Sha1 = std::array<std::uint8_t, 20>;
using Sha256 = std::array<std::uint8_t, 32>;
using Uuid = std::array<std::uint8_t, 16>;

// SHA-1 and SHA-256 of the bytes of `data`.
Sha1 sha1(std::string_view data);
Sha256 sha256(std::string_view data);

// Lower-case hexadecimal, two digits per byte.
std::string hex(std::span<const std::uint8_t> bytes);

// The RFC 4122 (section 4.3) name space for URLs: 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
inline constexpr Uuid uuid_namespace_url = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                            0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

// The name-based (version 5, SHA-1) UUID of `name` in `name_space`, in the usual lower-case
// 8-4-4-4-12 form. Python's uuid.uuid5(name_space, name) gives the same value.
std::string uuid_v5(const Uuid& name_space, std::string_view name);

} // namespace wtool::digest

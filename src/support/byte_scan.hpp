// Finding the first byte of a kind in a text quickly: eight bytes at a time with the classic word
// tricks, then one by one. Used by the UTF-8 check and text hygiene (text.cpp) and by the TOML fast
// parser's string scan (toml_fast_parser.cpp). (Sixteen bytes at a time with SSE2 saved under 6 %
// of the CPU time of validating 10,000 talks: docs/performance.md.)
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace wtool::byte_scan {

inline constexpr std::uint64_t ones = 0x0101010101010101ULL;
inline constexpr std::uint64_t high_bits = 0x8080808080808080ULL;

// The high bit of each byte of `word` below `n` (n <= 0x80, unsigned), and perhaps of later bytes,
// into which such a byte borrows; none of the bytes before the first one below n (Bit Twiddling
// Hacks, "hasless").
constexpr std::uint64_t bytes_below(std::uint64_t word, std::uint64_t n) {
    return (word - ones * n) & ~word & high_bits;
}

// The same for the bytes equal to `byte`.
constexpr std::uint64_t bytes_equal(std::uint64_t word, unsigned char byte) {
    return bytes_below(word ^ (ones * byte), 1);
}

// The length of the longest prefix of `s` with no byte that ends it. Two tests say the same:
// `special8(word)` has, for the first byte of the word that ends the prefix, its high bit set, and
// no bit set for any byte before it; `ends_prefix(byte)`.
template <class Special8, class Ends>
std::size_t prefix_length(std::string_view s, Special8 special8, Ends ends_prefix) {
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, s.data() + i, 8);
        if (const std::uint64_t found = special8(word); found != 0) {
            if constexpr (std::endian::native == std::endian::little) { // the first byte is the lowest
                return i + static_cast<std::size_t>(std::countr_zero(found)) / 8;
            }
            break;
        }
    }
    while (i < s.size() && !ends_prefix(static_cast<unsigned char>(s[i]))) {
        ++i;
    }
    return i;
}

} // namespace wtool::byte_scan

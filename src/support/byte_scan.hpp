// Finding the first byte of a kind in a text quickly: sixteen bytes at a time with SSE2 where the
// compiler targets it (every x86-64), then eight at a time with the classic word tricks, then one
// by one. Used by the UTF-8 check and text hygiene (text.cpp) and by the TOML fast parser's string
// scan (toml_fast_parser.cpp).
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wtool::byte_scan {

#if defined(__SSE2__)
using Chunk = __m128i;
inline int movemask(Chunk c) {
    return _mm_movemask_epi8(c);
}
inline Chunk either(Chunk a, Chunk b) {
    return _mm_or_si128(a, b);
}
inline Chunk equal_to(Chunk c, char byte) {
    return _mm_cmpeq_epi8(c, _mm_set1_epi8(byte));
}
// Bytes below `byte` (1 to 0x80) as signed numbers: every non-ASCII byte is negative, so below.
inline Chunk signed_below(Chunk c, char byte) {
    return _mm_cmplt_epi8(c, _mm_set1_epi8(byte));
}
// Bytes below `byte` (1 to 0x80) as unsigned numbers: no non-ASCII byte is.
inline Chunk unsigned_below(Chunk c, char byte) {
    return _mm_cmpeq_epi8(_mm_min_epu8(c, _mm_set1_epi8(static_cast<char>(byte - 1))), c);
}
#else
struct Chunk {}; // no SSE2: prefix_length never calls the sixteen-byte test
inline int movemask(Chunk) {
    return 0;
}
inline Chunk either(Chunk, Chunk) {
    return {};
}
inline Chunk equal_to(Chunk, char) {
    return {};
}
inline Chunk signed_below(Chunk, char) {
    return {};
}
inline Chunk unsigned_below(Chunk, char) {
    return {};
}
#endif

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

// The length of the longest prefix of `s` with no byte that ends it. Three tests say the same:
// `special16(chunk)` has bit k set when byte k of the chunk ends the prefix; `special8(word)` has,
// for the first byte of the word that ends the prefix, its high bit set, and no bit set for any
// byte before it; `ends_prefix(byte)`.
template <class Special16, class Special8, class Ends>
std::size_t prefix_length(std::string_view s, [[maybe_unused]] Special16 special16, Special8 special8,
                          Ends ends_prefix) {
    std::size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= s.size(); i += 16) {
        Chunk chunk;
        std::memcpy(&chunk, s.data() + i, sizeof chunk);
        if (const int found = special16(chunk); found != 0) {
            return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(found)));
        }
    }
#endif
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

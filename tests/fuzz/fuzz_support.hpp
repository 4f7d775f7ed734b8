// What the fuzz targets share (docs/testing.md, "Fuzzing"): the moment they pretend it is, the
// size above which an input is not tried, and the input as text. Every target is deterministic,
// reads no clock and writes no file; each defines LLVMFuzzerTestOneInput, which libFuzzer calls
// (WTOOL_FUZZ builds) or replay_main.cpp calls once per file (every other build).
#pragma once

#include "time/timezone.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wtool::fuzz {

// The moment the targets run at, as the end-to-end tests pretend (--now 2026-02-01T12:00:00Z).
inline tz::Instant now() {
    return tz::Instant{date::sys_days{date::year{2026} / 2 / 1} + std::chrono::hours{12}};
}

// Inputs longer than this are not tried: a megabyte of catalogue is already far more than any
// real one needs to show a problem, and libFuzzer's speed depends on small inputs.
constexpr std::size_t max_input_bytes = 1 << 20;

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The lines of an input that packs several values (fuzz_time): line `index`, without its '\n';
// empty when there are fewer lines.
inline std::string_view line(std::string_view text, std::size_t index) {
    std::size_t begin = 0;
    for (std::size_t i = 0; i < index; ++i) {
        const std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) {
            return {};
        }
        begin = end + 1;
    }
    return text.substr(begin, text.find('\n', begin) - begin);
}

} // namespace wtool::fuzz

// The entry point of every target: 0 when the input was tried, -1 when it was refused (libFuzzer
// then leaves it out of the corpus).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

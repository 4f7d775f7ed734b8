// A catalogue's text, held for as long as anything reads it: a string read from the file or,
// for a large regular file, the file itself mapped read-only into memory (no copy, and no fresh
// memory to fault in: for 100,000 episodes, 228 MB, mapping took 35 ms where reading took 360 ms
// on the development VM; docs/performance.md). Copies share the same text, whose bytes never
// move, so views into it stay valid while any copy lives. A mapping shows what another program
// writes into the file in place (not a file renamed over it, as wtool writes): a command that
// writes the catalogue back compares the file with its own copy (AppendPlan::base_text).
#pragma once

#include "support/text_value.hpp"

#include <cstddef>
#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

namespace wtool {

// Reads a whole file as bytes. Returns the error text (strerror) on failure.
std::expected<std::string, std::string> read_file(const std::filesystem::path& path);

class SourceText {
  public:
    // Files at least this large are mapped; smaller ones (every real catalogue) are read.
    static constexpr std::size_t map_threshold = std::size_t{4} << 20;

    SourceText() = default;
    // NOLINTNEXTLINE(google-explicit-constructor): a read text is a source text
    SourceText(std::string text) : text_(std::move(text)) {}

    // Reads (or, for a regular file of `map_at_least` bytes or more, maps) a whole file. Returns
    // the error text (strerror) on failure.
    static std::expected<SourceText, std::string> load(const std::filesystem::path& path,
                                                       std::size_t map_at_least = map_threshold);

    [[nodiscard]] std::string_view view() const { return text_.view(); }
    operator std::string_view() const { return text_.view(); } // NOLINT(google-explicit-constructor)
    [[nodiscard]] bool mapped() const { return mapped_; }

    // `part` as a text of the model: a view that shares this text when `part` lies inside it,
    // else a copy.
    [[nodiscard]] TextValue share(std::string_view part) const { return text_.slice(part); }

  private:
    TextValue text_; // the string read, or the mapping (a moved-from SourceText is empty)
    bool mapped_ = false;
};

// A mapped file that another program shrinks while wtool reads it makes the next read of the
// lost bytes raise SIGBUS. This handler turns that crash into a message on standard error and
// exit status 2 (an unreadable file); any other SIGBUS keeps its default action. Called once by
// main(); the library never installs it.
void install_mapped_file_guard();

} // namespace wtool

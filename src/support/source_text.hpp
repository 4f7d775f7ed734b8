// A catalogue's text, read whole into memory and shared by the catalogue's copies: its bytes
// never move, so the model's texts can be views of it (SourceText::share) that stay valid while
// any copy lives.
#pragma once

#include "support/text_value.hpp"

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

namespace wtool {

// Reads a whole file as bytes. Returns the error text (strerror) on failure.
std::expected<std::string, std::string> read_file(const std::filesystem::path& path);

class SourceText {
  public:
    SourceText() = default;
    // NOLINTNEXTLINE(google-explicit-constructor): a read text is a source text
    SourceText(std::string text) : text_(std::move(text)) {}

    [[nodiscard]] std::string_view view() const { return text_.view(); }
    operator std::string_view() const { return text_.view(); } // NOLINT(google-explicit-constructor)

    // `part` as a text of the model: a view that shares this text when `part` lies inside it,
    // else a copy.
    [[nodiscard]] TextValue share(std::string_view part) const { return text_.slice(part); }

  private:
    TextValue text_; // the string read (a moved-from SourceText is empty)
};

} // namespace wtool

// A text of the catalogue model: a view of its characters plus a share in what holds them, so
// that a value stays valid wherever it is copied. Texts read from a file are views of the
// catalogue's source (no copy: SourceText::share); texts with escapes, and texts made by
// commands and tests, own a string. It reads like a std::string_view.
#pragma once

#include <compare>
#include <cstddef>
#include <fmt/format.h>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace wtool {

class TextValue {
  public:
    TextValue() = default;
    TextValue(const TextValue&) = default;
    TextValue& operator=(const TextValue&) = default;
    // A moved-from text is empty, like a moved-from std::string, not a view of bytes it no
    // longer keeps.
    TextValue(TextValue&& other) noexcept : keeper_(std::move(other.keeper_)), view_(std::exchange(other.view_, {})) {}
    TextValue& operator=(TextValue&& other) noexcept {
        keeper_ = std::move(other.keeper_);
        view_ = std::exchange(other.view_, {});
        return *this;
    }
    ~TextValue() = default;
    TextValue(std::string text) // NOLINT(google-explicit-constructor): a string is a text
    {
        auto owned = std::make_shared<const std::string>(std::move(text));
        view_ = *owned;
        keeper_ = std::move(owned);
    }
    TextValue(const char* text) : TextValue(std::string(text)) {} // NOLINT(google-explicit-constructor)
    // A view of `part`, whose bytes `keeper` keeps alive.
    TextValue(std::shared_ptr<const void> keeper, std::string_view part) : keeper_(std::move(keeper)), view_(part) {}

    // `part` as a text: a view that shares this text's bytes when it lies inside them, else a
    // copy.
    [[nodiscard]] TextValue slice(std::string_view part) const {
        const std::less<> before;
        if (keeper_ && !before(part.data(), view_.data()) &&
            !before(view_.data() + view_.size(), part.data() + part.size())) {
            return {keeper_, part};
        }
        return {std::string(part)};
    }

    [[nodiscard]] std::string_view view() const { return view_; }
    operator std::string_view() const { return view_; }         // NOLINT(google-explicit-constructor)
    operator std::string() const { return std::string(view_); } // NOLINT(google-explicit-constructor)
    [[nodiscard]] std::string str() const { return std::string(view_); }

    [[nodiscard]] bool empty() const { return view_.empty(); }
    [[nodiscard]] std::size_t size() const { return view_.size(); }
    [[nodiscard]] const char* data() const { return view_.data(); }
    [[nodiscard]] auto begin() const { return view_.begin(); }
    [[nodiscard]] auto end() const { return view_.end(); }
    [[nodiscard]] char front() const { return view_.front(); }
    [[nodiscard]] char back() const { return view_.back(); }
    [[nodiscard]] char operator[](std::size_t i) const { return view_[i]; }
    [[nodiscard]] std::size_t find(std::string_view s, std::size_t pos = 0) const { return view_.find(s, pos); }
    [[nodiscard]] std::size_t find(char c, std::size_t pos = 0) const { return view_.find(c, pos); }
    [[nodiscard]] std::string_view substr(std::size_t pos, std::size_t n = std::string_view::npos) const {
        return view_.substr(pos, n);
    }
    [[nodiscard]] bool starts_with(std::string_view s) const { return view_.starts_with(s); }
    [[nodiscard]] bool ends_with(std::string_view s) const { return view_.ends_with(s); }
    [[nodiscard]] bool contains(std::string_view s) const { return view_.find(s) != std::string_view::npos; }

    friend bool operator==(const TextValue& a, const TextValue& b) { return a.view_ == b.view_; }
    friend bool operator==(const TextValue& a, std::string_view b) { return a.view_ == b; }
    friend bool operator==(const TextValue& a, const char* b) { return a.view_ == b; }
    friend bool operator==(const TextValue& a, const std::string& b) { return a.view_ == b; }
    friend auto operator<=>(const TextValue& a, const TextValue& b) { return a.view_ <=> b.view_; }
    friend auto operator<=>(const TextValue& a, std::string_view b) { return a.view_ <=> b; }

    friend std::string operator+(const TextValue& a, std::string_view b) { return std::string(a.view_).append(b); }
    friend std::string operator+(std::string_view a, const TextValue& b) { return std::string(a).append(b.view_); }

  private:
    std::shared_ptr<const void> keeper_; // null only for the empty text
    std::string_view view_;
};

} // namespace wtool

template <> struct fmt::formatter<wtool::TextValue> : fmt::formatter<std::string_view> {
    auto format(const wtool::TextValue& t, fmt::format_context& ctx) const {
        return fmt::formatter<std::string_view>::format(t.view(), ctx);
    }
};

#include "catalogue/value_locator.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace wtool {

ValueLocator::ValueLocator(const LineIndex& index, SourcePos value_pos) : src_(index.source()), pos_(value_pos) {
    i_ = index.offset_of(value_pos);
    if (i_ == std::string_view::npos || i_ >= src_.size() || (src_[i_] != '"' && src_[i_] != '\'')) {
        return;
    }
    literal_ = src_[i_] == '\'';
    quote_ = src_[i_];
    multi_ = src_.substr(i_, 3) == std::string(3, quote_);
    advance(multi_ ? 3 : 1);
    if (multi_) {
        if (src_.substr(i_, 2) == "\r\n") {
            advance(2);
        } else if (i_ < src_.size() && src_[i_] == '\n') {
            advance(1);
        }
    }
    string_ = true;
}

SourcePos ValueLocator::at(std::size_t offset) {
    while (string_ && i_ < src_.size() && decoded_ < offset) {
        const char c = src_[i_];
        if (c == quote_ && (!multi_ || src_.substr(i_, 3) == std::string(3, quote_))) {
            break;
        }
        if (c == '\\' && !literal_) {
            const char e = i_ + 1 < src_.size() ? src_[i_ + 1] : '\0';
            if (e == 'u' || e == 'U') {
                const std::size_t digits = e == 'u' ? 4 : 8;
                const std::string hex(src_.substr(i_ + 2, digits));
                const auto cp = static_cast<char32_t>(std::strtoul(hex.c_str(), nullptr, 16));
                std::string enc;
                text::append_utf8(enc, cp);
                decoded_ += enc.size();
                advance(2 + digits);
            } else if (multi_ && (e == '\n' || e == ' ' || e == '\t' || e == '\r')) {
                // Line-ending backslash: skips all whitespace and newlines that follow.
                advance(1);
                while (i_ < src_.size() &&
                       (src_[i_] == ' ' || src_[i_] == '\t' || src_[i_] == '\n' || src_[i_] == '\r')) {
                    advance(1);
                }
            } else {
                decoded_ += 1;
                advance(2);
            }
            continue;
        }
        if (c == '\r' && i_ + 1 < src_.size() && src_[i_ + 1] == '\n') {
            advance(1); // CRLF reads as one newline
            continue;
        }
        const std::size_t len = text::decode_utf8(src_, i_).length;
        decoded_ += len;
        advance(len);
    }
    return pos_;
}

void ValueLocator::advance(std::size_t bytes) {
    for (std::size_t end = std::min(src_.size(), i_ + bytes); i_ < end;) {
        if (src_[i_] == '\n') {
            ++pos_.line;
            pos_.column = 1;
            ++i_;
        } else {
            i_ += text::decode_utf8(src_, i_).length;
            ++pos_.column;
        }
    }
}

SourcePos locate_in_value(std::string_view source, SourcePos value_pos, std::size_t offset) {
    return ValueLocator(LineIndex(source), value_pos).at(offset);
}

} // namespace wtool

#include "support/line_index.hpp"

#include "support/text.hpp"

#include <algorithm>

namespace wtool {

LineIndex::LineIndex(std::string_view source) : source_(source) {
    starts_.push_back(source.starts_with(text::byte_order_mark) ? text::byte_order_mark.size() : 0);
    for (std::size_t nl = source.find('\n'); nl != std::string_view::npos; nl = source.find('\n', nl + 1)) {
        starts_.push_back(nl + 1);
    }
}

std::size_t LineIndex::offset_of(SourcePos pos) const {
    if (pos.line == 0 || pos.line > starts_.size()) {
        return std::string_view::npos;
    }
    std::size_t i = starts_[pos.line - 1];
    for (std::uint32_t col = 1; col < pos.column && i < source_.size() && source_[i] != '\n'; ++col) {
        i += text::decode_utf8(source_, i).length;
    }
    return std::min(i, source_.size());
}

SourcePos LineIndex::position_at(std::size_t offset) const {
    offset = std::clamp(offset, starts_.front(), source_.size());
    // The last line start at or before the offset; the first is at or before it.
    const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::size_t>(after - starts_.begin());
    const std::size_t begin = starts_[line - 1];
    const auto column = text::count_code_points(source_.substr(begin, offset - begin)) + 1;
    return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column)};
}

std::string_view LineIndex::line(std::uint32_t line) const {
    if (line == 0 || line > starts_.size()) {
        return {};
    }
    const std::size_t begin = starts_[line - 1];
    const std::size_t end = line < starts_.size() ? starts_[line] - 1 : source_.size();
    std::string_view text = source_.substr(begin, end - begin);
    if (!text.empty() && text.back() == '\r') {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace wtool

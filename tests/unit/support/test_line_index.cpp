#include "support/line_index.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace wtool;

namespace {

// The obvious way, scanning from the top for every question: what the index must agree with.
SourcePos naive_position(std::string_view s, std::size_t offset) {
    SourcePos pos{1, 1};
    for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
        if (s[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) { // not a continuation byte
            ++pos.column;
        }
    }
    return pos;
}

} // namespace

TEST_CASE("line index: offsets to positions and back") {
    const std::string_view src = "ab\ncdé f\r\n\n👀x\nlast";
    const LineIndex lines(src);
    CHECK(lines.line_count() == 5);

    SUBCASE("positions count code points, not bytes") {
        CHECK(lines.position_at(0) == SourcePos{1, 1});
        CHECK(lines.position_at(2) == SourcePos{1, 3}); // the '\n' ends line 1
        CHECK(lines.position_at(3) == SourcePos{2, 1});
        CHECK(lines.position_at(8) == SourcePos{2, 5}); // é (two bytes) is one column
        CHECK(lines.position_at(11) == SourcePos{3, 1});
        CHECK(lines.position_at(16) == SourcePos{4, 2}); // 👀 (four bytes) is one column
        CHECK(lines.position_at(src.size()) == SourcePos{5, 5});
        CHECK(lines.position_at(src.size() + 100) == SourcePos{5, 5}); // clamped
    }
    SUBCASE("offsets of positions") {
        CHECK(lines.offset_of({1, 1}) == 0);
        CHECK(lines.offset_of({2, 5}) == 8);
        CHECK(lines.offset_of({4, 2}) == 16);
        CHECK(lines.offset_of({2, 99}) == 10);                    // beyond the line: its "\n" ("\r" counts as text)
        CHECK(lines.offset_of({5, 99}) == src.size());            // beyond the last line: the end of the text
        CHECK(lines.offset_of({0, 0}) == std::string_view::npos); // unknown
        CHECK(lines.offset_of({6, 1}) == std::string_view::npos); // no such line
    }
    SUBCASE("lines without their endings") {
        CHECK(lines.line(1) == "ab");
        CHECK(lines.line(2) == "cdé f"); // "\r\n" dropped
        CHECK(lines.line(3).empty());
        CHECK(lines.line(4) == "👀x");
        CHECK(lines.line(5) == "last");
        CHECK(lines.line(0).empty());
        CHECK(lines.line(6).empty());
    }
    SUBCASE("empty text and a text ending in a newline") {
        const LineIndex none("");
        CHECK(none.line_count() == 1);
        CHECK(none.position_at(0) == SourcePos{1, 1});
        CHECK(none.offset_of({1, 1}) == 0);
        const LineIndex ending("a\n");
        CHECK(ending.line_count() == 2);
        CHECK(ending.position_at(2) == SourcePos{2, 1});
        CHECK(ending.line(2).empty());
    }
}

TEST_CASE("line index: agrees with a scan from the top at every character") {
    std::string src;
    for (int i = 0; i < 40; ++i) { // lines of varied lengths, endings and widths
        src += std::string(static_cast<std::size_t>(i % 7), 'x');
        src += (i % 3 == 0) ? "é" : (i % 5 == 0 ? "👀" : "");
        src += (i % 4 == 0) ? "\r\n" : "\n";
    }
    const LineIndex lines(src);
    for (std::size_t i = 0; i <= src.size(); ++i) {
        if (i < src.size() && (static_cast<unsigned char>(src[i]) & 0xC0) == 0x80) {
            continue; // inside a character: not a position
        }
        const SourcePos pos = naive_position(src, i);
        CAPTURE(i);
        CHECK(lines.position_at(i) == pos);
        CHECK(lines.offset_of(pos) == i);
    }
}

TEST_CASE("line index: a byte-order mark at the start belongs to no line") {
    const std::string_view src = "\xEF\xBB\xBF"
                                 "ab\ncd";
    const LineIndex lines(src);
    CHECK(lines.line_count() == 2);
    CHECK(lines.line(1) == "ab");
    CHECK(lines.position_at(3) == SourcePos{1, 1});
    CHECK(lines.position_at(4) == SourcePos{1, 2});
    CHECK(lines.position_at(0) == SourcePos{1, 1}); // inside the mark: line 1's start
    CHECK(lines.position_at(7) == SourcePos{2, 2});
    CHECK(lines.offset_of({1, 1}) == 3);
    CHECK(lines.offset_of({1, 2}) == 4);
    CHECK(lines.offset_of({2, 2}) == 7);
    // Only at the start: elsewhere U+FEFF is a character like any other.
    const LineIndex inner("a\xEF\xBB\xBF"
                          "b");
    CHECK(inner.position_at(4) == SourcePos{1, 3});
}

// Small text utilities shared by every module: UTF-8 decoding, case folding for ASCII,
// edit distance for "did you mean" suggestions, and line splitting.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wtool::text {

// One decoded code point and the number of bytes it used. `valid` is false for a malformed
// sequence, in which case `length` is 1 so that callers can skip the bad byte.
struct Decoded {
    char32_t code_point = 0;
    std::size_t length = 1;
    bool valid = false;
};

// Decodes the UTF-8 sequence starting at `pos` (which must be < s.size()). ASCII and two-byte
// characters (most non-ASCII letters) are decoded inline; the rest by decode_utf8_long.
Decoded decode_utf8_long(std::string_view s, std::size_t pos);
inline Decoded decode_utf8(std::string_view s, std::size_t pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        return {b0, 1, true};
    }
    if (b0 >= 0xC2 && b0 <= 0xDF && pos + 1 < s.size()) {
        const auto b1 = static_cast<unsigned char>(s[pos + 1]);
        if ((b1 & 0xC0u) == 0x80) {
            return {((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu), 2, true};
        }
    }
    return decode_utf8_long(s, pos);
}

// U+FEFF in UTF-8, as some editors write it at the start of a file: a byte-order mark (BOM).
inline constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

// Length of the longest prefix of `s` that is plain ASCII (fast: eight bytes at a time).
std::size_t ascii_prefix_length(std::string_view s);

// Length of the longest prefix of `s` that is printable ASCII, 0x20 (space) to 0x7E (tilde): no
// control character, no DEL, no byte of a multi-byte character (fast: eight bytes at a time).
std::size_t printable_ascii_prefix_length(std::string_view s);

// Whether `s` is entirely well-formed UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view s);

// Number of code points in `s` (malformed bytes count one each).
std::size_t count_code_points(std::string_view s);

// How many terminal columns `cp` takes in a monospaced font: 2 for East Asian Wide and Fullwidth
// characters (CJK ideographs, kana, Hangul syllables, fullwidth forms, most emoji), 0 for
// combining marks, zero-width characters and variation selectors, 1 otherwise. A small table of
// Unicode ranges (UAX #11 East_Asian_Width W/F and the main blocks of general category Mn/Me/Cf),
// not the locale's wcwidth, so the answer does not depend on LANG; rare combining marks outside
// those blocks count 1.
int display_width(char32_t cp);

// The columns `s` takes on a terminal: display_width summed over its code points (malformed
// bytes count one column each). What aligned text tables pad by.
std::size_t display_width(std::string_view s);

std::string to_lower_ascii(std::string_view s);
bool iequals_ascii(std::string_view a, std::string_view b);
bool starts_with_icase(std::string_view s, std::string_view prefix);

// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), ASCII
// case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The longest word (in bytes) that "did you mean" looks for: longer ones get no suggestion. No
// key, command, zone name or episode code is that long, and the bound keeps the cost of a
// suggestion small whatever a catalogue or a command line holds.
inline constexpr std::size_t max_typo_word = 64;

// How plausible it is that `word` is a typo for `candidate`, as a score (lower is closer): their
// edit distance when it is within about a third of the word's length (at least 1); that limit
// itself when the word (three characters or more) starts the longer candidate, as an
// abbreviation ("copen" for "Copenhagen"); else nothing. Nothing for a word longer than
// max_typo_word. The edit distance is computed only when the lengths differ by no more than the
// limit, so the cost is at most that of two words of about 90 bytes. Every "did you mean" uses it.
std::optional<std::size_t> typo_score(std::string_view word, std::string_view candidate);

// The candidates closest to `word`, best first: at most `limit`, and only those typo_score
// finds plausible.
std::vector<std::string> closest_matches(std::string_view word, std::span<const std::string> candidates,
                                         std::size_t limit = 3);
std::vector<std::string> closest_matches(std::string_view word, std::span<const std::string_view> candidates,
                                         std::size_t limit = 3);

// "a", "a or b", "a, b or c": choices, in an English sentence.
std::string alternatives(std::span<const std::string> words);
// "'a'", "'a' or 'b'", "'a', 'b' or 'c'": alternatives of quoted words.
std::string quoted_alternatives(std::span<const std::string> words);

// `word` as one single-quoted POSIX shell word (bash, zsh), each ' written as '\'': "it's" ->
// 'it'\''s'. Every shell quoting of wtool (completion scripts, commands it suggests) is this one.
std::string shell_quote(std::string_view word);
// `word` as one shell word for people to read: as it is when it is not empty and holds only
// letters, digits and "/._-+,:@%", else shell_quote(word).
std::string shell_word(std::string_view word);

// Removes leading and trailing ASCII blanks (space, tab, CR, LF).
std::string_view trim(std::string_view s);

// Splits on '\n'; a trailing newline does not produce an empty last element.
std::vector<std::string_view> split_lines(std::string_view s);

// English ordinals: 1 -> "1st", 22 -> "22nd", 111 -> "111th".
std::string ordinal_suffixed(long n);
// English ordinal words: 1 -> "first", 9 -> "ninth", 21 -> "twenty-first", 100 -> "one hundredth".
std::string ordinal_word(long n);

// ---- Outside text on a terminal ----------------------------------------------------------------
//
// A catalogue, a web page or an HTTP header may hold characters that act on a terminal instead of
// being shown: ESC starts colour, cursor and title sequences, BEL rings, CR returns to the start of
// the line, the C1 controls (U+0080 to U+009F) are eight-bit escape sequences, the bidi controls
// reorder what follows, U+2028 and U+2029 break lines, and a malformed UTF-8 byte may start any of
// these in a terminal that reads another encoding. Every text that reaches a terminal or a text
// report passes through `visible`, which spells those characters out the way JSON does.

// Which layout characters `visible` leaves as they are; every character it does not escape stays too.
enum class Keep {
    nothing,           // one-line texts (messages, titles, URLs): tab and line feed are escaped
    tabs,              // a quoted source line: tabs stay, so that the caret line under it can copy them
    tabs_and_newlines, // a multi-line message (`wtool: error: ...`): tabs and line feeds stay
};

// How `visible` shows one character: `length` bytes of the text, as they are (`escape_size` 0) or
// as the escape in `escape` ("\u001B" for a character, "\xE9" for a malformed byte).
struct VisibleChar {
    std::size_t length = 1;
    std::array<char, 6> escape{};
    std::size_t escape_size = 0;

    // The columns it takes once shown, counting a character as one column (as the diagnostics'
    // column numbers do).
    [[nodiscard]] std::size_t columns() const { return escape_size == 0 ? 1 : escape_size; }
    // What to show for it: the `length` bytes of `s` at `pos`, or the escape.
    [[nodiscard]] std::string_view shown(std::string_view s, std::size_t pos) const {
        return escape_size == 0 ? s.substr(pos, length) : std::string_view(escape.data(), escape_size);
    }
};

// The character of `s` at `pos` (< s.size()) as `visible` shows it. Escaped are: the C0 controls
// (U+0000 to U+001F; tab and line feed as `keep` says), DEL, the C1 controls, the bidi controls
// (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), U+2028 and U+2029, each as
// "\uXXXX" (four upper-case hex digits), and each byte of a malformed UTF-8 sequence as "\xNN".
VisibleChar visible_char(std::string_view s, std::size_t pos, Keep keep = Keep::nothing);

// Length of the longest prefix of `s` that `visible` leaves as it is.
std::size_t visible_prefix_length(std::string_view s, Keep keep = Keep::nothing);

// `s` with every character `visible_char` escapes spelt out; `s` itself (copied) when there is
// none, found fast on printable ASCII. A backslash stays a backslash: the result is for reading,
// not for decoding back.
std::string visible(std::string_view s, Keep keep = Keep::nothing);

// `s` cut after `max_code_points` code points (never inside a character), with
// "… (N more bytes)" where it is cut; `s` unchanged when it is not longer. For messages that
// quote outside input, which may be megabytes long.
std::string shortened(std::string_view s, std::size_t max_code_points);
void append_visible(std::string& out, std::string_view s, Keep keep = Keep::nothing);

// 1997 -> "1,997": a count for people.
std::string thousands(std::size_t n);

} // namespace wtool::text

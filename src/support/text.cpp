#include "support/text.hpp"

#include "support/byte_scan.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <span>

namespace wtool::text {

Decoded decode_utf8_long(std::string_view s, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        return {b0, 1, true};
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return {};
    }
    if (pos + len > s.size()) {
        return {};
    }
    for (std::size_t i = 1; i < len; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) {
            return {};
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return {};
    }
    return {cp, len, true};
}

void append_utf8(std::string& out, char32_t cp) {
    const auto put = [&](unsigned v) { out.push_back(static_cast<char>(v)); };
    if (cp < 0x80) {
        put(cp);
    } else if (cp < 0x800) {
        put(0xC0 | (cp >> 6));
        put(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        put(0xE0 | (cp >> 12));
        put(0x80 | ((cp >> 6) & 0x3F));
        put(0x80 | (cp & 0x3F));
    } else {
        put(0xF0 | (cp >> 18));
        put(0x80 | ((cp >> 12) & 0x3F));
        put(0x80 | ((cp >> 6) & 0x3F));
        put(0x80 | (cp & 0x3F));
    }
}

std::size_t ascii_prefix_length(std::string_view s) {
    using namespace byte_scan;
    return prefix_length(
        s, [](std::uint64_t word) { return word & high_bits; }, [](unsigned char c) { return c >= 0x80; });
}

std::size_t printable_ascii_prefix_length(std::string_view s) {
    using namespace byte_scan;
    return prefix_length(
        s, [](std::uint64_t word) { return (word & high_bits) | bytes_below(word, 0x20) | bytes_equal(word, 0x7F); },
        [](unsigned char c) { return c < 0x20 || c >= 0x7F; });
}

namespace {

// The length of the well-formed UTF-8 sequence that starts with the non-ASCII byte at `pos`, or
// 0 when it is malformed. The byte ranges of Unicode's table 3-7 ("well-formed UTF-8 byte
// sequences"), which rule out overlong forms, surrogates and code points above U+10FFFF: what
// decode_utf8 accepts, without computing the code point.
std::size_t well_formed_length(std::string_view s, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const auto continuation = [&](std::size_t i, unsigned char low, unsigned char high) {
        return i < s.size() && byte(i) >= low && byte(i) <= high;
    };
    const unsigned char b0 = byte(pos);
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        return continuation(pos + 1, 0x80, 0xBF) ? 2 : 0;
    }
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        const unsigned char low = b0 == 0xE0 ? 0xA0 : 0x80;  // E0 80..9F would be overlong
        const unsigned char high = b0 == 0xED ? 0x9F : 0xBF; // ED A0..BF would be surrogates
        return continuation(pos + 1, low, high) && continuation(pos + 2, 0x80, 0xBF) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        const unsigned char low = b0 == 0xF0 ? 0x90 : 0x80;  // F0 80..8F would be overlong
        const unsigned char high = b0 == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be above U+10FFFF
        return continuation(pos + 1, low, high) && continuation(pos + 2, 0x80, 0xBF) &&
                       continuation(pos + 3, 0x80, 0xBF)
                   ? 4
                   : 0;
    }
    return 0; // a continuation byte, C0 and C1 (overlong), F5 to FF
}

} // namespace

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = ascii_prefix_length(s); i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            i += ascii_prefix_length(s.substr(i));
            continue;
        }
        const std::size_t length = well_formed_length(s, i);
        if (length == 0) {
            return false;
        }
        i += length;
    }
    return true;
}

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); i += decode_utf8(s, i).length) {
        ++n;
    }
    return n;
}

namespace {

struct CodePointRange {
    char32_t first, last;
};

// Combining marks (Mn, Me) of the main blocks, zero-width and formatting characters (Cf):
// U+200B-U+200F (zero-width space, joiners, marks), U+2060-U+2064, U+FEFF, variation selectors.
constexpr auto zero_width_ranges = std::to_array<CodePointRange>({
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},   {0x064B, 0x065F},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},   {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D},   {0x3099, 0x309A},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
});

// East Asian Wide (W) and Fullwidth (F) characters (UAX #11), in blocks.
constexpr auto wide_ranges = std::to_array<CodePointRange>({
    {0x1100, 0x115F}, // Hangul Jamo initial consonants
    {0x231A, 0x231B}, // watch, hourglass
    {0x2329, 0x232A}, // angle brackets
    {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},
    {0x2614, 0x2615},   {0x2648, 0x2653},
    {0x267F, 0x267F},   {0x2693, 0x2693},
    {0x26A1, 0x26A1},   {0x26AA, 0x26AB},
    {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x26CE, 0x26CE},   {0x26D4, 0x26D4},
    {0x26EA, 0x26EA},   {0x26F2, 0x26F3},
    {0x26F5, 0x26F5},   {0x26FA, 0x26FA},
    {0x26FD, 0x26FD},   {0x2705, 0x2705},
    {0x270A, 0x270B},   {0x2728, 0x2728},
    {0x274C, 0x274C},   {0x274E, 0x274E},
    {0x2753, 0x2755},   {0x2757, 0x2757},
    {0x2795, 0x2797},   {0x27B0, 0x27B0},
    {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},
    {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x2E80, 0x303E}, // CJK radicals, Kangxi, ideographic description, CJK symbols
    {0x3041, 0x3247}, // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, ...
    {0x3250, 0x4DBF}, // enclosed CJK, CJK compatibility, CJK extension A
    {0x4E00, 0xA4C6}, // CJK unified ideographs, Yi
    {0xA960, 0xA97C}, // Hangul Jamo extended A
    {0xAC00, 0xD7A3}, // Hangul syllables
    {0xF900, 0xFAFF}, // CJK compatibility ideographs
    {0xFE10, 0xFE19}, // vertical forms
    {0xFE30, 0xFE6B}, // CJK compatibility forms, small form variants
    {0xFF01, 0xFF60}, // fullwidth forms
    {0xFFE0, 0xFFE6}, // fullwidth signs
    {0x16FE0, 0x16FE4}, {0x17000, 0x18CD5},
    {0x1B000, 0x1B2FB}, // Tangut, Kana supplement, ...
    {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
    {0x1F200, 0x1F251}, // enclosed ideographic supplement
    {0x1F300, 0x1F64F}, // pictographs, emoticons (as terminals show them)
    {0x1F680, 0x1F6FF}, // transport and map symbols
    {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF},
    {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, // CJK extensions B-F, compatibility supplement
    {0x30000, 0x3FFFD},                     // CJK extension G and later
});

bool in_ranges(char32_t cp, std::span<const CodePointRange> ranges) {
    const auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                                     [](char32_t c, const CodePointRange& r) { return c < r.first; });
    return it != ranges.begin() && cp <= (it - 1)->last;
}

} // namespace

int display_width(char32_t cp) {
    if (cp < 0x300) {
        return 1;
    }
    if (in_ranges(cp, zero_width_ranges)) {
        return 0;
    }
    return in_ranges(cp, wide_ranges) ? 2 : 1;
}

std::size_t display_width(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        const Decoded d = decode_utf8(s, i);
        n += d.valid ? static_cast<std::size_t>(display_width(d.code_point)) : 1;
        i += d.length;
    }
    return n;
}

namespace {
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
} // namespace

std::string to_lower_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals_ascii(s.substr(0, prefix.size()), prefix);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    // Three rows are enough for the optimal-string-alignment recurrence.
    std::vector<std::size_t> prev2(m + 1);
    std::vector<std::size_t> prev(m + 1);
    std::vector<std::size_t> cur(m + 1);
    std::iota(prev.begin(), prev.end(), std::size_t{0});
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            }
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

std::optional<std::size_t> typo_score(std::string_view word, std::string_view candidate) {
    if (word.size() > max_typo_word) {
        return std::nullopt;
    }
    const std::size_t budget = std::max<std::size_t>(1, (word.size() + 2) / 3);
    // The edit distance is at least the difference in length.
    const std::size_t length_difference =
        word.size() > candidate.size() ? word.size() - candidate.size() : candidate.size() - word.size();
    if (length_difference <= budget) {
        if (const std::size_t d = edit_distance(word, candidate); d <= budget) {
            return d;
        }
    }
    // A word that starts a longer candidate is a likely abbreviation.
    if (word.size() >= 3 && candidate.size() > word.size() && starts_with_icase(candidate, word)) {
        return budget;
    }
    return std::nullopt;
}

namespace {
template <class Str>
std::vector<std::string> closest_impl(std::string_view word, std::span<const Str> candidates, std::size_t limit) {
    std::vector<std::pair<std::size_t, std::string_view>> scored;
    for (const auto& c : candidates) {
        const std::string_view cand(c);
        if (const std::optional<std::size_t> d = typo_score(word, cand)) {
            scored.emplace_back(*d, cand);
        }
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (const auto& [d, cand] : scored) {
        if (out.size() == limit) {
            break;
        }
        if (std::find(out.begin(), out.end(), cand) == out.end()) {
            out.emplace_back(cand);
        }
    }
    return out;
}
} // namespace

std::vector<std::string> closest_matches(std::string_view word, std::span<const std::string> candidates,
                                         std::size_t limit) {
    return closest_impl(word, candidates, limit);
}

std::vector<std::string> closest_matches(std::string_view word, std::span<const std::string_view> candidates,
                                         std::size_t limit) {
    return closest_impl(word, candidates, limit);
}

std::string alternatives(std::span<const std::string> words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            out += (i + 1 == words.size()) ? " or " : ", ";
        }
        out += words[i];
    }
    return out;
}

std::string quoted_alternatives(std::span<const std::string> words) {
    std::vector<std::string> quoted;
    quoted.reserve(words.size());
    for (const std::string& w : words) {
        quoted.push_back("'" + w + "'");
    }
    return alternatives(quoted);
}

std::string shell_quote(std::string_view word) {
    std::string out = "'";
    for (const char c : word) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

std::string shell_word(std::string_view word) {
    const bool safe = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("/._-+,:@%").find(c) != std::string_view::npos;
    });
    return safe ? std::string(word) : shell_quote(word);
}

std::string_view trim(std::string_view s) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && blank(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < s.size()) {
        const std::size_t nl = s.find('\n', start);
        if (nl == std::string_view::npos) {
            lines.push_back(s.substr(start));
            break;
        }
        lines.push_back(s.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

std::string ordinal_suffixed(long n) {
    const long last_two = std::abs(n) % 100;
    const long last = std::abs(n) % 10;
    const char* suffix = "th";
    if (last_two < 11 || last_two > 13) {
        if (last == 1) {
            suffix = "st";
        } else if (last == 2) {
            suffix = "nd";
        } else if (last == 3) {
            suffix = "rd";
        }
    }
    return std::to_string(n) + suffix;
}

namespace {
constexpr std::array<std::string_view, 20> cardinal_small = {
    "zero", "one",    "two",    "three",    "four",     "five",    "six",     "seven",     "eight",    "nine",
    "ten",  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 20> ordinal_small = {
    "zeroth",     "first",     "second",    "third",       "fourth",     "fifth",     "sixth",
    "seventh",    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",   "thirteenth",
    "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
constexpr std::array<std::string_view, 10> tens_cardinal = {"",      "",      "twenty",  "thirty", "forty",
                                                            "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 10> tens_ordinal = {
    "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"};

std::string cardinal_words(long n);

std::string cardinal_below_thousand(long n) {
    std::string out;
    if (n >= 100) {
        out = std::string(cardinal_small[static_cast<std::size_t>(n / 100)]) + " hundred";
        n %= 100;
        if (n == 0) {
            return out;
        }
        out += " and ";
    }
    if (n < 20) {
        return out + std::string(cardinal_small[static_cast<std::size_t>(n)]);
    }
    out += tens_cardinal[static_cast<std::size_t>(n / 10)];
    if (n % 10 != 0) {
        out += "-" + std::string(cardinal_small[static_cast<std::size_t>(n % 10)]);
    }
    return out;
}

std::string cardinal_words(long n) {
    if (n < 1000) {
        return cardinal_below_thousand(n);
    }
    const long thousands = n / 1000;
    const long rest = n % 1000;
    std::string out = cardinal_words(thousands) + " thousand";
    if (rest == 0) {
        return out;
    }
    return out + (rest < 100 ? " and " : " ") + cardinal_below_thousand(rest);
}
} // namespace

std::string ordinal_word(long n) {
    if (n < 0) {
        return "minus " + ordinal_word(-n);
    }
    if (n < 20) {
        return std::string(ordinal_small[static_cast<std::size_t>(n)]);
    }
    if (n < 100) {
        if (n % 10 == 0) {
            return std::string(tens_ordinal[static_cast<std::size_t>(n / 10)]);
        }
        return std::string(tens_cardinal[static_cast<std::size_t>(n / 10)]) + "-" +
               std::string(ordinal_small[static_cast<std::size_t>(n % 10)]);
    }
    // Above a hundred: the cardinal words of the higher part, then the ordinal of the rest.
    const long rest = n % 100;
    const long high = n - rest;
    if (rest == 0) {
        return cardinal_words(high) + "th";
    }
    return cardinal_words(high) + " and " + ordinal_word(rest);
}

// ---- Outside text on a terminal ----------------------------------------------------------------

namespace {

bool shown_as_it_is(char32_t cp, Keep keep) {
    if (cp < 0x20) {
        return (cp == '\t' && keep != Keep::nothing) || (cp == '\n' && keep == Keep::tabs_and_newlines);
    }
    if (cp < 0x7F) {
        return true;
    }
    if (cp <= 0x9F) { // DEL and the C1 controls
        return false;
    }
    const bool bidi_control = cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
                              (cp >= 0x2066 && cp <= 0x2069);
    const bool separator = cp == 0x2028 || cp == 0x2029; // line and paragraph separators
    return !bidi_control && !separator;
}

constexpr std::string_view hex_digits = "0123456789ABCDEF";

} // namespace

VisibleChar visible_char(std::string_view s, std::size_t pos, Keep keep) {
    const Decoded d = decode_utf8(s, pos);
    VisibleChar c;
    c.length = d.length;
    if (!d.valid) {
        const auto byte = static_cast<unsigned char>(s[pos]);
        c.escape = {'\\', 'x', hex_digits[byte >> 4], hex_digits[byte & 0xF]};
        c.escape_size = 4;
    } else if (!shown_as_it_is(d.code_point, keep)) {
        const auto cp = static_cast<std::uint32_t>(d.code_point); // at most U+2069: four digits
        c.escape = {'\\',
                    'u',
                    hex_digits[(cp >> 12) & 0xF],
                    hex_digits[(cp >> 8) & 0xF],
                    hex_digits[(cp >> 4) & 0xF],
                    hex_digits[cp & 0xF]};
        c.escape_size = 6;
    }
    return c;
}

std::size_t visible_prefix_length(std::string_view s, Keep keep) {
    std::size_t i = printable_ascii_prefix_length(s);
    while (i < s.size()) {
        const VisibleChar c = visible_char(s, i, keep);
        if (c.escape_size != 0) {
            return i;
        }
        i += c.length;
        i += printable_ascii_prefix_length(s.substr(i));
    }
    return i;
}

void append_visible(std::string& out, std::string_view s, Keep keep) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t plain = visible_prefix_length(s.substr(i), keep);
        out.append(s.substr(i, plain));
        i += plain;
        if (i < s.size()) {
            const VisibleChar c = visible_char(s, i, keep);
            out.append(c.shown(s, i));
            i += c.length;
        }
    }
}

std::string visible(std::string_view s, Keep keep) {
    if (visible_prefix_length(s, keep) == s.size()) {
        return std::string(s);
    }
    std::string out;
    out.reserve(s.size() + 16);
    append_visible(out, s, keep);
    return out;
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t i = digits.size(); i > 3; i -= 3) {
        digits.insert(i - 3, 1, ',');
    }
    return digits;
}

std::string shortened(std::string_view s, std::size_t max_code_points) {
    std::size_t pos = 0;
    for (std::size_t n = 0; n < max_code_points && pos < s.size(); ++n) {
        pos += decode_utf8(s, pos).length;
    }
    if (pos >= s.size()) {
        return std::string(s);
    }
    const std::size_t rest = s.size() - pos;
    return std::string(s.substr(0, pos)) + "… (" + thousands(rest) + (rest == 1 ? " more byte)" : " more bytes)");
}

} // namespace wtool::text

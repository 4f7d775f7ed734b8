#include "catalogue/hygiene.hpp"

#include "support/text.hpp"

#include <algorithm>
#include <array>
#include <iconv.h>

namespace wtool::hygiene {

std::string_view invisible_name(char32_t cp) {
    switch (cp) {
    case 0x00AD: return "SOFT HYPHEN";
    case 0x034F: return "COMBINING GRAPHEME JOINER";
    case 0x061C: return "ARABIC LETTER MARK";
    case 0x115F: return "HANGUL CHOSEONG FILLER";
    case 0x1160: return "HANGUL JUNGSEONG FILLER";
    case 0x180E: return "MONGOLIAN VOWEL SEPARATOR";
    case 0x200B: return "ZERO WIDTH SPACE";
    case 0x200C: return "ZERO WIDTH NON-JOINER";
    case 0x200D: return "ZERO WIDTH JOINER";
    case 0x200E: return "LEFT-TO-RIGHT MARK";
    case 0x200F: return "RIGHT-TO-LEFT MARK";
    case 0x202A: return "LEFT-TO-RIGHT EMBEDDING";
    case 0x202B: return "RIGHT-TO-LEFT EMBEDDING";
    case 0x202C: return "POP DIRECTIONAL FORMATTING";
    case 0x202D: return "LEFT-TO-RIGHT OVERRIDE";
    case 0x202E: return "RIGHT-TO-LEFT OVERRIDE";
    case 0x2060: return "WORD JOINER";
    case 0x2061: return "FUNCTION APPLICATION";
    case 0x2062: return "INVISIBLE TIMES";
    case 0x2063: return "INVISIBLE SEPARATOR";
    case 0x2064: return "INVISIBLE PLUS";
    case 0x2066: return "LEFT-TO-RIGHT ISOLATE";
    case 0x2067: return "RIGHT-TO-LEFT ISOLATE";
    case 0x2068: return "FIRST STRONG ISOLATE";
    case 0x2069: return "POP DIRECTIONAL ISOLATE";
    case 0x3164: return "HANGUL FILLER";
    case 0xFEFF: return "ZERO WIDTH NO-BREAK SPACE";
    case 0xFFA0: return "HALFWIDTH HANGUL FILLER";
    default: return {};
    }
}

namespace {

bool is_blank_cp(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x00A0 || cp == 0x2007 || cp == 0x202F ||
           cp == 0x3000;
}

// Emoji and pictographs, between which a ZERO WIDTH JOINER is legitimate (👩‍🔬).
bool is_pictographic(char32_t cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F ||
           (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

struct Converter {
    std::string label;
    iconv_t cd = nullptr; // nullptr: the C library cannot convert to this charset
};

// iconv_open's descriptor, or nullptr where it fails (it returns (iconv_t)-1 then).
iconv_t open_converter(const char* to_code) {
    iconv_t cd = iconv_open(to_code, "UTF-8");
    // NOLINTNEXTLINE(performance-no-int-to-ptr): iconv's documented failure value is (iconv_t)-1
    return cd == reinterpret_cast<iconv_t>(-1) ? nullptr : cd;
}

} // namespace

struct Checker::Impl {
    // The wrong decodings we can reverse, most common first.
    std::array<Converter, 3> converters{{{"Windows-1252", open_converter("CP1252")},
                                         {"Mac Roman", open_converter("MACINTOSH")},
                                         {"Latin-1", open_converter("ISO-8859-1")}}};

    ~Impl() {
        for (Converter& c : converters) {
            if (c.cd != nullptr) {
                iconv_close(c.cd);
            }
        }
    }

    // Apple's Mac Roman table (what macOS decodes with) differs from glibc's in two places:
    // byte 0xF0 is U+F8FF (the Apple logo) for Apple but U+E01E for glibc, and byte 0xDB is
    // U+20AC (euro) for Apple but U+00A4 for glibc. Translate Apple's choices to glibc's.
    static std::string apple_to_glibc_mac_roman(std::string_view run) {
        std::string out;
        for (std::size_t i = 0; i < run.size();) {
            const text::Decoded d = text::decode_utf8(run, i);
            char32_t cp = d.code_point;
            if (cp == 0xF8FF) {
                cp = 0xE01E;
            } else if (cp == 0x20AC) {
                cp = 0x00A4;
            }
            text::append_utf8(out, cp);
            i += d.length;
        }
        return out;
    }

    // Encodes `run` (UTF-8) back into the single-byte charset; nullopt if some character has no
    // byte there.
    static std::optional<std::string> encode(iconv_t cd, std::string_view run) {
        if (cd == nullptr) {
            return std::nullopt;
        }
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
        std::string in(run);
        std::string out(run.size() + 4, '\0');
        char* inp = in.data();
        std::size_t inleft = in.size();
        char* outp = out.data();
        std::size_t outleft = out.size();
        if (iconv(cd, &inp, &inleft, &outp, &outleft) == static_cast<std::size_t>(-1) || inleft != 0) {
            return std::nullopt;
        }
        out.resize(out.size() - outleft);
        return out;
    }

    // The repair of one run of non-ASCII characters, with the charset that garbled it.
    std::optional<std::pair<std::string, std::string>> repair_run(std::string_view run) {
        for (const Converter& c : converters) {
            const bool mac = c.label == "Mac Roman";
            const auto bytes = encode(c.cd, mac ? apple_to_glibc_mac_roman(run) : std::string(run));
            if (!bytes || !text::is_valid_utf8(*bytes) || *bytes == run) {
                continue;
            }
            const bool has_multibyte = std::any_of(bytes->begin(), bytes->end(),
                                                   [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
            if (has_multibyte) {
                return std::pair{*bytes, c.label};
            }
        }
        return std::nullopt;
    }
};

Checker::Checker() : impl_(std::make_unique<Impl>()) {}
Checker::~Checker() = default;

namespace {

// Calls `on_run(begin, end)` for each maximal run of two or more non-ASCII code points.
template <class F> void for_each_non_ascii_run(std::string_view s, F&& on_run) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        std::size_t count = 0;
        while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80) {
            i += text::decode_utf8(s, i).length;
            ++count;
        }
        if (count >= 2) {
            on_run(begin, i);
        }
    }
}

// The word (between ASCII blanks) around [begin, end).
std::pair<std::size_t, std::size_t> word_around(std::string_view s, std::size_t begin, std::size_t end) {
    const auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    while (begin > 0 && !blank(s[begin - 1])) {
        --begin;
    }
    while (end < s.size() && !blank(s[end])) {
        ++end;
    }
    return {begin, end};
}

// Blanks at the ends of a non-empty value.
void check_ends(std::string_view value, std::vector<Finding>& out) {
    const text::Decoded first = text::decode_utf8(value, 0);
    if (is_blank_cp(first.code_point)) {
        out.push_back({Finding::Kind::leading_blank, 0, 0, first.code_point, {}, {}, {}});
    }
    std::size_t last = value.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(value[last]) & 0xC0) == 0x80) {
        --last;
    }
    const text::Decoded end = text::decode_utf8(value, last);
    if (is_blank_cp(end.code_point) && (last != 0 || out.empty())) {
        out.push_back({Finding::Kind::trailing_blank, last, 0, end.code_point, {}, {}, {}});
    }
}

// The ASCII control character at `i`: a newline (a finding in a one-line value, and the end of a
// line whose trailing blanks are one in a multi-line value), a tab or CR (fine), or another.
void check_ascii_control(std::string_view value, std::size_t i, Lines lines, std::vector<Finding>& out) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c == '\n') {
        if (lines == Lines::single) {
            out.push_back({Finding::Kind::newline, i, 0, c, {}, {}, {}});
        } else if (i > 0 && (value[i - 1] == ' ' || value[i - 1] == '\t')) {
            std::size_t start = i;
            while (start > 0 && (value[start - 1] == ' ' || value[start - 1] == '\t')) {
                --start;
            }
            out.push_back({Finding::Kind::line_trailing_blank, start, 0, ' ', {}, {}, {}});
        }
    } else if (c != '\t' && c != '\r') {
        out.push_back({Finding::Kind::control, i, 0, c, {}, {}, {}});
    }
}

// The character-by-character findings of a value: ASCII controls, newlines, blanks at line ends,
// C1 controls and invisible characters, in offset order. Also returns the runs of two or more
// non-ASCII code points, where mojibake may be. Printable ASCII, nearly all of most values, is
// skipped eight bytes at a time; only the other characters are looked at (and decoded).
std::vector<std::pair<std::size_t, std::size_t>> scan_characters(std::string_view value, Lines lines,
                                                                 std::vector<Finding>& out) {
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    char32_t previous = 0;                             // the last non-ASCII character...
    std::size_t previous_end = std::string_view::npos; // ...and where it ends
    std::size_t run_begin = 0;
    std::size_t run_length = 0; // in code points
    const auto end_run = [&] {
        if (run_length >= 2) {
            runs.emplace_back(run_begin, previous_end);
        }
        run_length = 0;
    };
    for (std::size_t i = 0;;) {
        i += text::printable_ascii_prefix_length(value.substr(i));
        if (i != previous_end) { // an ASCII character ended the run
            end_run();
        }
        if (i == value.size()) {
            break;
        }
        if (static_cast<unsigned char>(value[i]) < 0x80) {
            check_ascii_control(value, i, lines, out);
            ++i;
            continue;
        }
        const text::Decoded d = text::decode_utf8(value, i);
        const char32_t cp = d.code_point;
        // Most non-ASCII letters (Latin, Greek, Cyrillic, ...) are below U+0800; of those, only
        // C1 controls and three invisible characters are reported.
        if (cp > 0x9F && cp < 0x800 && cp != 0xAD && cp != 0x34F && cp != 0x61C) {
            // a visible character: nothing to report
        } else if (cp >= 0x80 && cp <= 0x9F) {
            out.push_back({Finding::Kind::control, i, 0, cp, {}, {}, {}});
        } else if (!invisible_name(cp).empty()) {
            const bool after_pictograph = i == previous_end && is_pictographic(previous);
            const bool joiner_in_emoji = cp == 0x200D && after_pictograph && i + d.length < value.size() &&
                                         is_pictographic(text::decode_utf8(value, i + d.length).code_point);
            if (!joiner_in_emoji) {
                out.push_back({Finding::Kind::invisible, i, 0, cp, {}, {}, {}});
            }
        }
        if (run_length == 0) {
            run_begin = i;
        }
        ++run_length;
        previous = cp;
        previous_end = i + d.length;
        i = previous_end;
    }
    end_run(); // a run at the very end
    return runs;
}

} // namespace

std::vector<Finding> Checker::check(std::string_view value, Lines lines) {
    std::vector<Finding> out;
    if (value.empty()) {
        return out;
    }
    check_ends(value, out);
    const auto runs = scan_characters(value, lines, out);
    // Mojibake, one run of non-ASCII characters at a time.
    for (const auto& [begin, end] : runs) {
        if (auto fixed = impl_->repair_run(value.substr(begin, end - begin))) {
            const auto [wb, we] = word_around(value, begin, end);
            std::string word(value.substr(wb, we - wb));
            Finding f{Finding::Kind::mojibake, begin, end - begin, 0, word, {}, fixed->second};
            f.repaired =
                std::string(value.substr(wb, begin - wb)) + fixed->first + std::string(value.substr(end, we - end));
            // Repair any other garbled runs in the same word too.
            if (auto whole = repair(f.repaired)) {
                f.repaired = *whole;
            }
            if (out.empty() || out.back().kind != Finding::Kind::mojibake || out.back().original != word) {
                out.push_back(std::move(f));
            }
        }
    }
    // A character that is part of a garbled run is explained by the mojibake finding alone.
    std::vector<std::pair<std::size_t, std::size_t>> garbled;
    for (const Finding& f : out) {
        if (f.kind == Finding::Kind::mojibake) {
            garbled.emplace_back(f.offset, f.offset + f.length);
        }
    }
    std::erase_if(out, [&](const Finding& f) {
        return (f.kind == Finding::Kind::invisible || f.kind == Finding::Kind::control) &&
               std::any_of(garbled.begin(), garbled.end(),
                           [&](const auto& r) { return f.offset >= r.first && f.offset < r.second; });
    });
    std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.offset < b.offset; });
    return out;
}

std::optional<std::string> Checker::repair(std::string_view value) {
    std::string result;
    std::size_t copied = 0;
    bool changed = false;
    for_each_non_ascii_run(value, [&](std::size_t begin, std::size_t end) {
        if (auto fixed = impl_->repair_run(value.substr(begin, end - begin))) {
            result.append(value.substr(copied, begin - copied));
            result += fixed->first;
            copied = end;
            changed = true;
        }
    });
    if (!changed) {
        return std::nullopt;
    }
    result.append(value.substr(copied));
    return result;
}

} // namespace wtool::hygiene

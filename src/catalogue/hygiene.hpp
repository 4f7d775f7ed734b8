// Text hygiene: the invisible and garbled characters that copy-and-paste brings into a
// catalogue. Finds zero-width and other invisible characters, control characters, blanks at
// the ends of a value, and mojibake (UTF-8 that was decoded as Windows-1252, Latin-1 or Mac
// Roman and saved again), which it repairs by reversing the wrong decoding with iconv.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wtool::hygiene {

struct Finding {
    enum class Kind {
        invisible,           // zero-width, bidi control, soft hyphen, ...
        control,             // C0/C1 control character other than newline and tab
        leading_blank,       // value starts with a blank
        trailing_blank,      // value ends with a blank
        line_trailing_blank, // a line inside a multi-line value ends with blanks
        newline,             // newline in a one-line value
        mojibake,            // garbled text; `repaired` holds the fix
    };
    Kind kind = Kind::invisible;
    std::size_t offset = 0;  // byte offset in the value
    std::size_t length = 0;  // for mojibake: bytes of the garbled run
    char32_t code_point = 0; // for invisible and control
    std::string original;    // for mojibake: the garbled word
    std::string repaired;    // for mojibake: the word as it was meant
    std::string charset;     // for mojibake: the wrong decoding, e.g. "Mac Roman"
};

// The Unicode name of an invisible character wtool reports, e.g. "ZERO WIDTH SPACE"; empty
// when `cp` is not one of them.
std::string_view invisible_name(char32_t cp);

enum class Lines { single, multi };

// Checks one value. Reuse one Checker for many values: it keeps its iconv converters open.
class Checker {
  public:
    Checker();
    ~Checker();
    Checker(const Checker&) = delete;
    Checker& operator=(const Checker&) = delete;

    [[nodiscard]] std::vector<Finding> check(std::string_view value, Lines lines);

    // Repairs every garbled run of characters in `value`; nullopt when nothing looks garbled.
    [[nodiscard]] std::optional<std::string> repair(std::string_view value);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace wtool::hygiene

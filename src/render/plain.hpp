// Catalogue text shaped for output, before any format-specific escaping: one-line values made one
// line, multi-paragraph values split into paragraphs, URLs made one unbroken token. Every output
// format (Markdown, e-mail, social posts, JSON) starts from these shapes, so a stray line break in
// a title can never start a new line of a page, in any format.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wtool::plain {

// A one-line value: every run of blanks and line breaks (space, tab, CR, LF, VT, FF, U+0085,
// U+2028, U+2029) becomes one space, other control characters (C0, DEL, C1) are dropped, and
// the result is trimmed. No-break spaces and other visible characters are kept. Malformed UTF-8
// bytes are kept as they are (the loader rejects them before this is ever called).
std::string one_line(std::string_view s);

// A multi-paragraph value (abstract, bio): paragraphs are separated by one or more blank lines
// (a U+2029 paragraph separator counts as one); inside a paragraph, line breaks become spaces as
// in one_line. Empty paragraphs are dropped; an empty or blank value gives no paragraphs.
std::vector<std::string> paragraphs(std::string_view s);

// The paragraphs of `s` joined by one blank line ("\n\n").
std::string paragraph_text(std::string_view s);

// A URL as one token: outer blanks trimmed, inner blanks and control characters
// percent-encoded ("a b" -> "a%20b"), everything else unchanged.
std::string url_token(std::string_view s);

} // namespace wtool::plain

// Escaping plain catalogue text for Markdown pages, so that no value can change the structure
// around it: not in CommonMark/GFM (what cmark-gfm and GitHub render), not in kramdown (what
// Jekyll renders) and not in Liquid (what Jekyll runs over every page first).
//
// The rules (docs/templates.md, "Text safety"):
//   - values are first made one line, or paragraphs of one line each (plain_text.hpp);
//   - \ ` * _ [ ] < > # | $ are backslash-escaped everywhere; ~ becomes &#126; (kramdown has no
//     backslash escape for it) and { becomes &#123; (so "{{" and "{%" never reach Liquid);
//   - & becomes &amp; only where it would start a character reference ("&copy;", "&#123;");
//   - at the start of a line, - + = : are backslash-escaped, and so is the . or ) after a number
//     ("1. " would start a list);
//   - URLs for link destinations are percent-encoded where Markdown would end or break them
//     (blanks, control characters, ( ) < > \ ` { } | ^ ").
// All escapes render as the original character, so the text reads exactly as written.
#pragma once

#include <string>
#include <string_view>

namespace wtool::markdown {

// A one-line value (title, name, affiliation, theme, ...) as Markdown text; safe anywhere in a
// line, including its start, inside **bold**, [link text] and headings.
std::string escape_line(std::string_view value);

// A multi-paragraph value (abstract, bio) as Markdown: its paragraphs, each escaped like a
// line, separated by one blank line. The first paragraph may follow a label ("Abstract: ").
std::string escape_paragraphs(std::string_view value);

// A URL for a link destination: [text](URL) or <URL>.
std::string escape_url(std::string_view url);

} // namespace wtool::markdown

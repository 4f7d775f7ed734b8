// The diagnostics of the text hygiene findings (hygiene.hpp) in one value of the catalogue, for
// `wtool validate` (rules.cpp): each at the character it is about.
#pragma once

#include "catalogue/catalogue.hpp"
#include "catalogue/hygiene.hpp"
#include "support/diagnostics.hpp"
#include "support/line_index.hpp"

#include <vector>

namespace wtool {

// Reports the findings of one value: the first ones of each kind one by one and, for each kind
// with more, one diagnostic at the first of the rest that counts them ("and 1,997 more ...").
// Markdown values may end lines with blanks (a line break). `index` indexes the catalogue's source.
void report_text_findings(const TextRef& ref, const std::vector<hygiene::Finding>& findings, const LineIndex& index,
                          Diagnostics& diags);

} // namespace wtool

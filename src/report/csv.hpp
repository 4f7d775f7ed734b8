// CSV as RFC 4180 describes it (fields separated by commas, records ended by CRLF, a field
// quoted with double quotes when it holds a comma, a quote, CR or LF, and a quote inside doubled),
// plus protection against spreadsheet formula injection.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace wtool::csv {

// Whether spreadsheet formulas in cells are neutralised (see neutralise_formula).
enum class FormulaGuard { on, off };

// A cell whose text a spreadsheet would run as a formula, because it starts with '=', '+', '-',
// '@', a tab or a carriage return, gets a leading apostrophe ("=1+1" -> "'=1+1"), which
// spreadsheets show as text. Any other text is returned unchanged.
std::string neutralise_formula(std::string_view cell);

// One field, quoted only when RFC 4180 requires it: `a,b` -> `"a,b"`, `say "hi"` -> `"say ""hi"""`.
std::string field(std::string_view value);

// One record: the fields (guarded against formulas when `guard` is on), separated by commas,
// ended by CRLF.
std::string record(std::span<const std::string> fields, FormulaGuard guard = FormulaGuard::on);

} // namespace wtool::csv

#include "report/csv.hpp"

namespace wtool::csv {

std::string neutralise_formula(std::string_view cell) {
    if (!cell.empty()) {
        switch (cell.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r': {
            std::string guarded = "'";
            guarded += cell;
            return guarded;
        }
        default: break;
        }
    }
    return std::string(cell);
}

std::string field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(value);
    }
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

std::string record(std::span<const std::string> fields, FormulaGuard guard) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i != 0) {
            out += ',';
        }
        out += field(guard == FormulaGuard::on ? neutralise_formula(fields[i]) : fields[i]);
    }
    out += "\r\n";
    return out;
}

} // namespace wtool::csv

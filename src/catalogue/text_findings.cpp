#include "catalogue/text_findings.hpp"

#include "catalogue/value_locator.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace wtool {

namespace {

std::string code_point_name(char32_t cp) {
    const std::string_view name = hygiene::invisible_name(cp);
    return name.empty() ? fmt::format("U+{:04X}", static_cast<std::uint32_t>(cp))
                        : fmt::format("U+{:04X} {}", static_cast<std::uint32_t>(cp), name);
}

// Of the findings of one kind (and character) in one value, this many are reported one by one;
// one more diagnostic counts the rest ("and 1,997 more ..."), so that a value full of soft
// hyphens gives a short report.
constexpr std::size_t findings_shown_per_kind = 3;

// "and 1,997 more invisible characters U+00AD SOFT HYPHEN in S01E01 title", with the rule, the
// severity and (in the plural) the hint of the kind.
void report_more(const TextRef& ref, const hygiene::Finding& f, std::size_t more, SourcePos pos, Diagnostics& diags) {
    using Kind = hygiene::Finding::Kind;
    const std::string_view s = more == 1 ? "" : "s";
    const auto message = [&](std::string_view what) {
        return fmt::format("and {} more {} in {}", text::thousands(more), what, ref.where);
    };
    switch (f.kind) {
    case Kind::invisible:
        diags.warning("invisible-character", pos,
                      message(fmt::format("invisible character{} {}", s, code_point_name(f.code_point))),
                      "delete them: they are usually pasted in by accident and break search and sorting");
        break;
    case Kind::control:
        diags.error("control-character", pos,
                    message(fmt::format("control character{} {}", s, code_point_name(f.code_point))), "delete them");
        break;
    case Kind::leading_blank: // once per value at most: never folded
    case Kind::trailing_blank:
        diags.warning(f.kind == Kind::leading_blank ? "leading-blank" : "trailing-blank", pos,
                      message(fmt::format("blank{} at an end", s)), "remove them");
        break;
    case Kind::line_trailing_blank:
        diags.warning("trailing-blank", pos, message(fmt::format("line{} ending with blanks", s)), "remove them");
        break;
    case Kind::newline:
        diags.warning("newline-in-field", pos, message(fmt::format("line break{}", s)), "write it on one line");
        break;
    case Kind::mojibake:
        diags.warning("mojibake", pos, message(fmt::format("garbled word{}", s)),
                      "repair them the way the first ones show");
        break;
    }
}

void report_finding(const TextRef& ref, const hygiene::Finding& f, SourcePos pos, Diagnostics& diags) {
    using Kind = hygiene::Finding::Kind;
    switch (f.kind) {
    case Kind::invisible:
        diags.warning("invisible-character", pos,
                      fmt::format("invisible character {} in {}", code_point_name(f.code_point), ref.where),
                      "delete it: it is usually pasted in by accident and breaks search and sorting");
        break;
    case Kind::control:
        diags.error("control-character", pos,
                    fmt::format("control character {} in {}", code_point_name(f.code_point), ref.where), "delete it");
        break;
    case Kind::leading_blank:
        diags.warning("leading-blank", pos, fmt::format("{} starts with a blank", ref.where), "remove it");
        break;
    case Kind::trailing_blank:
        diags.warning("trailing-blank", pos, fmt::format("{} ends with a blank", ref.where), "remove it");
        break;
    case Kind::line_trailing_blank:
        diags.warning("trailing-blank", pos, fmt::format("a line of {} ends with blanks", ref.where), "remove them");
        break;
    case Kind::newline:
        diags.warning("newline-in-field", pos, fmt::format("{} has a line break", ref.where), "write it on one line");
        break;
    case Kind::mojibake:
        diags.warning("mojibake", pos,
                      fmt::format("garbled text '{}' in {} (UTF-8 read as {})", f.original, ref.where, f.charset),
                      fmt::format("did you mean '{}'?", f.repaired));
        break;
    }
}

} // namespace

// Reports the findings of one value: the first ones of each kind one by one and, for each kind
// with more, one diagnostic at the first of the rest that counts them.
void report_text_findings(const TextRef& ref, const std::vector<hygiene::Finding>& findings, const LineIndex& index,
                          Diagnostics& diags) {
    using Kind = hygiene::Finding::Kind;
    struct Group {
        Kind kind;
        char32_t code_point; // for invisible and control characters; 0 for the other kinds
        std::size_t shown = 0;
        std::size_t more = 0;
        const hygiene::Finding* first_more = nullptr;
    };
    std::vector<Group> groups; // a few per value: searched linearly
    // What is reported: a finding on its own (`more` 0), or the first of `more` folded ones.
    struct Report {
        const hygiene::Finding* finding;
        std::size_t more;
    };
    std::vector<Report> reports;
    for (const hygiene::Finding& f : findings) {
        if (f.kind == Kind::line_trailing_blank && ref.kind == TextRef::Kind::markdown) {
            continue; // two spaces are a line break in Markdown
        }
        const char32_t cp = f.kind == Kind::invisible || f.kind == Kind::control ? f.code_point : 0;
        auto g = std::find_if(groups.begin(), groups.end(),
                              [&](const Group& x) { return x.kind == f.kind && x.code_point == cp; });
        if (g == groups.end()) {
            g = groups.insert(groups.end(), Group{f.kind, cp});
        }
        if (g->shown < findings_shown_per_kind) {
            ++g->shown;
            reports.push_back({&f, 0});
        } else if (g->more++ == 0) {
            g->first_more = &f;
        }
    }
    for (const Group& g : groups) {
        if (g.more > 0) {
            reports.push_back({g.first_more, g.more});
        }
    }
    // In the value's order, so that one walk through the literal places them all.
    std::stable_sort(reports.begin(), reports.end(),
                     [](const Report& a, const Report& b) { return a.finding->offset < b.finding->offset; });
    ValueLocator locator(index, ref.text->pos);
    for (const Report& r : reports) {
        const SourcePos pos = locator.at(r.finding->offset);
        if (r.more == 0) {
            report_finding(ref, *r.finding, pos, diags);
        } else {
            report_more(ref, *r.finding, r.more, pos, diags);
        }
    }
}

} // namespace wtool

#include "support/text_edit.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace wtool {

namespace {

void sort_by_position(std::vector<TextEdit>& edits) {
    std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
}

// An edit widened to whole lines: the old lines [begin, end) of the text and what replaces them.
struct LineChange {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string replacement;
};

std::size_t line_start(std::string_view text, std::size_t at) {
    const std::size_t newline = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    return newline == std::string_view::npos ? 0 : newline + 1;
}

std::size_t line_end(std::string_view text, std::size_t at) {
    const std::size_t newline = text.find('\n', at);
    return newline == std::string_view::npos ? text.size() : newline + 1;
}

// The edits widened to whole lines; edits that share a line become one change.
std::vector<LineChange> line_changes(std::string_view text, std::vector<TextEdit> edits) {
    sort_by_position(edits);
    std::vector<LineChange> out;
    std::vector<TextEdit> group; // the edits of out.back(), relative to its begin
    const auto close_group = [&] {
        if (!out.empty()) {
            LineChange& c = out.back();
            c.replacement = apply_edits(text.substr(c.begin, c.end - c.begin), std::move(group));
            group.clear();
        }
    };
    for (TextEdit& e : edits) {
        const std::size_t begin = line_start(text, e.begin);
        // The end of the last line the edit touches: an insertion at a line's start and an edit
        // that ends at a line's start touch no line after it.
        std::size_t end = e.end;
        if ((e.begin != e.end || e.begin != begin) && (end == 0 || text[end - 1] != '\n')) {
            end = line_end(text, end);
        }
        if (out.empty() || begin > out.back().end) {
            close_group();
            out.push_back(LineChange{begin, end, {}});
        }
        LineChange& c = out.back();
        c.end = std::max(c.end, end);
        group.push_back(TextEdit{e.begin - c.begin, e.end - c.begin, std::move(e.replacement)});
    }
    close_group();
    return out;
}

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t end = line_end(text, from);
        lines.push_back(text.substr(from, end - from));
        from = end;
    }
    return lines;
}

void append_line(std::string& out, char mark, std::string_view line) {
    out += mark;
    out += line;
    if (line.empty() || line.back() != '\n') {
        out += "\n\\ No newline at end of file\n";
    }
}

} // namespace

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits) {
    sort_by_position(edits);
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    for (const TextEdit& e : edits) {
        out += text.substr(at, e.begin - at);
        out += e.replacement;
        at = e.end;
    }
    out += text.substr(at);
    return out;
}

std::string unified_diff(std::string_view text, std::vector<TextEdit> edits, std::string_view name) {
    const std::vector<std::string_view> lines = lines_of(text);
    // Line number (0-based) of each byte offset that starts a line, by binary search.
    std::vector<std::size_t> starts;
    starts.reserve(lines.size() + 1);
    for (std::size_t at = 0; const std::string_view l : lines) {
        starts.push_back(at);
        at += l.size();
    }
    starts.push_back(text.size());
    const auto line_number = [&](std::size_t offset) {
        return static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), offset) - starts.begin());
    };

    struct Change {
        std::size_t first, count; // old lines [first, first + count)
        std::vector<std::string_view> added;
        std::string storage;
    };
    std::vector<Change> changes;
    for (LineChange& c : line_changes(text, std::move(edits))) {
        const std::size_t first = line_number(c.begin);
        const std::size_t count = line_number(c.end) - first;
        if (std::string_view(c.replacement) == text.substr(c.begin, c.end - c.begin)) {
            continue; // the same bytes: no change
        }
        changes.push_back(Change{first, count, {}, std::move(c.replacement)});
    }
    if (changes.empty()) {
        return {};
    }
    for (Change& c : changes) {
        c.added = lines_of(c.storage);
    }

    constexpr std::size_t context = 3;
    std::string out = fmt::format("--- {0}\n+++ {0}\n", name);
    long delta = 0; // new line number minus old line number before the current hunk
    for (std::size_t i = 0; i < changes.size();) {
        // A hunk: changes whose context windows touch.
        std::size_t j = i + 1;
        while (j < changes.size() &&
               changes[j].first <= changes[j - 1].first + changes[j - 1].count + 2 * context) {
            ++j;
        }
        const std::size_t from = changes[i].first > context ? changes[i].first - context : 0;
        const std::size_t last = changes[j - 1].first + changes[j - 1].count;
        const std::size_t to = std::min(lines.size(), last + context);
        std::string body;
        std::size_t old_count = 0;
        std::size_t new_count = 0;
        std::size_t at = from;
        long hunk_delta = 0;
        for (std::size_t k = i; k < j; ++k) {
            for (; at < changes[k].first; ++at, ++old_count, ++new_count) {
                append_line(body, ' ', lines[at]);
            }
            for (std::size_t n = 0; n < changes[k].count; ++n, ++at, ++old_count) {
                append_line(body, '-', lines[at]);
            }
            for (const std::string_view added : changes[k].added) {
                append_line(body, '+', added);
                ++new_count;
            }
            hunk_delta += static_cast<long>(changes[k].added.size()) - static_cast<long>(changes[k].count);
        }
        for (; at < to; ++at, ++old_count, ++new_count) {
            append_line(body, ' ', lines[at]);
        }
        // diff -u numbers an empty range by the line before it.
        const auto range = [](std::size_t start, std::size_t count) {
            return count == 0 ? fmt::format("{},0", start) : fmt::format("{},{}", start + 1, count);
        };
        const auto new_from = static_cast<std::size_t>(static_cast<long>(from) + delta);
        out += fmt::format("@@ -{} +{} @@\n", range(from, old_count), range(new_from, new_count));
        out += body;
        delta += hunk_delta;
        i = j;
    }
    return out;
}

} // namespace wtool

#include "catalogue/catalogue_edit.hpp"

#include "catalogue/catalogue_append.hpp"
#include "support/line_index.hpp"
#include "toml/toml_document.hpp"
#include "toml/toml_text.hpp"
#include "toml/toml_value_span.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace wtool {

namespace {

using toml_tree::Node;
using toml_tree::Table;

bool blank(char c) {
    return c == ' ' || c == '\t';
}

// The `[[season]]` or `[[episode]]` table the address names.
std::expected<const Node*, std::string> find_table(const Node& root, const TableAddress& address) {
    const Table* top = root.as_table();
    const Node* array = top == nullptr ? nullptr
                                       : top->get(address.kind == TableAddress::Kind::season ? "season" : "episode");
    const Node* found = nullptr;
    if (array != nullptr && array->as_array() != nullptr) {
        for (const Node& item : array->as_array()->items()) {
            const Table* t = item.as_table();
            if (t == nullptr) {
                continue;
            }
            bool match = false;
            if (address.kind == TableAddress::Kind::season) {
                const Node* n = t->get("number");
                match = n != nullptr && n->as_integer() != nullptr && *n->as_integer() == address.season;
            } else {
                const Node* c = t->get("code");
                match = c != nullptr && c->as_string() != nullptr && *c->as_string() == address.code;
            }
            if (match && found != nullptr) {
                return std::unexpected(fmt::format("{} is in the catalogue twice ('wtool validate' shows where)",
                                                   address.describe()));
            }
            if (match) {
                found = &item;
            }
        }
    }
    if (found == nullptr) {
        return std::unexpected(fmt::format("{} is not in the catalogue", address.describe()));
    }
    if (found->as_table()->inline_) {
        return std::unexpected(fmt::format("{} is written as an inline table ({{ ... }}): wtool edits only tables "
                                           "with a [[{}]] header; change it by hand",
                                           address.describe(),
                                           address.kind == TableAddress::Kind::season ? "season" : "episode"));
    }
    return found;
}

class TableEditor {
  public:
    TableEditor(std::string_view source, const Node& table, std::string_view what)
        : source_(source), index_(source), table_(*table.as_table()), header_(table.pos()), what_(what) {}

    std::expected<void, std::string> change(const KeyChange& change) {
        const auto& entries = table_.entries();
        const auto entry = std::find_if(entries.begin(), entries.end(),
                                        [&](const toml_tree::Entry& e) { return e.key.view() == change.key; });
        if (entry == entries.end()) {
            if (change.value) {
                added_.emplace_back(change.key, *change.value);
            }
            return {};
        }
        const auto span = value_span(entry->value);
        if (!span) {
            return std::unexpected(fmt::format("cannot find the end of {}'s {} value", what_, change.key));
        }
        if (change.value) {
            if (source_.substr(span->first, span->second - span->first) != *change.value) {
                edits_.push_back(TextEdit{span->first, span->second, *change.value});
            }
            return {};
        }
        // Removed with its line, which must hold nothing else but blanks and a comment.
        const std::size_t key = index_.offset_of(entry->key_pos);
        std::size_t line_begin = key;
        while (line_begin > 0 && source_[line_begin - 1] != '\n') {
            --line_begin;
        }
        const std::size_t line_end = end_of_line(span->second);
        const std::string_view before = source_.substr(line_begin, key - line_begin);
        if (!std::all_of(before.begin(), before.end(), blank)) {
            return std::unexpected(fmt::format("{}'s {} shares its line with another key: change it by hand", what_,
                                               change.key));
        }
        edits_.push_back(TextEdit{line_begin, line_end, {}});
        return {};
    }

    std::vector<TextEdit> edits() && {
        if (!added_.empty()) {
            const std::size_t at = insertion_point();
            const std::string indent = indent_of_last_key();
            std::string text = at == source_.size() && at > 0 && source_.back() != '\n' ? std::string(newline()) : "";
            for (const auto& [key, value] : added_) {
                text += fmt::format("{}{} = {}{}", indent, key, value, newline());
            }
            edits_.push_back(TextEdit{at, at, std::move(text)});
        }
        return std::move(edits_);
    }

  private:
    // The value's bytes [first, second).
    std::optional<std::pair<std::size_t, std::size_t>> value_span(const Node& value) const {
        const std::size_t begin = index_.offset_of(value.pos());
        if (begin == std::string_view::npos) {
            return std::nullopt;
        }
        const auto end = toml_text::value_end(source_, begin);
        if (!end) {
            return std::nullopt;
        }
        return std::pair{begin, *end};
    }

    // The byte after the line break of the line that holds byte `at` (the text's end for its last line).
    std::size_t end_of_line(std::size_t at) const {
        const std::size_t newline = source_.find('\n', at);
        return newline == std::string_view::npos ? source_.size() : newline + 1;
    }

    // After the line of the table's last key (keys of sub-tables with their own header excepted),
    // or after the header when it has none.
    std::size_t insertion_point() {
        std::optional<std::size_t> last;
        for (const toml_tree::Entry& e : table_.entries()) {
            const Table* sub = e.value.as_table();
            const toml_tree::Array* array = e.value.as_array();
            if ((sub != nullptr && !sub->inline_) || (array != nullptr && array->of_headers)) {
                continue;
            }
            if (const auto span = value_span(e.value); span && (!last || span->second > *last)) {
                last = span->second;
                last_key_ = index_.offset_of(e.key_pos);
            }
        }
        return end_of_line(last ? *last : index_.offset_of(header_));
    }

    // The blanks before the table's last key (found by insertion_point), for a new key's line.
    [[nodiscard]] std::string indent_of_last_key() const {
        if (!last_key_) {
            return {};
        }
        std::size_t begin = *last_key_;
        while (begin > 0 && blank(source_[begin - 1])) {
            --begin;
        }
        return std::string(source_.substr(begin, *last_key_ - begin));
    }

    std::string_view newline() const { return detect_newline(source_) == Newline::crlf ? "\r\n" : "\n"; }

    std::string_view source_;
    LineIndex index_;
    const Table& table_;
    SourcePos header_;
    std::string what_;
    std::vector<TextEdit> edits_;
    std::vector<std::pair<std::string, std::string>> added_; // keys to add, with their values
    std::optional<std::size_t> last_key_;
};

} // namespace

std::string TableAddress::describe() const {
    return kind == Kind::season ? fmt::format("season {}", season) : fmt::format("episode {}", code);
}

std::expected<std::vector<TextEdit>, std::string> key_edits(std::string_view source, const TableAddress& table,
                                                            std::span<const KeyChange> changes) {
    const auto root = toml_tree::parse_document(source, "catalogue");
    if (!root) {
        return std::unexpected(fmt::format("the catalogue is not valid TOML (line {}): {}", root.error().pos.line,
                                           root.error().message));
    }
    const auto found = find_table(*root, table);
    if (!found) {
        return std::unexpected(found.error());
    }
    TableEditor editor(source, **found, table.describe());
    for (const KeyChange& c : changes) {
        if (auto done = editor.change(c); !done) {
            return std::unexpected(done.error());
        }
    }
    return std::move(editor).edits();
}

namespace toml_value {

std::string string(std::string_view value) {
    return toml_text::encode_string(value, toml_text::StringForm::single_line);
}

std::string date(date::local_days day) {
    const date::year_month_day ymd{day};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::string time(TimeOfDay time) {
    return fmt::format("{:02}:{:02}:00", time.count() / 60, time.count() % 60);
}

std::string local_date_time(date::local_seconds start) {
    const auto day = date::floor<date::days>(start);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(start - day);
    return date(day) + "T" + time(minutes);
}

std::string integer(long long value) {
    return fmt::format("{}", value);
}

std::string boolean(bool value) {
    return value ? "true" : "false";
}

} // namespace toml_value

} // namespace wtool

// A parsed TOML document as the catalogue loader reads it: tables, arrays and values, each with
// the position (line and column, in code points) where it starts, exactly as toml++ reports
// them. Two parsers produce it: wtool's fast parser (toml_fast_parser.hpp) for the documents it
// handles, and toml++ for everything else (toml_document.hpp chooses). Keys keep the order of
// the file; nothing in wtool depends on that order (diagnostics are sorted by position).
#pragma once

#include "support/source_pos.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace wtool::toml_tree {

struct Date {
    int year = 0;
    int month = 0; // 1-12
    int day = 0;   // 1-31
    friend bool operator==(const Date&, const Date&) = default;
};

struct Time {
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::uint32_t nanosecond = 0;
    friend bool operator==(const Time&, const Time&) = default;
};

struct DateTime {
    Date date;
    Time time;
    std::optional<int> offset_minutes; // absent: a local date-time
    friend bool operator==(const DateTime&, const DateTime&) = default;
};

enum class Type : std::uint8_t { table, array, string, integer, floating_point, boolean, date, time, date_time };

class Table;
class Array;

// A string value. The fast parser's strings are views of the source text whenever the text is the
// value as written (no escapes: nearly every string of a catalogue), so parsing copies no text, and
// the source must outlive the tree. Other strings (with escapes, and all of toml++'s) own a decoded
// copy, which the view shows.
class String {
  public:
    explicit String(std::string_view in_source = {}) : view_(in_source) {}
    explicit String(std::string decoded) : owned_(std::make_unique<std::string>(std::move(decoded))), view_(*owned_) {}

    [[nodiscard]] const std::string_view& view() const { return view_; }
    friend bool operator==(const String& a, const String& b) { return a.view_ == b.view_; }

  private:
    std::unique_ptr<std::string> owned_; // on the heap, so the view survives moves of this String
    std::string_view view_;
};

class Node {
  public:
    using Value = std::variant<std::unique_ptr<Table>, std::unique_ptr<Array>, String, std::int64_t, double, bool, Date,
                               Time, std::unique_ptr<DateTime>>;

    Node(Value value, SourcePos pos);

    [[nodiscard]] Type type() const { return static_cast<Type>(value_.index()); }
    [[nodiscard]] SourcePos pos() const { return pos_; }
    void set_pos(SourcePos pos) { pos_ = pos; }
    // Frees the value (and everything below it) once it has been read; the node is then an empty
    // string.
    void release();

    [[nodiscard]] Table* as_table() const { return pointee<Table>(); }
    [[nodiscard]] Array* as_array() const { return pointee<Array>(); }
    [[nodiscard]] const std::string_view* as_string() const {
        const auto* s = std::get_if<String>(&value_);
        return s == nullptr ? nullptr : &s->view();
    }
    [[nodiscard]] const std::int64_t* as_integer() const { return std::get_if<std::int64_t>(&value_); }
    [[nodiscard]] const double* as_floating_point() const { return std::get_if<double>(&value_); }
    [[nodiscard]] const bool* as_boolean() const { return std::get_if<bool>(&value_); }
    [[nodiscard]] const Date* as_date() const { return std::get_if<Date>(&value_); }
    [[nodiscard]] const Time* as_time() const { return std::get_if<Time>(&value_); }
    [[nodiscard]] const DateTime* as_date_time() const { return pointee<DateTime>(); }

    // The same value, position included, in every node below (for tests).
    friend bool operator==(const Node& a, const Node& b);

  private:
    template <class T> [[nodiscard]] T* pointee() const {
        const auto* p = std::get_if<std::unique_ptr<T>>(&value_);
        return p == nullptr ? nullptr : p->get();
    }

    Value value_;
    SourcePos pos_;
};

struct Entry {
    String key; // a view of the source, like string values
    SourcePos key_pos;
    Node value;
};

class Table {
  public:
    Table(); // with room for the few keys a catalogue's table has
    [[nodiscard]] Node* get(std::string_view key);
    [[nodiscard]] const Node* get(std::string_view key) const;
    [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }
    [[nodiscard]] bool empty() const { return entries_.empty(); }
    // Adds a key that is not there yet; returns its value.
    Node& add(String key, SourcePos key_pos, Node value);

    // Set by the fast parser, which needs them to follow TOML's rules on defining tables:
    bool explicit_ = false; // defined by its own [header], inline, or the root
    bool inline_ = false;   // an inline table { ... }: closed to headers

  private:
    std::vector<Entry> entries_;
    // Once a table has more keys than any catalogue's (a crafted file may hold 100,000 in one),
    // keys are also found through this index, so that reading a table stays linear.
    std::unique_ptr<std::unordered_map<std::string, std::size_t>> index_;
};

class Array {
  public:
    [[nodiscard]] std::vector<Node>& items() { return items_; }
    [[nodiscard]] const std::vector<Node>& items() const { return items_; }
    [[nodiscard]] std::size_t size() const { return items_.size(); }
    [[nodiscard]] bool empty() const { return items_.empty(); }
    // Every item a table (what toml++ calls an array of tables; true for an empty array too).
    [[nodiscard]] bool all_tables() const;

    bool of_headers = false; // made by [[header]]s (the fast parser's bookkeeping)

  private:
    std::vector<Node> items_;
};

// Defined here, where Table and Array are complete: clang instantiates what destroys them where the
// function is defined.
inline Node::Node(Value value, SourcePos pos) : value_(std::move(value)), pos_(pos) {}
inline Table::Table() {
    entries_.reserve(4);
}
inline void Node::release() {
    value_ = String();
}

} // namespace wtool::toml_tree

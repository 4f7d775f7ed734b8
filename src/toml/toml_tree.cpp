#include "toml/toml_tree.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace wtool::toml_tree {

namespace {

bool same(const Table& a, const Table& b) {
    if (a.entries().size() != b.entries().size()) {
        return false;
    }
    // The same keys with equal values, in any order (toml++ sorts its keys, the fast parser keeps
    // the file's order).
    return std::all_of(a.entries().begin(), a.entries().end(), [&b](const Entry& e) {
        const auto it = std::find_if(b.entries().begin(), b.entries().end(),
                                     [&e](const Entry& other) { return other.key.view() == e.key.view(); });
        return it != b.entries().end() && it->key_pos == e.key_pos && it->value == e.value;
    });
}

template <class Entries> auto* find(Entries& entries, std::string_view key) {
    const auto it = std::find_if(entries.begin(), entries.end(), [key](const Entry& e) { return e.key.view() == key; });
    return it == entries.end() ? nullptr : &it->value;
}

} // namespace

bool operator==(const Node& a, const Node& b) {
    if (a.type() != b.type() || a.pos() != b.pos()) {
        return false;
    }
    if (const Table* t = a.as_table()) {
        return same(*t, *b.as_table());
    }
    if (const Array* arr = a.as_array()) {
        return arr->items() == b.as_array()->items();
    }
    if (const DateTime* x = a.as_date_time()) {
        return *x == *b.as_date_time();
    }
    if (const double* x = a.as_floating_point()) {
        const double y = *b.as_floating_point();
        return *x == y || (std::isnan(*x) && std::isnan(y)); // NaN is the same value here
    }
    return a.value_ == b.value_;
}

namespace {
// Up to this many keys a table is searched in order: cheaper than hashing for the few keys of a
// real catalogue's tables.
constexpr std::size_t index_from = 32;
} // namespace

Node* Table::get(std::string_view key) {
    return const_cast<Node*>(std::as_const(*this).get(key));
}

const Node* Table::get(std::string_view key) const {
    if (!index_) {
        return find(entries_, key);
    }
    const auto it = index_->find(std::string(key));
    return it == index_->end() ? nullptr : &entries_[it->second].value;
}

Node& Table::add(String key, SourcePos key_pos, Node value) {
    entries_.push_back({std::move(key), key_pos, std::move(value)});
    if (index_) {
        index_->emplace(entries_.back().key.view(), entries_.size() - 1);
    } else if (entries_.size() > index_from) {
        index_ = std::make_unique<std::unordered_map<std::string, std::size_t>>();
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            index_->emplace(entries_[i].key.view(), i);
        }
    }
    return entries_.back().value;
}

bool Array::all_tables() const {
    return std::all_of(items_.begin(), items_.end(), [](const Node& n) { return n.type() == Type::table; });
}

} // namespace wtool::toml_tree

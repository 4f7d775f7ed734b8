// Bounds on how deeply a TOML document nests, checked before toml++ reads it. toml++ handles a
// key's parts in a loop, but builds one table per part and then walks and frees its tree
// recursively, as wtool's conversion of that tree does: a key of 50,000 parts (`a.a.a…a = 1`)
// overflows the stack. toml++ itself stops arrays and inline tables at 256 levels, but counts no
// key parts, so dotted keys inside nested inline tables reach any depth too. The check is one
// linear pass without recursion; it understands just enough TOML (comments, the four kinds of
// string, keys, headers, arrays and inline tables) never to misread a valid document, and stops
// quietly at anything it does not understand (toml++ then reports the syntax error there, having
// built nothing deeper than what the check has seen).
#pragma once

#include "support/source_pos.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace wtool::toml_tree {

// Parts a key may have: [a.b.c] and a.b.c = 1 have three. Catalogues use one or two.
inline constexpr std::size_t max_key_parts = 64;

// Levels of tables, arrays and inline tables, as the check counts them: each part of a key is one
// level (a [[header]] one more, for its array), each array or inline table one more than what
// holds it. In [a.b] x = [[1]], the outer array is at level 3, the inner one at 4; a catalogue's
// deepest is 3 ([[episode.speaker]]). Far above that (toml++ itself stops arrays and inline
// tables at 256 levels, so between 257 and 512 its own error stands), and far below where the
// recursive walks run out of stack (several thousand levels).
inline constexpr std::size_t max_nesting = 512;

// Where a document goes beyond those limits, and which one it is ("key has more than 64 parts").
struct TooDeep {
    SourcePos pos; // line and column as toml++ counts them (a leading byte-order mark not counted)
    std::string message;
};

// The first key of more than max_key_parts parts, or the first table, array or inline table
// deeper than max_nesting; nothing when there is none. `source` must be valid UTF-8.
std::optional<TooDeep> check_nesting(std::string_view source);

} // namespace wtool::toml_tree

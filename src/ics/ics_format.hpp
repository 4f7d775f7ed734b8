// The iCalendar (RFC 5545) content-line syntax: escaping TEXT values, parameter values and
// URIs, formatting dates, offsets and durations, and folding lines. Everything wtool writes into
// a calendar goes through here, so that no catalogue value can add a line, a property or a
// component of its own: a newline becomes "\n", "END:VEVENT" stays text.
#pragma once

#include "time/timezone.hpp"

#include <chrono>
#include <initializer_list>
#include <string>
#include <string_view>

namespace wtool::ics {

// Escapes a TEXT value (RFC 5545 section 3.3.11): backslash, semicolon and comma get a
// backslash, every line break (LF, CRLF or a lone CR) becomes "\n". Other control characters
// (which TEXT cannot hold) are dropped, tab is kept; malformed UTF-8 becomes U+FFFD.
std::string escape_text(std::string_view value);

// A parameter value (RFC 5545 section 3.2 with RFC 6868 caret encoding): '^' becomes "^^",
// a line break "^n" and '"' "^'"; the value is put in double quotes when it holds ';', ':' or
// ','. Other control characters are dropped.
std::string param_value(std::string_view value);

// A URI value (URL, CONFERENCE, ORGANIZER's mailto:): URIs are not escaped in iCalendar, so
// every byte that cannot appear in a URI (controls, space, '"', '<', '>', '\', '^', '`', '{',
// '|', '}', and non-ASCII) is percent-encoded.
std::string uri_value(std::string_view uri);

// Folds one content line (without its line break) into lines of at most 75 octets, each ended
// by CRLF; continuation lines start with one space, which counts towards their 75 octets
// (RFC 5545 section 3.1). A fold never splits a UTF-8 sequence, a backslash escape ("\n",
// "\\", "\;", "\,") or a caret escape ("^n"), and never leaves an empty continuation line.
std::string fold_line(std::string_view line);

// 20260302T140000Z (DATE-TIME in UTC).
std::string format_utc(tz::Instant t);
// 20260302T150000 (DATE-TIME as local time; used with TZID=).
std::string format_local(tz::LocalTime t);
// +0100, -0330, +0000; with seconds only when there are any: +003420 (UTC-OFFSET).
std::string format_utc_offset(std::chrono::seconds offset);
// A DURATION: P1D, PT1H30M, P1DT2H, PT0S; negative values get a leading '-' (-PT15M).
std::string format_duration(std::chrono::minutes d);

// A property parameter: name and unencoded value (the writer encodes it with param_value).
struct Param {
    std::string_view name;
    std::string_view value;
};

// Builds an iCalendar stream line by line: every line is folded and ends with CRLF.
class Writer {
  public:
    void begin(std::string_view component);
    void end(std::string_view component);
    // A property whose value is already in the syntax of its type (a date, an integer, a
    // duration, a URI from uri_value, ...). Control characters in `value` are dropped.
    void raw(std::string_view name, std::string_view value, std::initializer_list<Param> params = {});
    // A TEXT property: the value is escaped with escape_text.
    void text(std::string_view name, std::string_view value, std::initializer_list<Param> params = {});

    [[nodiscard]] const std::string& str() const { return out_; }

  private:
    void line(std::string_view name, std::initializer_list<Param> params, std::string_view value);
    std::string out_;
};

} // namespace wtool::ics

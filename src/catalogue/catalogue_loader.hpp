// Reading a catalogue file into the model, with every syntax and structure problem reported
// as a diagnostic: invalid UTF-8, TOML syntax errors (at toml++'s position), unknown keys
// (with "did you mean"), wrong value types and missing required fields.
#pragma once

#include "catalogue/catalogue.hpp"
#include "support/diagnostics.hpp"

#include <expected>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace wtool {

struct LoadFailure {
    enum class Kind {
        unreadable, // the file could not be read: `message` says why
        invalid,    // not UTF-8 or not TOML: the diagnostics say where
    };
    Kind kind = Kind::invalid;
    std::string message;
    SourceText source; // the text read, when there was one (to quote lines in diagnostics)
};

// Parses catalogue text. `name` is the file name used in messages. Structure problems (unknown
// keys, wrong types, missing fields) are added to `diags` and the catalogue is still returned,
// with the faulty values left absent; only text that is not UTF-8 or not TOML fails.
std::expected<Catalogue, LoadFailure> parse_catalogue(SourceText source, const std::filesystem::path& name,
                                                      Diagnostics& diags);
std::expected<Catalogue, LoadFailure> parse_catalogue(std::string source, const std::filesystem::path& name,
                                                      Diagnostics& diags);

// Reads and parses a catalogue file (see parse_catalogue).
std::expected<Catalogue, LoadFailure> load_catalogue(const std::filesystem::path& path, Diagnostics& diags);

} // namespace wtool

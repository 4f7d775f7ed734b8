// The command line as plain data, read from the CLI11 definition itself (the same objects that
// print --help), so that the man page and the shell completions generated from it cannot drift
// from --help and include every command registered in app.cpp, whenever it was added.
//
// What kind of value an option takes is read from its CLI11 definition too:
//  - a flag takes none; a check(CLI::IsMember({...})) gives the choices;
//  - type_name "FILE" or "PATH" (or a CLI::ExistingFile/ExistingPath check): a file path;
//    "DIR" (or CLI::ExistingDirectory): a folder; "ZONE", "ZONE,..." or "ZONE[,ZONE...]": a time
//    zone name;
//  - an option or positional named `season` takes a season number and one named `episode` an
//    episode code, both completed from the catalogue; one named `timezone` takes a time zone.
// Commands and options in the hidden group (group("")) are left out.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace wtool {

enum class ValueKind {
    none,      // a flag
    text,      // anything
    choice,    // one of `choices`
    file,      // a file path
    directory, // a folder path
    season,    // a season number of the catalogue
    episode,   // an episode code of the catalogue
    zone,      // an IANA time zone name
};

struct OptionSpec {
    std::vector<std::string> long_names;  // without "--"
    std::vector<std::string> short_names; // without "-"
    std::string positional_name;          // for a positional argument, else empty
    std::string value_name;               // as --help shows it: "FILE", "N:POSITIVE", "HH:MM"; "TEXT" for choices
    std::string description;
    std::string default_value; // the default --help shows, or empty
    ValueKind kind = ValueKind::none;
    std::vector<std::string> choices;
    bool repeatable = false; // may be given more than once / takes several values
    bool required = false;
    bool root_only = false; // the program's own --help or --version (not passed on to commands)

    // "--format", or "-q" when there is no long name, or the positional name.
    [[nodiscard]] std::string display_name() const;
};

struct CommandSpec {
    std::string name;
    std::string description;
    std::string footer;                  // the example and notes --help prints after the options
    std::vector<OptionSpec> options;     // in definition order, --help included
    std::vector<OptionSpec> positionals; // in order
};

struct CliSpec {
    std::string program;                    // "wtool"
    std::string description;                // the root's description
    std::vector<OptionSpec> global_options; // the root's options: accepted before or after a command
    std::vector<CommandSpec> commands;      // visible subcommands, in registration order
};

// Reads the definition of `root` and its visible subcommands.
CliSpec describe_cli(const CLI::App& root);

// The options of `root` that take a value (e.g. --catalogue): a word after them is their value,
// not a command. Used to find the command among the words of a command line.
std::vector<std::string> value_option_names(const CliSpec& cli);

} // namespace wtool

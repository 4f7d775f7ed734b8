// Shell completion scripts for bash, zsh and fish, generated from the command line's definition
// (cli_model.hpp): subcommands, their options and the global options, the choices of an option,
// file and folder paths, time zones, and season numbers and episode codes, which the scripts ask
// the program for at completion time (`wtool __complete seasons|episodes|zones`, silent on errors).
#pragma once

#include "cli/cli_model.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace wtool {

enum class Shell { bash, zsh, fish };

// The completion script for `shell`. Pure: the same definition gives the same bytes.
std::string render_completion(const CliSpec& cli, Shell shell);

// What a script template's placeholders stand for: "PROGRAM" → "wtool".
using ScriptValues = std::map<std::string, std::string, std::less<>>;

// A completion script template (data/completion/*.in) with every @NAME@ (NAME of A-Z and '_')
// replaced by its value. A placeholder alone on its line stands for whole lines: it is replaced
// together with its line end, so its value ends in a line end unless it is empty. '@' that does
// not start a placeholder ("${args[@]}") is kept. Throws std::logic_error for a placeholder that
// has no value (a mistake in the template, which the unit tests would show).
std::string fill_script_template(std::string_view text, const ScriptValues& values);

// The hidden command the scripts call for values from the catalogue.
inline constexpr std::string_view complete_command_name = "__complete";

// `word` as one single-quoted fish word ('it\'s'); bash and zsh words are text::shell_quote.
std::string fish_quote(std::string_view word);

} // namespace wtool

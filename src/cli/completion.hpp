// Shell completion scripts for bash, zsh and fish, generated from the command line's definition
// (cli_model.hpp): subcommands, their options and the global options, the choices of an option,
// file and folder paths, time zones, and season numbers and episode codes, which the scripts ask
// the program for at completion time (`wtool __complete seasons|episodes|zones`, silent on errors).
#pragma once

#include "cli/cli_model.hpp"

#include <string>
#include <string_view>

namespace wtool {

enum class Shell { bash, zsh, fish };

// The completion script for `shell`. Pure: the same definition gives the same bytes.
std::string render_completion(const CliSpec& cli, Shell shell);

// The hidden command the scripts call for values from the catalogue.
inline constexpr std::string_view complete_command_name = "__complete";

// `word` as one single-quoted fish word ('it\'s'); bash and zsh words are text::shell_quote.
std::string fish_quote(std::string_view word);

} // namespace wtool

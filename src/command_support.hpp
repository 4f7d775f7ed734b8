// Helpers every command shares: loading a catalogue that is good enough to work from.
#pragma once

#include "catalogue.hpp"
#include "context.hpp"

namespace wtool {

// Loads the catalogue at ctx.catalogue and runs all validation rules. If it cannot be read or
// has errors, prints them to ctx.err and throws CommandError (exit 2) telling the user to run
// `wtool validate`. Warnings are not printed: `validate` is where they are reported.
Catalogue load_usable_catalogue(const Context& ctx);

} // namespace wtool

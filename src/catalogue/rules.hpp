// The semantic checks of `wtool validate`: everything about a catalogue that TOML itself cannot
// say is wrong. Each check has a stable rule id (documented in docs/validate.md); all problems
// are collected, none stops the others.
#pragma once

#include "catalogue/catalogue.hpp"
#include "support/diagnostics.hpp"
#include "time/timezone.hpp"

namespace wtool {

// Runs every semantic rule over a loaded catalogue. `now` decides which seasons are past and
// which are coming.
void check_catalogue(const Catalogue& cat, tz::Instant now, Diagnostics& diags);

} // namespace wtool

// The shipped catalogue (data/episodes.toml), loaded once for the targets that render it. Its
// path is compiled in (WTOOL_SOURCE_DIR), so the targets run from any folder of this checkout.
#pragma once

#include "catalogue/catalogue.hpp"

namespace wtool::fuzz {

// The shipped catalogue, loaded and validated on first use; aborts if it has errors.
const Catalogue& shipped_catalogue();

} // namespace wtool::fuzz

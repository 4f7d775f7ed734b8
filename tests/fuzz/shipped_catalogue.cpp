#include "shipped_catalogue.hpp"

#include "catalogue/catalogue_loader.hpp"
#include "catalogue/rules.hpp"
#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>

namespace wtool::fuzz {

const Catalogue& shipped_catalogue() {
    static const Catalogue cat = [] {
        const char* path = WTOOL_SOURCE_DIR "/data/episodes.toml";
        Diagnostics diags;
        auto loaded = load_catalogue(path, diags);
        if (loaded) {
            check_catalogue(*loaded, now(), diags);
        }
        if (!loaded || diags.has_errors()) {
            std::fprintf(stderr, "fuzz: cannot use %s: run wtool validate on it\n", path);
            std::abort();
        }
        return std::move(*loaded);
    }();
    return cat;
}

} // namespace wtool::fuzz

// Fuzz target: a catalogue's bytes through everything `wtool validate` does with them: the UTF-8
// check, the TOML parse (wtool's fast parser, else toml++), keys, types and required fields
// (catalogue_loader), every semantic rule (rules), and the diagnostics rendered as text (quoting
// source lines, with and without colour) and as JSON.
#include "catalogue/catalogue_loader.hpp"
#include "catalogue/rules.hpp"
#include "fuzz_support.hpp"
#include "support/diagnostics.hpp"

using namespace wtool;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > fuzz::max_input_bytes) {
        return -1;
    }
    const std::string_view file = "fuzz.toml";
    Diagnostics diags;
    auto loaded = parse_catalogue(std::string(fuzz::as_text(data, size)), file, diags);
    if (loaded) {
        check_catalogue(*loaded, fuzz::now(), diags);
    }
    diags.sort_by_position();
    const std::string_view source = loaded ? loaded->source.view() : loaded.error().source.view();
    const std::string text = render_diagnostics_text(diags.items(), file, source, Color::no);
    const std::string colored = render_diagnostics_text(diags.items(), file, source, Color::yes);
    const std::string json = render_diagnostics_json(diags.items(), file);
    const std::string summary = summary_line(diags.error_count(), diags.warning_count());
    // Every finding is shown, in both renderings.
    if (diags.empty() != text.empty() || diags.empty() != colored.empty() || json.empty() || summary.empty()) {
        __builtin_trap();
    }
    return 0;
}

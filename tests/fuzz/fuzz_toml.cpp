// Fuzz target: wtool's fast TOML parser against toml++, the parser it stands in for
// (toml_fast_parser.hpp). The fast parser may decline any document; when it accepts one, toml++
// must accept it too and read the same tree, every key, value and position included. A
// difference would make `validate` read a catalogue otherwise than TOML does, so it is a finding
// (the trap below), as is a crash of either. Inputs are UTF-8, as the loader ensures first.
#include "fuzz_support.hpp"
#include "support/text.hpp"
#include "toml/toml_document.hpp"
#include "toml/toml_fast_parser.hpp"

using namespace wtool;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view source = fuzz::as_text(data, size);
    if (size > fuzz::max_input_bytes || !text::is_valid_utf8(source)) {
        return -1;
    }
    const std::optional<toml_tree::Node> fast = toml_tree::parse_fast(source);
    auto reference = toml_tree::parse_document(source, "fuzz.toml", toml_tree::Parser::toml_plus_plus);
    if (fast && (!reference || !(*fast == *reference))) {
        __builtin_trap(); // the fast parser accepted what toml++ rejects, or read it otherwise
    }
    return 0;
}

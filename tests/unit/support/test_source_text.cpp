#include "support/source_text.hpp"

#include <doctest/doctest.h>
#include <optional>

using namespace wtool;

TEST_CASE("source text: a string it owns, shared by its copies") {
    std::optional<SourceText> original(SourceText(std::string(100, 'x')));
    CHECK(original->view() == std::string(100, 'x'));
    const SourceText copy = *original;
    CHECK(copy.view().data() == original->view().data()); // the same bytes, not a copy
    const std::string_view seen = copy;
    original.reset(); // AddressSanitizer would see the bytes freed here
    CHECK(seen == std::string(100, 'x'));
    SourceText moved = SourceText(std::string("short")); // even a small string keeps its place
    const char* const before = moved.view().data();
    const SourceText after = std::move(moved);
    CHECK(after.view().data() == before);
    CHECK(moved.view().empty()); // NOLINT(bugprone-use-after-move): empty, not a view it does not keep
    CHECK(SourceText().view().empty());
}

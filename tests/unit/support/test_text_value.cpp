#include "support/source_text.hpp"
#include "support/text_value.hpp"

#include <doctest/doctest.h>
#include <optional>

using namespace wtool;

namespace {

bool inside(std::string_view part, std::string_view whole) {
    return !part.empty() && part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

} // namespace

TEST_CASE("text value: owns what it is given, and its copies share it") {
    std::string made = "Ada Lovelace, a long enough name to live on the heap";
    std::optional<TextValue> text{TextValue(std::string(made))};
    CHECK(text->view() == made);
    const TextValue copy = *text;
    CHECK(copy.data() == text->data()); // shared, not copied again
    text.reset();
    CHECK(copy == made); // AddressSanitizer would see freed bytes here

    const char* literal = "a literal";
    const TextValue from_pointer = literal;
    CHECK(from_pointer.data() != literal); // a const char* may be any buffer: it is copied
    CHECK(from_pointer == "a literal");
    CHECK(TextValue().empty());

    TextValue moved_from(std::string("moved"));
    const TextValue moved_to = std::move(moved_from);
    CHECK(moved_to == "moved");
    CHECK(moved_from.empty()); // NOLINT(bugprone-use-after-move): empty, not a view it does not keep
    TextValue assigned(std::string("old"));
    TextValue replacement(std::string("new"));
    assigned = std::move(replacement);
    CHECK(assigned == "new");
    CHECK(replacement.empty()); // NOLINT(bugprone-use-after-move)
}

TEST_CASE("text value: reads like a string_view") {
    const TextValue t(std::string("S09E01 title"));
    CHECK(t.size() == 12);
    CHECK(t.front() == 'S');
    CHECK(t.back() == 'e');
    CHECK(t[2] == '9');
    CHECK(t.find("title") == 7);
    CHECK(t.find('E') == 3);
    CHECK(t.substr(0, 6) == "S09E01");
    CHECK(t.starts_with("S09"));
    CHECK(t.ends_with("title"));
    CHECK(t.contains("E01"));
    CHECK(t < TextValue(std::string("S10")));
    CHECK(t + "!" == "S09E01 title!");
    CHECK("> " + t == "> S09E01 title");
    CHECK(fmt::format("[{:>14}]", t) == "[  S09E01 title]");
    const std::string s = t;
    CHECK(s == "S09E01 title");
}

TEST_CASE("source text: shares its own bytes, copies anything else") {
    std::optional<SourceText> source(SourceText(std::string("title = \"A talk about datasets\"\n")));
    const std::string_view whole = *source;
    const TextValue shared = source->share(whole.substr(9, 21));
    CHECK(shared.data() == whole.data() + 9); // a view: no copy
    const std::string elsewhere = "A decoded string, not in the source";
    const TextValue copied = source->share(elsewhere);
    CHECK_FALSE(inside(copied, whole));
    CHECK(copied.data() != elsewhere.data());
    CHECK(copied == elsewhere);
    source.reset();
    CHECK(shared == "A talk about datasets"); // the view keeps the source alive
}

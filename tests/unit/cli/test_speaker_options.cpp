#include "cli/speaker_options.hpp"

#include <doctest/doctest.h>

using namespace wtool;

namespace {
using F = SpeakerField;
std::vector<std::string> errors_of(const std::vector<SpeakerArg>& args) {
    auto r = group_speaker_args(args);
    REQUIRE_FALSE(r);
    return r.error();
}
} // namespace

TEST_CASE("grouping per-speaker options") {
    SUBCASE("each option belongs to the --speaker before it") {
        const std::vector<SpeakerArg> args = {
            {F::speaker, "Ada"},    {F::affiliation, "A1"},        {F::country, "UK"},
            {F::speaker, "Alan"},   {F::honorific, "Prof."},       {F::country, "UK"},
            {F::bio_file, "a.txt"}, {F::affiliation, "Cambridge"}, {F::homepage, "https://x"}};
        const auto r = group_speaker_args(args);
        REQUIRE(r);
        REQUIRE(r->size() == 2);
        CHECK((*r)[0].name == "Ada");
        CHECK((*r)[0].affiliation == "A1");
        CHECK((*r)[0].country == "UK");
        CHECK_FALSE((*r)[0].honorific);
        CHECK_FALSE((*r)[0].bio_file);
        CHECK((*r)[1].name == "Alan");
        CHECK((*r)[1].honorific == "Prof.");
        CHECK((*r)[1].affiliation == "Cambridge");
        CHECK((*r)[1].bio_file == "a.txt");
        CHECK((*r)[1].homepage == "https://x");
    }
    SUBCASE("no speakers at all is not an error here") {
        const auto r = group_speaker_args({});
        REQUIRE(r);
        CHECK(r->empty());
    }
    SUBCASE("an option before the first --speaker") {
        CHECK(errors_of({{F::affiliation, "A"}, {F::speaker, "Ada"}}) ==
              std::vector<std::string>{
                  "--affiliation 'A' comes before any --speaker; put it after the --speaker it belongs to"});
    }
    SUBCASE("an option twice for one speaker") {
        CHECK(errors_of({{F::speaker, "Ada"}, {F::country, "UK"}, {F::country, "France"}}) ==
              std::vector<std::string>{"--country is given twice for speaker 'Ada' ('UK' and 'France'); each "
                                       "--speaker takes its own options once, after it"});
    }
    SUBCASE("empty values and values that look like options") {
        CHECK(errors_of({{F::speaker, ""}, {F::country, "UK"}}) ==
              std::vector<std::string>{"--speaker needs the speaker's name"});
        CHECK(errors_of({{F::speaker, "Ada"}, {F::honorific, ""}}) ==
              std::vector<std::string>{"--honorific is empty for speaker 'Ada'; leave it out"});
        CHECK(errors_of({{F::speaker, "--no-recording"}}) ==
              std::vector<std::string>{"--speaker '--no-recording' looks like an option: give --speaker its value"});
    }
    SUBCASE("every problem is reported") {
        CHECK(errors_of({{F::homepage, "h"},
                         {F::speaker, "Ada"},
                         {F::bio_file, "a"},
                         {F::bio_file, "b"},
                         {F::speaker, "Alan"},
                         {F::country, ""}})
                  .size() == 3);
    }
    SUBCASE("option names") {
        CHECK(option_name(F::bio_file) == "--bio-file");
        CHECK(option_name(F::speaker) == "--speaker");
    }
}

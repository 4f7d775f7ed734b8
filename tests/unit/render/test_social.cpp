#include "render/social.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace wtool;

TEST_CASE("post length as the platforms count it") {
    CHECK(social::post_length("hello") == 5);
    CHECK(social::post_length("hello\n") == 5);               // the final line break is not part of the post
    CHECK(social::post_length("L👀king") == 6);                // one code point for the emoji
    CHECK(social::post_length("e\u0301") == 2);               // code points: never fewer than graphemes
    CHECK(social::post_length("see https://a.io") == 4 + 23); // short links count 23
    const std::string long_link = "https://itucph.zoom.us/meeting/register/7Uu9dZ9TQVO75y1arqSp4g";
    CHECK(social::post_length("go " + long_link) == 3 + long_link.size()); // long links count in full
    CHECK(social::post_length("(https://a.io)") == 1 + 23);
}

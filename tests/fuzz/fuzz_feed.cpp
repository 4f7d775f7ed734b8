// Fuzz target: the YouTube playlist feed `wtool recordings` downloads (outside input), parsed
// (recordings/youtube_feed.hpp) and matched against the shipped catalogue's last season
// (recordings_plan.hpp, recording_match.hpp), as the command does. Any exception or sanitizer
// finding is a bug: the parser returns errors as values.
#include "fuzz_support.hpp"
#include "shipped_catalogue.hpp"
#include "recordings/recordings_plan.hpp"
#include "recordings/youtube_feed.hpp"

using namespace wtool;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > fuzz::max_input_bytes) {
        return 0;
    }
    const std::string_view xml = fuzz::as_text(data, size);
    const auto feed = recordings::parse_youtube_feed(xml);
    if (!feed) {
        return 0;
    }
    const Catalogue& cat = fuzz::shipped_catalogue();
    for (const int season : {9, 8}) {
        const recordings::Proposal p = recordings::propose(cat, season, *feed);
        (void)p.to_apply();
    }
    return 0;
}

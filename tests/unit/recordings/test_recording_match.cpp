#include "recordings/recording_match.hpp"

#include <doctest/doctest.h>

using namespace wtool::recordings;

TEST_CASE("normalised text") {
    CHECK(normalise("Jiménez-Sánchez: “Bias”!") == "jimenez sanchez bias");
    CHECK(normalise("  Łódź — Ærø  ") == "lodz aro"); // Æ is one letter, its A
    CHECK(normalise("L👀king-Glass S09E03") == "l king glass s09e03");
    CHECK(normalise("Über | Straße (Dr. Ñúñez)") == "uber strase dr nunez");
    CHECK(normalise("日本語 データ") == "日本語 データ");
    CHECK(normalise("bad \xff byte") == "bad byte");
}

namespace {

const std::vector<TalkRef> season = {
    {"S09E01", "From Metrics to Meaning: Making Evaluation Matter in Medical Imaging AI", {"Evangelia Christodoulou"}},
    {"S09E02", "Dermatology datasets: annotator variability, curation and data quality audits", {"Kumar Abhishek"}},
    {"S09E03", "Fairness of chest X-ray classifiers across hospitals", {"Amelia Jiménez-Sánchez"}},
};

std::vector<Match> match(std::vector<std::string> titles) {
    return match_videos(titles, season);
}

} // namespace

TEST_CASE("titles in the styles uploaders use") {
    SUBCASE("the episode code") {
        const auto m = match({"Datasets through the L👀king-Glass S09E03 – shortened (someone)"});
        REQUIRE(m.size() == 1);
        CHECK(m[0].talk == 2);
        CHECK(m[0].confidence == Confidence::certain);
        CHECK(m[0].reason == "episode code S09E03");
        CHECK(match({"s9e1: metrics"}).at(0).talk == 0); // short code forms too
    }
    SUBCASE("Title - Speaker") {
        const auto m = match({"From Metrics to Meaning: Making Evaluation Matter in Medical Imaging AI - Evangelia "
                              "Christodoulou"});
        REQUIRE(m.size() == 1);
        CHECK(m[0].talk == 0);
        CHECK(m[0].confidence == Confidence::high);
        CHECK(m[0].reason == "title 8/8 words, speaker Evangelia Christodoulou");
    }
    SUBCASE("Speaker | shortened title") {
        const auto m = match({"Kumar Abhishek | Dermatology datasets: annotator variability and data quality"});
        REQUIRE(m.size() == 1);
        CHECK(m[0].talk == 1);
        CHECK(m[0].confidence == Confidence::high);
    }
    SUBCASE("accents and dashes written differently") {
        const auto m = match({"Fairness of chest x ray classifiers across hospitals (Amelia Jimenez Sanchez)"});
        REQUIRE(m.size() == 1);
        CHECK(m[0].talk == 2);
        CHECK(m[0].confidence == Confidence::high);
    }
    SUBCASE("each video one talk, each talk one video") {
        const auto m = match({"S09E01 metrics", "From Metrics to Meaning: Making Evaluation Matter in Medical "
                                                "Imaging AI - Evangelia Christodoulou"});
        REQUIRE(m.size() == 1); // the code wins; the second video is not placed
        CHECK(m[0].video == 0);
        CHECK(m[0].talk == 0);
    }
}

TEST_CASE("near misses do not match confidently") {
    // Another talk by nobody of the season, on a neighbouring subject.
    for (const auto& m : match({"Fairness of brain MRI segmentation across scanners - Jane Doe"})) {
        CHECK(m.confidence == Confidence::possible);
    }
    // A trailer, another series' code, a speaker's name alone.
    CHECK(match({"Season 10 – trailer"}).empty());
    CHECK(match({"Other series S08E01: From metrics"}).empty());
    for (const auto& m : match({"Interview with Kumar Abhishek"})) {
        CHECK(m.confidence != Confidence::high);
        CHECK(m.confidence != Confidence::certain);
    }
    // A short title word that happens to appear ("data") is not a match.
    CHECK(match({"Open data day 2026"}).empty());
}

TEST_CASE("a video as good for two talks is only possible for each") {
    const std::vector<TalkRef> twice = {{"S01E01", "Bias in datasets", {"Ada Lovelace"}},
                                        {"S01E02", "Bias in datasets", {"Ada Lovelace"}}};
    const std::vector<std::string> titles = {"Bias in datasets - Ada Lovelace"};
    const auto m = match_videos(titles, twice);
    REQUIRE(m.size() == 1);
    CHECK(m[0].confidence == Confidence::possible);
}

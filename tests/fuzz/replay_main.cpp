// The main of a fuzz target in builds without libFuzzer: runs the target once on each file named
// on the command line, and on each file in each folder named (in name order), as libFuzzer does
// when given files. A crash, a sanitizer finding or an exception ends it abnormally, so ctest
// replays the seed corpus and the regression inputs in every build (tests/fuzz/CMakeLists.txt).
#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace {

std::vector<std::filesystem::path> inputs(const std::filesystem::path& arg) {
    if (!std::filesystem::is_directory(arg)) {
        return {arg};
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(arg)) {
        if (entry.is_regular_file()) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        for (const std::filesystem::path& file : inputs(argv[i])) {
            std::ifstream in(file, std::ios::binary);
            if (!in) {
                std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
                return 2;
            }
            const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
            std::fprintf(stderr, "replay: %s\n", file.c_str());
            (void)LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
            ++count;
        }
    }
    if (count == 0) {
        std::fprintf(stderr, "replay: no input\n");
        return 2;
    }
    std::printf("replay: %zu inputs, no crash\n", count);
    return 0;
}

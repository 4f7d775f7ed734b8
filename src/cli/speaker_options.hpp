// The per-speaker options of `wtool add-episode`, which belong to the `--speaker` before them:
//
//   --speaker "Ada Lovelace" --affiliation "Analytical Society" --country UK
//   --speaker "Charles Babbage" --honorific Prof. --affiliation "..." --country UK --bio-file cb.txt
//
// The command line records each of these options, in the order given, as a SpeakerArg (CLI11
// runs a callback per occurrence); group_speaker_args() turns that list into speakers. The rule
// is strict so that nothing is ever guessed: a per-speaker option before the first --speaker,
// or given twice for one speaker, is an error.
#pragma once

#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wtool {

enum class SpeakerField { speaker, honorific, affiliation, country, homepage, bio_file };

// One occurrence of a per-speaker option on the command line.
struct SpeakerArg {
    SpeakerField field = SpeakerField::speaker;
    std::string value;
};

// One speaker as the command line describes it. `bio_file` is a file name (or "-").
struct SpeakerOptions {
    std::string name{};
    std::optional<std::string> honorific{}, affiliation{}, country{}, homepage{}, bio_file{};
};

// The option's spelling, e.g. "--affiliation".
std::string_view option_name(SpeakerField field);

// Groups the options into speakers, in command-line order. Every problem is reported, each as
// one message: an option before any --speaker, an option given twice for one speaker, an empty
// value, a value that looks like an option ("--speaker --no-recording").
std::expected<std::vector<SpeakerOptions>, std::vector<std::string>>
group_speaker_args(std::span<const SpeakerArg> args);

} // namespace wtool

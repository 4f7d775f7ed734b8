#include "cli/speaker_options.hpp"

#include <fmt/format.h>

namespace wtool {

namespace {

std::optional<std::string>* slot(SpeakerOptions& s, SpeakerField field) {
    switch (field) {
    case SpeakerField::honorific: return &s.honorific;
    case SpeakerField::affiliation: return &s.affiliation;
    case SpeakerField::country: return &s.country;
    case SpeakerField::homepage: return &s.homepage;
    case SpeakerField::bio_file: return &s.bio_file;
    case SpeakerField::speaker: break;
    }
    return nullptr;
}

} // namespace

std::string_view option_name(SpeakerField field) {
    switch (field) {
    case SpeakerField::speaker: return "--speaker";
    case SpeakerField::honorific: return "--honorific";
    case SpeakerField::affiliation: return "--affiliation";
    case SpeakerField::country: return "--country";
    case SpeakerField::homepage: return "--homepage";
    case SpeakerField::bio_file: return "--bio-file";
    }
    return "";
}

std::expected<std::vector<SpeakerOptions>, std::vector<std::string>>
group_speaker_args(std::span<const SpeakerArg> args) {
    std::vector<SpeakerOptions> speakers;
    std::vector<std::string> errors;
    for (const SpeakerArg& arg : args) {
        const std::string_view option = option_name(arg.field);
        if (arg.value.starts_with("--")) {
            errors.push_back(fmt::format("{} '{}' looks like an option: give {} its value", option, arg.value, option));
            continue;
        }
        if (arg.value.empty()) {
            errors.push_back(arg.field == SpeakerField::speaker
                                 ? std::string("--speaker needs the speaker's name")
                                 : fmt::format("{} is empty{}; leave it out", option,
                                               speakers.empty()
                                                   ? std::string{}
                                                   : fmt::format(" for speaker '{}'", speakers.back().name)));
            if (arg.field == SpeakerField::speaker) {
                speakers.emplace_back(); // later options still belong to this (nameless) speaker
            }
            continue;
        }
        if (arg.field == SpeakerField::speaker) {
            speakers.push_back(SpeakerOptions{.name = arg.value});
            continue;
        }
        if (speakers.empty()) {
            errors.push_back(fmt::format("{} '{}' comes before any --speaker; put it after the --speaker it belongs to",
                                         option, arg.value));
            continue;
        }
        SpeakerOptions& current = speakers.back();
        std::optional<std::string>* target = slot(current, arg.field);
        if (target == nullptr) {
            continue; // --speaker itself, handled above
        }
        if (target->has_value()) {
            errors.push_back(fmt::format("{} is given twice for speaker '{}' ('{}' and '{}'); each --speaker takes "
                                         "its own options once, after it",
                                         option, current.name, **target, arg.value));
            continue;
        }
        *target = arg.value;
    }
    if (!errors.empty()) {
        return std::unexpected(std::move(errors));
    }
    return speakers;
}

} // namespace wtool

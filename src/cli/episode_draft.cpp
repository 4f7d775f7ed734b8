#include "cli/episode_draft.hpp"

#include "catalogue/meeting_link.hpp"
#include "support/source_text.hpp"
#include "support/text.hpp"

#include <fmt/format.h>
#include <span>
#include <sstream>

namespace wtool {

namespace {

// Checks a one-line value given on the command line.
void check_value(std::string_view option, const std::optional<std::string>& value, std::vector<std::string>& errors) {
    if (!value) {
        return;
    }
    if (value->empty()) {
        errors.push_back(fmt::format("{} is empty; leave it out or give it a value", option));
    } else if (value->starts_with("--")) {
        errors.push_back(fmt::format("{} '{}' looks like an option: give {} its value", option, *value, option));
    } else if (!text::is_valid_utf8(*value)) {
        errors.push_back(fmt::format("{} is not valid UTF-8; check the terminal's character encoding", option));
    }
}

void check_values(const EpisodeDraftOptions& opts, std::vector<std::string>& errors) {
    check_value("--title", opts.title, errors);
    check_value("--video", opts.video, errors);
    check_value("--season-theme", opts.season_theme, errors);
    check_value("--zoom", opts.zoom, errors);
    check_value("--meeting", opts.meeting, errors);
    if (opts.meeting && !opts.meeting->empty() && !opts.meeting->starts_with("--")) {
        if (const auto problem = meeting_url_problem(*opts.meeting)) {
            errors.push_back(fmt::format("--meeting '{}' {}", text::visible(*opts.meeting), *problem));
        }
    }
    if (opts.zoom && opts.meeting) {
        errors.emplace_back("--zoom and --meeting both give the season's link: give one of them (--meeting takes a "
                            "link of any platform, Zoom too)");
    }
    if (opts.video && opts.no_recording) {
        errors.emplace_back("--video and --no-recording contradict each other: a recording that may not be shared "
                            "is not linked; give one of them");
    }
}

// The options that name "-" (standard input), in command-line order.
std::vector<std::string_view> stdin_options(const EpisodeDraftOptions& opts) {
    std::vector<std::string_view> from_stdin;
    const auto note_stdin = [&](std::string_view option, const std::optional<std::string>& name) {
        if (name && *name == "-") {
            from_stdin.push_back(option);
        }
    };
    note_stdin("--abstract-file", opts.abstract_file);
    note_stdin("--joint-bio-file", opts.joint_bio_file);
    for (const SpeakerArg& a : opts.speaker_args) {
        if (a.field == SpeakerField::bio_file && a.value == "-") {
            from_stdin.emplace_back("--bio-file");
        }
    }
    return from_stdin;
}

// Standard input can be read once, and not while it answers questions. Returns whether it may be
// read.
bool check_stdin_use(const std::vector<std::string_view>& from_stdin, bool asking, std::vector<std::string>& errors) {
    if (from_stdin.size() > 1) {
        const std::span<const std::string_view> all(from_stdin);
        errors.push_back(fmt::format("standard input can be read only once, but {} and {} {} name '-'; give file "
                                     "names",
                                     fmt::join(all.first(all.size() - 1), ", "), all.back(),
                                     all.size() == 2 ? "both" : "all"));
        return false;
    }
    if (!from_stdin.empty() && asking) {
        errors.push_back(fmt::format("{} -: standard input answers the questions on a terminal; give a file name",
                                     from_stdin.front()));
        return false;
    }
    return true;
}

// Reads the files the options name: UTF-8 text, normalised; a problem becomes one message.
class LongTextReader {
  public:
    LongTextReader(std::istream* in, bool stdin_ok, std::vector<std::string>& errors)
        : in_(in), stdin_ok_(stdin_ok), errors_(errors) {}

    // The text of the file `name` given to `option`; nothing without a name, for "-" when
    // standard input may not be read, and after a problem.
    std::optional<std::string> read(std::string_view option, const std::optional<std::string>& name) {
        if (!name || (*name == "-" && !stdin_ok_)) {
            return std::nullopt;
        }
        std::string content = read_input(option, *name);
        return content.empty() ? std::nullopt : std::optional<std::string>(std::move(content));
    }

  private:
    // Reads a file named on the command line, or standard input for "-".
    std::string read_input(std::string_view option, const std::string& name) {
        std::string content;
        if (name == "-") {
            if (in_ == nullptr) {
                errors_.push_back(fmt::format("{} -: there is no standard input to read", option));
                return {};
            }
            std::ostringstream buffer;
            buffer << in_->rdbuf();
            content = std::move(buffer).str();
        } else {
            auto read = read_file(name);
            if (!read) {
                errors_.push_back(fmt::format("{}: cannot read '{}': {}", option, name, read.error()));
                return {};
            }
            content = std::move(*read);
        }
        const std::string shown = name == "-" ? std::string("standard input") : fmt::format("'{}'", name);
        if (!text::is_valid_utf8(content)) {
            errors_.push_back(fmt::format("{}: {} is not UTF-8 text; convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8",
                                          option, shown));
            return {};
        }
        std::string normalised = normalise_text_file(content);
        if (normalised.empty()) {
            errors_.push_back(fmt::format("{}: {} is empty; leave the option out", option, shown));
        }
        return normalised;
    }

    std::istream* in_;
    bool stdin_ok_;
    std::vector<std::string>& errors_;
};

// The speakers of the --speaker options, with their biographies read.
std::vector<SpeakerDraft> speakers_from(const EpisodeDraftOptions& opts, LongTextReader& reader,
                                        std::vector<std::string>& errors) {
    std::vector<SpeakerDraft> speakers;
    auto grouped = group_speaker_args(opts.speaker_args);
    if (!grouped) {
        errors.insert(errors.end(), grouped.error().begin(), grouped.error().end());
        return speakers;
    }
    for (SpeakerOptions& s : *grouped) {
        SpeakerDraft d{.name = s.name,
                       .honorific = s.honorific,
                       .affiliation = s.affiliation,
                       .country = s.country,
                       .homepage = s.homepage,
                       .bio = std::nullopt};
        for (const std::string* value :
             {&d.name, s.honorific ? &*s.honorific : nullptr, s.affiliation ? &*s.affiliation : nullptr,
              s.country ? &*s.country : nullptr, s.homepage ? &*s.homepage : nullptr}) {
            if (value != nullptr && !text::is_valid_utf8(*value)) {
                errors.push_back(fmt::format("the options of speaker '{}' are not valid UTF-8; check the "
                                             "terminal's character encoding",
                                             s.name));
                break;
            }
        }
        d.bio = reader.read("--bio-file", s.bio_file);
        speakers.push_back(std::move(d));
    }
    return speakers;
}

// The fields of a new season, when any is given.
std::optional<SeasonDraft> new_season_from(const EpisodeDraftOptions& opts, int season,
                                           std::vector<std::string>& errors) {
    if (!(opts.season_date || opts.season_time || opts.season_theme || opts.zoom || opts.meeting || opts.new_season)) {
        return std::nullopt;
    }
    SeasonDraft s{.number = season};
    s.theme = opts.season_theme;
    s.zoom_url = opts.zoom;
    s.meeting_url = opts.meeting;
    if (opts.season_date) {
        if (auto d = parse_date_answer(*opts.season_date)) {
            s.date = *d;
        } else {
            errors.push_back("--season-date: " + d.error());
        }
    }
    if (opts.season_time) {
        if (auto t = parse_time_answer(*opts.season_time)) {
            s.time = *t;
        } else {
            errors.push_back("--season-time: " + t.error());
        }
    }
    return s;
}

} // namespace

std::expected<Addition, std::vector<std::string>> draft_from_options(const EpisodeDraftOptions& opts, bool asking,
                                                                     std::istream* in) {
    std::vector<std::string> errors;
    check_values(opts, errors);

    Addition draft;
    EpisodeDraft& e = draft.episode;
    e.season = opts.season.value_or(0);
    e.number = opts.number.value_or(0);
    e.title = opts.title.value_or("");
    e.recording = opts.video;
    e.share_recording = !opts.no_recording;

    const bool stdin_ok = check_stdin_use(stdin_options(opts), asking, errors);
    LongTextReader reader(in, stdin_ok, errors);
    e.abstract = reader.read("--abstract-file", opts.abstract_file);
    e.joint_bio = reader.read("--joint-bio-file", opts.joint_bio_file);
    e.speakers = speakers_from(opts, reader, errors);
    draft.new_season = new_season_from(opts, e.season, errors);
    if (!errors.empty()) {
        return std::unexpected(std::move(errors));
    }
    return draft;
}

} // namespace wtool

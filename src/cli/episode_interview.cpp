#include "cli/episode_interview.hpp"

#include "catalogue/meeting_link.hpp"
#include "catalogue/schedule.hpp"
#include "net/url.hpp"
#include "support/text.hpp"

#include <charconv>
#include <fmt/format.h>

namespace wtool {

namespace {

// Asks the questions in order. When the input ends at a question, every later question is
// skipped (each returns its default at once) and the result is discarded.
class Interview {
  public:
    Interview(Prompter& p, const Catalogue& cat, tz::Instant now) : p_(p), cat_(cat), now_(now) {}

    std::optional<Addition> run(const Addition& draft) {
        Addition out;
        EpisodeDraft& e = out.episode;
        e.season = ask_number("Season", draft.episode.season != 0 ? draft.episode.season : default_season(), 9999);
        if (const Season* season = cat_.find_season(e.season)) {
            describe(*season);
        } else {
            out.new_season = ask_new_season(e.season, draft.new_season);
        }
        const int next = next_episode_number(cat_, e.season);
        e.number = ask_number(
            fmt::format("Episode number in season {}", e.season),
            draft.episode.number != 0 && draft.episode.season == e.season ? draft.episode.number : next, 999999);
        e.title = ask_required("Title", draft.episode.title);
        for (std::size_t i = 0; !cancelled_; ++i) {
            const SpeakerDraft* given = i < draft.episode.speakers.size() ? &draft.episode.speakers[i] : nullptr;
            auto speaker = ask_speaker(i + 1, given);
            if (!speaker) {
                break;
            }
            e.speakers.push_back(std::move(*speaker));
        }
        e.abstract = ask_text("Abstract", draft.episode.abstract);
        if (e.speakers.size() > 1 || draft.episode.joint_bio) {
            e.joint_bio =
                ask_text("Joint bio of all the speakers (instead of, or besides, their own)", draft.episode.joint_bio);
        }
        e.recording = ask_url("Recording link (YouTube)", draft.episode.recording);
        e.share_recording =
            e.recording ? true : ask_yes_no("May the recording be shared?", draft.episode.share_recording);
        if (cancelled_) {
            return std::nullopt;
        }
        return out;
    }

  private:
    int default_season() const {
        if (const Season* next = next_season(cat_, now_)) {
            return next->number.value;
        }
        int highest = 0;
        for (const Season& s : cat_.seasons) {
            highest = std::max(highest, s.number.value);
        }
        return highest + 1;
    }

    void describe(const Season& s) {
        const std::string theme = s.theme ? fmt::format("'{}'", s.theme.value) : "theme TBA";
        const std::string day = s.date ? date::format("%Y-%m-%d", s.date.value) : "date TBA";
        p_.say(fmt::format("  season {}: {}, {}", s.number.value, theme, day));
    }

    SeasonDraft ask_new_season(int number, const std::optional<SeasonDraft>& given) {
        p_.say(fmt::format("  season {} does not exist yet: it will be created", number));
        SeasonDraft s{.number = number};
        const SeasonDraft defaults = given.value_or(SeasonDraft{});
        while (!cancelled_) {
            const std::string answer =
                ask("Date of the webinar day, YYYY-MM-DD (empty: TBA)",
                    defaults.date ? date::format("%Y-%m-%d", *defaults.date) : std::string{}, Clearable::yes);
            if (answer.empty()) {
                break;
            }
            const auto d = parse_date_answer(text::trim(answer));
            if (d) {
                s.date = *d;
                break;
            }
            p_.say("  " + d.error());
        }
        while (!cancelled_) {
            const std::string question = fmt::format("Start time, HH:MM (empty: the series' {})",
                                                     format_time_of_day(cat_.series.start_time.value));
            const std::string answer =
                ask(question, defaults.time ? format_time_of_day(*defaults.time) : std::string{}, Clearable::yes);
            if (answer.empty()) {
                break;
            }
            const auto t = parse_time_answer(text::trim(answer));
            if (t) {
                s.time = *t;
                break;
            }
            p_.say("  " + t.error());
        }
        s.theme = ask_optional("Theme of the day", defaults.theme);
        // A catalogue that names meeting links of any platform is asked for one (meeting_url), a
        // Zoom series for its Zoom link, as before meeting_url existed (unless --meeting gave one).
        if (meeting_link_noun(cat_) == "meeting link" || defaults.meeting_url) {
            s.meeting_url = ask_url(cat_.series.meeting_url.present ? "Meeting link (empty: the series' meeting_url)"
                                                                    : "Meeting link, any platform",
                                    defaults.meeting_url ? defaults.meeting_url : defaults.zoom_url);
        } else {
            s.zoom_url = ask_url("Zoom registration link", defaults.zoom_url);
        }
        return s;
    }

    std::optional<SpeakerDraft> ask_speaker(std::size_t index, const SpeakerDraft* given) {
        const SpeakerDraft defaults = given != nullptr ? *given : SpeakerDraft{};
        SpeakerDraft s;
        if (index == 1) {
            s.name = ask_required("Speaker's name", defaults.name);
        } else {
            s.name =
                ask(fmt::format("Speaker {}'s name (empty: no more speakers)", index), defaults.name, Clearable::yes);
            if (s.name.empty() || cancelled_) {
                return std::nullopt;
            }
        }
        s.honorific = ask_optional("  Honorific, e.g. Dr. or Prof. (empty: none)", defaults.honorific);
        s.affiliation = ask_required("  Affiliation", defaults.affiliation.value_or(""));
        s.country = ask_required("  Country", defaults.country.value_or(""));
        s.homepage = ask_url("  Homepage (empty: none)", defaults.homepage);
        s.bio = ask_text(fmt::format("  Bio of {}", s.name), defaults.bio);
        return s;
    }

    // One line; after the input has ended, the default without asking.
    std::string ask(std::string_view question, std::string_view default_value, Clearable clearable = Clearable::no) {
        if (!cancelled_) {
            if (auto answer = p_.line(question, default_value, clearable)) {
                return std::move(*answer);
            }
            cancelled_ = true;
        }
        return std::string(default_value);
    }

    std::string ask_required(std::string_view question, std::string_view default_value) {
        while (true) {
            std::string answer = ask(question, default_value);
            if (!text::trim(answer).empty() || cancelled_) {
                return answer;
            }
            p_.say("  this field is required");
        }
    }

    std::optional<std::string> ask_optional(std::string_view question, const std::optional<std::string>& given) {
        std::string answer = ask(question, given.value_or(""), Clearable::yes);
        return answer.empty() ? std::nullopt : std::optional<std::string>(std::move(answer));
    }

    std::optional<std::string> ask_text(std::string_view question, const std::optional<std::string>& given) {
        if (cancelled_) {
            return given;
        }
        std::string answer = p_.text(question, given.value_or(""));
        return answer.empty() ? std::nullopt : std::optional<std::string>(std::move(answer));
    }

    std::optional<std::string> ask_url(std::string_view question, const std::optional<std::string>& given) {
        while (true) {
            auto answer = ask_optional(question, given);
            if (!answer || cancelled_) {
                return answer;
            }
            const auto parsed = url::parse(*answer);
            if (parsed && (parsed->scheme == "https" || parsed->scheme == "http")) {
                return answer;
            }
            p_.say(fmt::format("  '{}' is not a web link ({}): write it with https://, or '-' for none", *answer,
                               parsed ? "only http and https are allowed" : parsed.error()));
        }
    }

    int ask_number(std::string_view question, int default_value, int max) {
        while (true) {
            const std::string answer = ask(question, default_value > 0 ? std::to_string(default_value) : "");
            const std::string_view t = text::trim(answer);
            int value = 0;
            const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
            if (ec == std::errc{} && ptr == t.data() + t.size() && value >= 1 && value <= max) {
                return value;
            }
            if (cancelled_) {
                return default_value;
            }
            p_.say(fmt::format("  '{}' is not a number from 1 to {}", answer, max));
        }
    }

    bool ask_yes_no(std::string_view question, bool default_value) {
        if (!cancelled_) {
            if (auto answer = p_.yes_no(question, default_value)) {
                return *answer;
            }
            cancelled_ = true;
        }
        return default_value;
    }

    Prompter& p_;
    const Catalogue& cat_;
    tz::Instant now_;
    bool cancelled_ = false;
};

} // namespace

std::optional<Addition> ask_for_addition(Prompter& prompter, const Catalogue& cat, tz::Instant now,
                                         const Addition& draft) {
    return Interview(prompter, cat, now).run(draft);
}

} // namespace wtool

#include "catalogue/rules.hpp"

#include "catalogue/calendar_plan.hpp"
#include "catalogue/hygiene.hpp"
#include "catalogue/meeting_link.hpp"
#include "catalogue/schedule.hpp"
#include "catalogue/site_paths.hpp"
#include "catalogue/text_findings.hpp"
#include "net/meeting_platform.hpp"
#include "net/url.hpp"
#include "support/line_index.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace wtool {

namespace {

std::string format_date(date::local_days d) {
    return date::format("%Y-%m-%d", d);
}
std::string weekday_name(date::local_days d) {
    return date::format("%A", d);
}

class RuleRunner {
  public:
    RuleRunner(const Catalogue& cat, tz::Instant now, Diagnostics& diags) : cat_(cat), now_(now), diags_(diags) {
        for (const Season& s : cat.seasons) {
            if (s.number.present) {
                season_numbers_.insert(s.number.value);
            }
        }
        for (const Episode& e : cat.episodes) {
            if (e.season != 0) {
                episodes_by_season_[e.season].push_back(&e);
            }
        }
    }

    void run() {
        check_zones();
        check_seasons();
        check_episodes();
        check_texts();
        check_urls();
        check_meeting_keys();
        check_schedule_completeness();
        check_calendar();
        check_site_paths();
        check_season_word();
    }

  private:
    void check_zones() {
        if (cat_.series.timezone.present) {
            check_zone(cat_.series.timezone);
        }
        for (const Text& z : cat_.series.audience_timezones) {
            check_zone(z);
        }
    }

    // A series' or audience's zone must be a place's: not an abbreviation ("EST" is a zone of the
    // tz database, but it stays on -05:00 all summer) nor a name the tz database does not know.
    void check_zone(const Text& zone) {
        if (auto advice = tz::place_advice(zone.value)) {
            diags_.error("timezone-abbreviation", zone.pos, std::move(advice->message), std::move(advice->hint));
        } else if (tz::find_zone(zone.value) == nullptr) {
            unknown_zone(zone);
        }
    }

    void unknown_zone(const Text& zone) {
        const auto suggestions = tz::suggest_zones(zone.value);
        diags_.error("unknown-timezone", zone.pos, fmt::format("unknown time zone '{}'", zone.value),
                     suggestions.empty() ? "use an IANA zone name such as 'Europe/Copenhagen'"
                                         : fmt::format("did you mean {}?", text::quoted_alternatives(suggestions)));
    }

    void check_seasons() {
        std::map<int, const Season*> by_number;
        std::map<date::local_days, const Season*> by_date;
        const date::time_zone* zone = series_zone(cat_);
        for (const Season& s : cat_.seasons) {
            if (!s.number.present) {
                continue;
            }
            const auto [it, inserted] = by_number.emplace(s.number.value, &s);
            if (!inserted) {
                diags_.error("duplicate-season", s.number.pos,
                             fmt::format("season {} is defined twice", s.number.value),
                             fmt::format("the first definition is on line {}", it->second->number.pos.line));
            }
            if (!s.date.present) {
                continue;
            }
            const date::weekday wd{s.date.value};
            if (wd == date::Saturday || wd == date::Sunday) {
                diags_.warning("season-weekend", s.date.pos,
                               fmt::format("season {} is on {}, a {}", s.number.value, format_date(s.date.value),
                                           weekday_name(s.date.value)),
                               "check the date: webinars usually run on weekdays");
            }
            const auto [dit, dinserted] = by_date.emplace(s.date.value, &s);
            if (!dinserted && !s.cancelled.value && !dit->second->cancelled.value) {
                diags_.warning("season-same-date", s.date.pos,
                               fmt::format("seasons {} and {} are both on {}", dit->second->number.value,
                                           s.number.value, format_date(s.date.value)));
            }
            if (zone != nullptr) {
                check_local_time(s, *zone);
            }
        }
        // Numbering gaps and date order, in number order.
        int expected = 1;
        const Season* previous_dated = nullptr;
        for (const auto& [number, season] : by_number) {
            if (number > expected) {
                diags_.warning("season-gap", season->number.pos,
                               expected + 1 == number
                                   ? fmt::format("season {} is missing", expected)
                                   : fmt::format("seasons {} to {} are missing", expected, number - 1),
                               "number seasons 1, 2, 3, ... without gaps");
            }
            expected = number + 1;
            if (season->date.present) {
                if (previous_dated != nullptr && season->date.value <= previous_dated->date.value &&
                    season->date.value != previous_dated->date.value) {
                    diags_.warning("season-order", season->date.pos,
                                   fmt::format("season {} ({}) is dated before season {} ({})", number,
                                               format_date(season->date.value), previous_dated->number.value,
                                               format_date(previous_dated->date.value)),
                                   "check the dates: a later season should not happen earlier");
                }
                previous_dated = season;
            }
            if (!episodes_by_season_.contains(number) && !season->cancelled.value) {
                diags_.warning("season-empty", season->pos, fmt::format("season {} has no episodes", number),
                               fmt::format("add its talks with: wtool add-episode --season {}", number));
            }
        }
    }

    void check_local_time(const Season& s, const date::time_zone& zone) {
        const tz::LocalTime local = tz::LocalTime{s.date.value} + season_start_time(cat_, s);
        const SourcePos where = s.time.present ? s.time.pos : s.date.pos;
        // A day away from the end of the data, whatever the zone's offset.
        if (tz::Instant{local.time_since_epoch()} >= tz::end_of_reliable_data() - date::days{1}) {
            diags_.error("season-beyond-tz-data", s.date.pos,
                         fmt::format("season {} on {} is too far ahead: the tz database wtool reads gives "
                                     "daylight-saving changes only until 2037, so its time and zone label "
                                     "would be wrong",
                                     s.number.value, format_date(s.date.value)),
                         "check the year; wtool handles dates up to 2037-12-31");
            return;
        }
        if (s.stated_utc_offset_minutes.present) {
            const std::chrono::minutes stated{s.stated_utc_offset_minutes.value};
            const auto resolved = tz::resolve_local(zone, local, tz::Ambiguity::earlier);
            if (resolved) {
                const tz::ZonedView view = tz::in_zone(zone, *resolved);
                const auto later = tz::resolve_local(zone, local, tz::Ambiguity::later);
                const bool matches = view.offset == stated || (later && tz::in_zone(zone, *later).offset == stated);
                if (!matches) {
                    const tz::Instant literal{local.time_since_epoch() - stated};
                    const tz::ZonedView literal_view = tz::in_zone(zone, literal);
                    diags_.warning(
                        "offset-mismatch", s.date.pos,
                        fmt::format("season {}: {} is on {} ({}) on {}, not {}", s.number.value, zone.name(),
                                    view.abbrev, tz::format_offset(view.offset), format_date(s.date.value),
                                    tz::format_offset(stated)),
                        fmt::format("as written, the start is {} {} there; if {} {} was meant, write date = {} and "
                                    "time = {} without an offset",
                                    date::format("%H:%M", literal_view.local), literal_view.abbrev,
                                    date::format("%H:%M", local), view.abbrev, format_date(s.date.value),
                                    date::format("%H:%M:00", local)));
                }
            }
            return;
        }
        const auto start = season_start(cat_, s);
        if (!start) {
            unclear_start(s, where, start.error());
        }
    }

    // A start that happens twice or never: an error, with the lines that say which instant is
    // meant (schedule.hpp: commands refuse the catalogue until it is fixed).
    void unclear_start(const Season& s, SourcePos where, const NoStart& n) {
        const auto utc = [](const StartReading& r) { return date::format("%H:%M UTC", r.instant); };
        const std::string message = fmt::format("season {}: {}", s.number.value, n.message);
        if (n.kind == NoStart::Kind::ambiguous) {
            const std::string local = date::format("%Y-%m-%dT%H:%M:00", n.local);
            const bool own_time_line = s.time.present && s.time.pos != s.date.pos;
            diags_.error("ambiguous-time", where, message,
                         fmt::format("write the offset in the date: date = {}{} for the first ({}, {}) or date = "
                                     "{}{} for the second ({}, {}){}",
                                     local, tz::format_offset(n.before.offset), utc(n.before), n.before.abbrev, local,
                                     tz::format_offset(n.after.offset), utc(n.after), n.after.abbrev,
                                     own_time_line ? ", and remove the season's time line" : ""));
        } else if (n.kind == NoStart::Kind::nonexistent) {
            const date::time_zone& zone = *series_zone(cat_);
            const auto fix = [&](const StartReading& r) {
                const tz::LocalTime clock = tz::in_zone(zone, r.instant).local;
                return s.time.present && s.time.pos == s.date.pos ? date::format("date = %Y-%m-%dT%H:%M:00", clock)
                                                                  : date::format("time = %H:%M:00", clock);
            };
            const std::string written = date::format("%H:%M", n.local);
            diags_.error("nonexistent-time", where, message,
                         fmt::format("clocks skip that time: for {} ({} {}) write {}, for {} ({} {}) write {}",
                                     utc(n.before), written, n.before.abbrev, fix(n.before), utc(n.after), written,
                                     n.after.abbrev, fix(n.after)));
        }
    }

    void check_episodes() {
        std::unordered_map<std::uint64_t, const Episode*> by_code; // by episode_key
        by_code.reserve(cat_.episodes.size());
        std::vector<const Episode*> numbered; // the first definition of each code
        for (const Episode& e : cat_.episodes) {
            if (!e.code.present) {
                continue;
            }
            if (e.season == 0) {
                std::string hint = "write codes like \"S09E01\": S, two-digit season, E, two-digit episode";
                if (auto fixed = normalise_code(e.code.value)) {
                    hint = fmt::format("did you mean \"{}\"?", *fixed);
                }
                diags_.error("episode-code", e.code.pos, fmt::format("malformed episode code '{}'", e.code.value),
                             std::move(hint));
                continue;
            }
            const std::string canonical = format_episode_code(e.season, e.number);
            if (canonical != e.code.value) {
                diags_.warning("episode-code", e.code.pos,
                               fmt::format("episode code '{}' is not in the usual form", e.code.value),
                               fmt::format("write \"{}\"", canonical));
            }
            const auto [it, inserted] = by_code.emplace(episode_key(e.season, e.number), &e);
            if (!inserted) {
                diags_.error("duplicate-episode", e.code.pos, fmt::format("episode {} is defined twice", canonical),
                             fmt::format("the first definition is on line {}; the next free code in season {} is {}",
                                         it->second->code.pos.line, e.season,
                                         format_episode_code(e.season, next_free_number(e.season))));
                continue;
            }
            numbered.push_back(&e);
            if (!season_numbers_.contains(e.season)) {
                diags_.error("unknown-season", e.code.pos,
                             fmt::format("episode {} belongs to season {}, which is not defined", canonical, e.season),
                             fmt::format("add a [[season]] with number = {}, or fix the code", e.season));
            }
            check_episode_content(e);
        }
        // Gaps, season by season in number order; no two episodes share a season and number here.
        std::sort(numbered.begin(), numbered.end(), [](const Episode* a, const Episode* b) {
            return std::pair(a->season, a->number) < std::pair(b->season, b->number);
        });
        for (std::size_t i = 0; i < numbered.size(); ++i) {
            const Episode* e = numbered[i];
            const int season = e->season;
            const bool first_of_season = i == 0 || numbered[i - 1]->season != season;
            const int expected = first_of_season ? 1 : numbered[i - 1]->number + 1;
            if (e->number > expected) {
                diags_.warning("episode-gap", e->code.pos,
                               expected + 1 == e->number
                                   ? fmt::format("episode {} is missing", format_episode_code(season, expected))
                                   : fmt::format("episodes {} to {} are missing", format_episode_code(season, expected),
                                                 format_episode_code(season, e->number - 1)),
                               "number the episodes of a season 1, 2, 3, ... without gaps");
            }
        }
    }

    // One number for a season and episode number, both positive (as parse_episode_code gives).
    static std::uint64_t episode_key(int season, int number) {
        return (std::uint64_t{static_cast<std::uint32_t>(season)} << 32) | static_cast<std::uint32_t>(number);
    }

    int next_free_number(int season) const {
        int highest = 0;
        for (const Episode& e : cat_.episodes) {
            if (e.season == season) {
                highest = std::max(highest, e.number);
            }
        }
        return highest + 1;
    }

    // "s3e1", "S0301", "S03-E01" -> "S03E01", when the intent is clear. A number too large for an
    // int ("S2147483648E01") makes the intent unclear.
    static std::optional<std::string> normalise_code(std::string_view code) {
        std::vector<int> numbers;
        bool too_large = false;
        const auto add = [&](std::string_view digits) {
            int value = 0;
            const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
            too_large |= ec != std::errc{} || end != digits.data() + digits.size();
            numbers.push_back(value);
        };
        std::string digits;
        for (char c : code) {
            if (c >= '0' && c <= '9') {
                digits.push_back(c);
            } else if (!digits.empty()) {
                add(digits);
                digits.clear();
            }
        }
        if (!digits.empty()) {
            if (numbers.empty() && digits.size() == 4) { // "S0301": two digits each
                add(std::string_view(digits).substr(0, 2));
                add(std::string_view(digits).substr(2));
            } else if (digits.size() <= 6) {
                add(digits);
            }
        }
        if (too_large || numbers.size() != 2 || numbers[0] == 0 || numbers[1] == 0) {
            return std::nullopt;
        }
        return format_episode_code(numbers[0], numbers[1]);
    }

    void check_episode_content(const Episode& e) {
        if (e.recording.present && !e.share_recording.value) {
            diags_.warning("recording-not-shared", e.recording.pos,
                           fmt::format("episode {} has a recording but share_recording = false", e.code.value),
                           "remove the recording link, or set share_recording = true if the speakers agreed");
        }
    }

    void check_texts() {
        hygiene::Checker checker;
        for_each_text(cat_, [&](const TextRef& ref) {
            const bool multi = ref.kind == TextRef::Kind::paragraphs || ref.kind == TextRef::Kind::markdown;
            report_text_findings(ref,
                                 checker.check(ref.text->value, multi ? hygiene::Lines::multi : hygiene::Lines::single),
                                 line_index(), diags_);
        });
    }

    void check_urls() {
        for_each_text(cat_, [&](const TextRef& ref) {
            if (ref.kind == TextRef::Kind::url) {
                check_url(ref);
            }
        });
    }

    // A season names its meeting link once: meeting_url (any platform) or zoom_url, not both.
    void check_meeting_keys() {
        for (const Season& s : cat_.seasons) {
            if (s.zoom_url.present && s.meeting_url.present) {
                diags_.error("meeting-url", s.zoom_url.pos,
                             fmt::format("season {} has both zoom_url and meeting_url", s.number.value),
                             "keep meeting_url, which takes a link of any platform, and remove zoom_url");
            }
        }
    }

    void check_url(const TextRef& ref) {
        const Text& t = *ref.text;
        const auto parsed = url::parse(t.value);
        if (!parsed) {
            diags_.error("url-invalid", t.pos, fmt::format("malformed URL in {}: {}", ref.where, parsed.error()),
                         "write a full address starting with https://");
            return;
        }
        if (parsed->scheme != "https" && parsed->scheme != "http") {
            diags_.error(
                "url-scheme", t.pos,
                fmt::format("URL in {} uses '{}:'; only http and https are allowed", ref.where, parsed->scheme),
                "write a full address starting with https://");
            return;
        }
        if (ref.url_role == UrlRole::zoom) {
            if (const std::string_view platform = url::meeting_platform(parsed->host);
                !platform.empty() && platform != "Zoom") {
                diags_.error(
                    "zoom-url", t.pos, fmt::format("{} is a {} link, not a zoom.us link", ref.where, platform),
                    fmt::format("write it as meeting_url = \"{}\", which takes a link of any platform", t.value));
            } else if (!url::is_zoom_host(parsed->host)) {
                diags_.error(
                    "zoom-url", t.pos, fmt::format("{} is not a zoom.us link", ref.where),
                    "paste the registration link Zoom gives you, e.g. https://<org>.zoom.us/meeting/register/...");
            } else if (parsed->scheme != "https") {
                diags_.error("zoom-url", t.pos, fmt::format("{} is not an https link", ref.where),
                             "write it with https://");
            }
            return;
        }
        if (ref.url_role == UrlRole::meeting) {
            if (parsed->scheme != "https") {
                diags_.warning("meeting-url", t.pos, fmt::format("{} is not an https link", ref.where),
                               "write it with https://, as the meeting platform gives it");
            }
            return;
        }
        if (const auto yt = url::parse_youtube(*parsed)) {
            if (!yt->tracking.empty()) {
                diags_.warning("youtube-tracking", t.pos,
                               fmt::format("YouTube link in {} carries tracking parameters ({})", ref.where,
                                           fmt::join(yt->tracking, ", ")),
                               yt->canonical.empty() ? "remove them" : fmt::format("write \"{}\"", yt->canonical));
            } else if (!yt->canonical.empty() && yt->canonical != t.value) {
                diags_.warning("youtube-canonical", t.pos,
                               fmt::format("YouTube link in {} is not in the canonical form", ref.where),
                               fmt::format("write \"{}\"", yt->canonical));
            } else if (yt->kind == url::YouTubeLink::Kind::other && ref.url_role == UrlRole::recording) {
                diags_.warning("youtube-canonical", t.pos,
                               fmt::format("the recording of {} is not a link to one YouTube video", ref.where),
                               "link the video itself: https://www.youtube.com/watch?v=<id>");
            }
        }
    }

    // Past seasons should have their recordings; coming ones their date and link.
    void check_schedule_completeness() {
        for (const Season& s : cat_.seasons) {
            if (!s.number.present || s.cancelled.value) {
                continue;
            }
            if (season_started(cat_, s, now_)) {
                const auto it = episodes_by_season_.find(s.number.value);
                if (it == episodes_by_season_.end()) {
                    continue;
                }
                for (const Episode* e : it->second) {
                    if (e->share_recording.value && !e->recording.present) {
                        diags_.warning("missing-recording", e->pos,
                                       fmt::format("episode {} took place but has no recording link", e->code.value),
                                       "add recording = \"https://www.youtube.com/watch?v=...\", or "
                                       "share_recording = false if the speakers did not agree to share it");
                    }
                }
                continue;
            }
            warn_unfinished(s);
        }
    }

    // A coming season that misses what its announcement needs, saying what it will look like: a
    // season without a date is announced as TBA; a dated one without a theme is headed by its only
    // talk's title (then no theme is needed) or else by its date; one without a meeting link is
    // announced without a registration (or join) link.
    void warn_unfinished(const Season& s) {
        const auto it = episodes_by_season_.find(s.number.value);
        const std::size_t talks = it == episodes_by_season_.end() ? 0 : it->second.size();
        const bool theme_needed = !s.theme.present && (!s.date.present || talks != 1);
        std::vector<std::string> missing;
        if (!s.date.present) {
            missing.emplace_back("date");
        }
        if (theme_needed) {
            missing.emplace_back("theme");
        }
        const bool has_link = season_meeting_link(cat_, s).url != nullptr;
        if (!has_link) {
            missing.emplace_back(meeting_link_noun(cat_));
        }
        if (missing.empty()) {
            return;
        }
        std::string outcome = "it will be announced as TBA";
        if (s.date.present) {
            std::vector<std::string> parts;
            if (theme_needed) {
                parts.emplace_back("headed by its date");
            }
            if (!has_link) {
                parts.emplace_back("announced without a registration link");
            }
            outcome = fmt::format("it will be {}", fmt::join(parts, " and "));
        }
        diags_.warning("season-tba", s.pos,
                       fmt::format("coming season {} has no {} yet: {}", s.number.value,
                                   text::alternatives(missing), outcome),
                       "add them to the season when they are fixed");
    }

    // What `wtool ics` would refuse, asked of the same calendar plan (calendar_plan.hpp), as
    // warnings: every dated season is in the feed (`--all`), so its plan has every revision; a
    // coming dated season will be sent as an invitation (`--next`), which needs an organiser with an
    // e-mail address (RFC 5546): say so now rather than when `wtool ics` refuses.
    void check_calendar() {
        const auto plan = plan_calendar(cat_, {CalendarChoice::Kind::all, 0}, now_);
        if (!plan) {
            return; // no season has a date: nothing to put in a calendar
        }
        // A season whose date, time, length, Zoom link or cancellation changed since its calendar
        // fingerprint was recorded needs a higher calendar_sequence (calendar_revision.hpp).
        for (const CalendarEvent* e : plan->changed_events()) {
            diags_.add(calendar_changed_diagnostic(*e->season, e->revision, Severity::warning));
        }
        if (plan->organiser != nullptr) {
            return;
        }
        if (const Season* coming = next_dated_season(cat_, now_).season) {
            diags_.warning("no-calendar-organiser", cat_.series.pos,
                           fmt::format("no [[series.organiser]] has an email, so `wtool ics` cannot write the "
                                       "calendar invitation of season {}",
                                       coming->number.value),
                           "add a [[series.organiser]] table with name = \"...\" and email = \"...\" (the person "
                           "who answers questions about the webinars)");
        }
    }

    // The [site] paths that `page` and `news --site` would refuse, by the same check.
    void check_site_paths() {
        const auto check = [&](const Text& value, std::string_view key, SitePathKind kind) {
            if (!value.present) {
                return; // the defaults are good paths
            }
            if (auto problem = site_path_problem(value.value, kind)) {
                diags_.error("site-path", value.pos,
                             fmt::format("[site] {} '{}' {}", key, std::string_view(value.value), problem->reason),
                             std::move(problem->hint));
            }
        };
        check(cat_.site.webinar_page, "webinar_page", SitePathKind::file);
        check(cat_.site.talks_page, "talks_page", SitePathKind::file);
        check(cat_.site.news_dir, "news_dir", SitePathKind::folder);
    }

    // [series] season_word goes into sentences and titles ("the ninth edition", "Series, session
    // 9"): one lower-case word of 1 to 20 letters a-z.
    void check_season_word() {
        const Text& word = cat_.series.season_word;
        if (!word.present) {
            return;
        }
        const std::string_view w = word.value;
        const bool ok = !w.empty() && w.size() <= 20 &&
                        std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (!ok) {
            diags_.error("season-word", word.pos,
                         fmt::format("[series] season_word '{}' must be one lower-case word (letters a-z, at most 20)",
                                     text::visible(w)),
                         "write what the series calls a webinar day, such as 'edition', 'session' or 'season'");
        }
    }

    // Indexes the source's lines on first use: a clean catalogue never needs them.
    const LineIndex& line_index() {
        if (!index_) {
            index_.emplace(cat_.source);
        }
        return *index_;
    }

    const Catalogue& cat_;
    tz::Instant now_;
    Diagnostics& diags_;
    std::optional<LineIndex> index_;
    std::unordered_set<int> season_numbers_;                        // of the defined seasons
    std::map<int, std::vector<const Episode*>> episodes_by_season_; // file order within a season
};

} // namespace

void check_catalogue(const Catalogue& cat, tz::Instant now, Diagnostics& diags) {
    RuleRunner(cat, now, diags).run();
}

} // namespace wtool

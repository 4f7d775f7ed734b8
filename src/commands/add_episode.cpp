// `wtool add-episode`, as a pipeline:
//   options → draft → (lock) → load → complete (from options, or by asking) → plan (render,
//   append, validate) → (confirm) → lock → re-read and compare → atomic write → report.
//
// Safety (docs/add-episode.md): the new text is the old bytes plus appended tables; it is
// validated like `wtool validate` before anything is written; the write is atomic and happens
// under an advisory lock, and only if the file on disk still holds exactly the bytes the plan
// was made from.
#include "commands/add_episode.hpp"

#include "catalogue/catalogue_append.hpp"
#include "catalogue/catalogue_loader.hpp"
#include "cli/catalogue_update.hpp"
#include "cli/command_support.hpp"
#include "cli/episode_draft.hpp"
#include "cli/episode_interview.hpp"
#include "cli/prompter.hpp"
#include "support/atomic_file.hpp"
#include "support/file_lock.hpp"
#include "support/source_text.hpp"
#include "support/text.hpp"

#include <array>
#include <csignal>
#include <fmt/format.h>

namespace wtool {

namespace {

// The points of the write sequence where $WTOOL_TEST_KILL_AT can kill the process.
constexpr std::array<std::string_view, 3> kill_points = {"after-lock", "before-rename", "after-rename"};

std::string join_lines(const std::vector<std::string>& items, std::string_view indent) {
    std::string out;
    for (const std::string& item : items) {
        out += fmt::format("\n{}{}", indent, item);
    }
    return out;
}

[[noreturn]] void usage_errors(const std::vector<std::string>& errors) {
    if (errors.size() == 1) {
        throw CommandError(errors.front());
    }
    throw CommandError(fmt::format("{} problems with the options:{}", errors.size(), join_lines(errors, "  ")));
}

// The draft the options describe (cli/episode_draft.hpp); an unknown $WTOOL_TEST_KILL_AT point
// is reported with the options' problems.
Addition draft_or_throw(const Context& ctx, const AddEpisodeOptions& opts, bool asking) {
    std::vector<std::string> errors;
    if (!ctx.test_kill_at.empty() &&
        std::find(kill_points.begin(), kill_points.end(), ctx.test_kill_at) == kill_points.end()) {
        errors.push_back(fmt::format("WTOOL_TEST_KILL_AT: unknown point '{}' (known: {})", ctx.test_kill_at,
                                     fmt::join(kill_points, ", ")));
    }
    auto draft = draft_from_options(opts, asking, ctx.in);
    if (!draft) {
        errors.insert(errors.end(), draft.error().begin(), draft.error().end());
    }
    if (!errors.empty()) {
        usage_errors(errors);
    }
    return std::move(*draft);
}

// What a non-interactive run still lacks, as options to give.
std::vector<std::string> missing_fields(const Addition& draft) {
    std::vector<std::string> missing;
    const EpisodeDraft& e = draft.episode;
    if (e.season == 0) {
        missing.emplace_back("--season N         the season (webinar day) the talk belongs to");
    }
    if (e.title.empty()) {
        missing.emplace_back("--title TEXT       the talk's title");
    }
    if (e.speakers.empty()) {
        missing.emplace_back("--speaker NAME     a speaker, followed by their --affiliation and --country");
    }
    for (const auto& s : e.speakers) {
        if (!s.affiliation) {
            missing.push_back(fmt::format("--affiliation TEXT after --speaker '{}'", s.name));
        }
        if (!s.country) {
            missing.push_back(fmt::format("--country TEXT     after --speaker '{}'", s.name));
        }
    }
    return missing;
}

// Decides, for a run without questions, whether the season is created and which number the
// episode gets.
Addition complete_from_options(const Catalogue& cat, Addition draft, const AddEpisodeOptions& opts) {
    EpisodeDraft& e = draft.episode;
    if (const Season* season = cat.find_season(e.season)) {
        if (draft.new_season) {
            throw CommandError(
                fmt::format("season {} already exists (line {}); --season-date, --season-time, --season-theme, --zoom, "
                            "--meeting and --new-season only describe a new season: change the existing one in the "
                            "catalogue itself",
                            e.season, season->pos.line));
        }
    } else if (!draft.new_season) {
        int highest = 0;
        for (const Season& s : cat.seasons) {
            highest = std::max(highest, s.number.value);
        }
        throw CommandError(
            fmt::format("season {} does not exist (the last one is {}); to create it, add "
                        "--new-season or any of --season-date, --season-time, --season-theme, --zoom, --meeting",
                        e.season, highest));
    }
    if (!opts.number) {
        e.number = next_episode_number(cat, e.season);
    }
    return draft;
}

FileLock take_lock(const Context& ctx, const std::filesystem::path& target, const AddEpisodeOptions& opts) {
    return lock_catalogue(ctx, target, opts.wait_seconds);
}

std::string lines_phrase(const AppendPlan& plan) {
    return fmt::format("lines {}-{}", plan.first_line, plan.last_line);
}

// Prints the plan's diagnostics to stderr: all of them, or only errors under --quiet.
void show_diagnostics(const Context& ctx, const AppendPlan& plan) {
    show_new_findings(ctx, plan.diagnostics, plan.new_text);
}

[[noreturn]] void refuse_invalid(const Context& ctx, const AppendPlan& plan) {
    const std::size_t errors = plan.diagnostics.error_count();
    throw CommandError(fmt::format("adding {} ({} of the new text) would make '{}' invalid: {}; nothing was written",
                                   plan.code, lines_phrase(plan), ctx.catalogue.string(),
                                   summary_line(errors, plan.diagnostics.warning_count())),
                       ExitCode::problems);
}

// Interactive mode: asks, shows the result and asks to confirm, until the user confirms a
// valid addition (true), or gives up or declines (false). With --dry-run it stops at the
// first valid addition without asking to confirm.
bool ask_until_confirmed(const Context& ctx, const Catalogue& current, Addition& answers, AppendPlan& plan,
                         bool dry_run) {
    Prompter prompter(*ctx.in, ctx.err);
    prompter.say(fmt::format("Adding an episode to '{}'. Empty answers keep the value in brackets; '-' clears an "
                             "optional one; Ctrl-D stops.",
                             ctx.catalogue.string()));
    while (true) {
        auto got = ask_for_addition(prompter, current, ctx.now, answers);
        if (!got) {
            return false;
        }
        answers = std::move(*got);
        plan = plan_append(current, answers, ctx.now);
        prompter.say(
            fmt::format("\nThis is what would be appended to '{}' ({}):", ctx.catalogue.string(), lines_phrase(plan)));
        prompter.say(plan.appended);
        show_diagnostics(ctx, plan);
        if (plan.has_errors()) {
            prompter.say(fmt::format("It would make the catalogue invalid: {}.",
                                     summary_line(plan.diagnostics.error_count(), plan.diagnostics.warning_count())));
            if (prompter.yes_no("Edit the answers?", true).value_or(false)) {
                continue;
            }
            refuse_invalid(ctx, plan);
        }
        if (dry_run) {
            return true;
        }
        return prompter.yes_no(fmt::format("Add {} to '{}'?", plan.code, ctx.catalogue.string()), true).value_or(false);
    }
}

// Without a terminal to ask on, every field must come from the options.
void require_complete(const Context& ctx, const Addition& addition) {
    if (const auto missing = missing_fields(addition); !missing.empty()) {
        throw CommandError(fmt::format("cannot add an episode without these options:{}\n{}", join_lines(missing, "  "),
                                       ctx.interactive
                                           ? "give them, or leave out --title to be asked for every field"
                                           : "give them (there is no terminal to ask for them on); see 'wtool "
                                             "add-episode --help'"));
    }
}

// The file to lock, read and replace: the catalogue, or the file its symbolic link leads to (so
// that the link stays a link). Checked before a question is asked or a lock file made.
std::filesystem::path checked_target(const Context& ctx, const AddEpisodeOptions& opts) {
    const auto resolved = write_target(ctx.catalogue);
    if (!resolved) {
        throw CommandError(fmt::format("cannot use '{}': {}", ctx.catalogue.string(), resolved.error()));
    }
    if (std::error_code ec; !std::filesystem::is_regular_file(*resolved, ec)) {
        (void)load_usable_catalogue(ctx); // says why it cannot be read, before a lock file is made
        throw CommandError(fmt::format("'{}' is not a regular file", ctx.catalogue.string()));
    }
    if (!opts.dry_run) {
        if (auto allowed = check_replaceable(ctx.catalogue); !allowed) {
            throw CommandError(allowed.error());
        }
    }
    return *resolved;
}

// Under the lock: writes the plan's text atomically, but only if the file still holds exactly the
// bytes the plan was made from.
void write_unless_changed(const Context& ctx, const std::filesystem::path& target, const AppendPlan& plan,
                          bool asking) {
    const std::string file = ctx.catalogue.string();
    const auto on_disk = read_file(target);
    if (!on_disk) {
        throw CommandError(fmt::format("cannot read '{}' again: {}; nothing was written", file, on_disk.error()));
    }
    // What is written is the text the plan was made from, then `appended`.
    const std::string_view base = std::string_view(plan.new_text).substr(0, plan.new_text.size() - plan.appended.size());
    if (*on_disk != base) {
        if (asking) {
            ctx.err << "The episode that was not added:\n" << plan.appended;
        }
        throw CommandError(fmt::format("'{}' changed on disk while the episode was being prepared; nothing was "
                                       "written: run the command again to add it to the new content",
                                       file),
                           ExitCode::problems);
    }
    AtomicWriteOptions write_options;
    write_options.before_rename = [&] { kill_point(ctx, "before-rename"); };
    if (auto written = write_file_atomically(target, plan.new_text, write_options); !written) {
        throw CommandError(written.error() + "; the catalogue is unchanged");
    }
    kill_point(ctx, "after-rename");
}

} // namespace

CLI::App* setup_add_episode(CLI::App& app, AddEpisodeOptions& opts) {
    CLI::App* sub = app.add_subcommand("add-episode", "Append a talk (and its new season) to the catalogue");
    sub->add_option("--season", opts.season, "Season (webinar day) number")->check(CLI::Range(1, 9999));
    sub->add_option("--number", opts.number, "Episode number in the season (default: the next free one)")
        ->check(CLI::Range(1, 999999));
    sub->add_option("--title", opts.title, "The talk's title (without it, on a terminal, every field is asked for)")
        ->type_name("TEXT");

    const auto speaker_option = [&](SpeakerField field, std::string description, std::string type) {
        sub->add_option_function<std::string>(
               std::string(option_name(field)),
               [&opts, field](const std::string& value) {
                   opts.speaker_args.push_back({field, value});
               },
               std::move(description))
            ->trigger_on_parse()
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
            ->type_name(std::move(type))
            ->group("Speakers (repeat --speaker for each; its options follow it)");
    };
    speaker_option(SpeakerField::speaker, "A speaker's name, as they spell it; starts that speaker's options", "NAME");
    speaker_option(SpeakerField::honorific, "The speaker's honorific, e.g. Dr. or Prof.", "TEXT");
    speaker_option(SpeakerField::affiliation, "The speaker's institution (required)", "TEXT");
    speaker_option(SpeakerField::country, "The institution's country (required)", "TEXT");
    speaker_option(SpeakerField::homepage, "The speaker's web page", "URL");
    speaker_option(SpeakerField::bio_file, "The speaker's own bio, from a file ('-': standard input)", "FILE");

    sub->add_option("--abstract-file", opts.abstract_file, "The abstract, from a file ('-': standard input)")
        ->type_name("FILE");
    sub->add_option("--joint-bio-file", opts.joint_bio_file,
                    "One bio shared by all the speakers, from a file ('-': standard input)")
        ->type_name("FILE");
    sub->add_option("--video", opts.video, "The published recording (YouTube link)")->type_name("URL");
    sub->add_flag("--no-recording", opts.no_recording, "The speakers did not agree to share the recording");

    const std::string season_group = "New season (only when --season does not exist yet)";
    sub->add_option("--season-date", opts.season_date, "Its date, YYYY-MM-DD (default: TBA)")
        ->type_name("DATE")
        ->group(season_group);
    sub->add_option("--season-time", opts.season_time, "Its start time, HH:MM (default: the series' start_time)")
        ->type_name("HH:MM")
        ->group(season_group);
    sub->add_option("--season-theme", opts.season_theme, "Its theme (default: TBA)")
        ->type_name("TEXT")
        ->group(season_group);
    sub->add_option("--zoom", opts.zoom, "Its Zoom registration link (default: none yet)")
        ->type_name("URL")
        ->group(season_group);
    sub->add_option("--meeting", opts.meeting,
                    "Its meeting link on any platform (Google Meet, Teams, ...; default: the series' meeting_url)")
        ->type_name("URL")
        ->group(season_group);
    sub->add_flag("--new-season", opts.new_season, "Create the season even with none of the above (all TBA)")
        ->group(season_group);

    sub->add_flag("--dry-run", opts.dry_run, "Print the text that would be appended and its validation; write nothing");
    sub->add_option("--wait", opts.wait_seconds, "Seconds to wait while another run holds the catalogue's lock")
        ->check(CLI::Range(0, 3600))
        ->capture_default_str();
    sub->footer("Example:\n"
                "  wtool add-episode --season 10 --title \"Label noise in the wild\" \\\n"
                "      --speaker \"Ada Lovelace\" --honorific Dr. --affiliation \"University of Oulu\" "
                "--country Finland \\\n"
                "      --speaker \"Alan Turing\" --affiliation \"ETH Zurich\" --country Switzerland "
                "--bio-file turing.txt \\\n"
                "      --abstract-file abstract.txt\n\n"
                "Each --honorific, --affiliation, --country, --homepage and --bio-file belongs to the --speaker\n"
                "before it. On a terminal, leave out --title to be asked for every field.\n"
                "Prints the new episode's code (e.g. S10E04). See docs/add-episode.md.\n\n"
                "Exit status: 0 added, 1 not added (it would be invalid, the file changed or stayed locked,\n"
                "or you declined), 2 bad usage, missing fields without a terminal, or an unusable catalogue.");
    return sub;
}

ExitCode run_add_episode(Context& ctx, const AddEpisodeOptions& opts) {
    const bool asking = ctx.interactive && ctx.in != nullptr && !opts.title;
    Addition addition = draft_or_throw(ctx, opts, asking);
    if (!asking) {
        require_complete(ctx, addition);
    }
    const std::filesystem::path target = checked_target(ctx, opts);
    std::optional<FileLock> lock;
    if (!asking && !opts.dry_run) {
        lock = take_lock(ctx, target, opts); // held from reading to writing: concurrent runs queue up
    }
    const Catalogue current = load_usable_catalogue(ctx);

    AppendPlan plan;
    if (asking) {
        if (!ask_until_confirmed(ctx, current, addition, plan, opts.dry_run)) {
            throw CommandError("not added; nothing was written", ExitCode::problems);
        }
    } else {
        addition = complete_from_options(current, std::move(addition), opts);
        plan = plan_append(current, addition, ctx.now);
    }

    const std::string file = ctx.catalogue.string();
    if (opts.dry_run) {
        ctx.out << plan.appended << std::flush;
        show_diagnostics(ctx, plan);
        ctx.err << fmt::format("dry run: {} would be {} of '{}': {}; nothing was written\n", plan.code,
                               lines_phrase(plan), file,
                               summary_line(plan.diagnostics.error_count(), plan.diagnostics.warning_count()));
        return plan.has_errors() ? ExitCode::problems : ExitCode::ok;
    }
    if (plan.has_errors()) {
        show_diagnostics(ctx, plan);
        refuse_invalid(ctx, plan);
    }

    if (!lock) {
        lock = take_lock(ctx, target, opts);
    }
    write_unless_changed(ctx, target, plan, asking);
    lock.reset();

    show_diagnostics(ctx, plan);
    if (!ctx.quiet) {
        ctx.err << fmt::format("added {} to '{}' ({})\n", plan.code, file, lines_phrase(plan));
    }
    ctx.out << plan.code << "\n";
    return ExitCode::ok;
}

} // namespace wtool

#include "commands/episode.hpp"

#include "catalogue/catalogue_change.hpp"
#include "cli/catalogue_update.hpp"

#include <fmt/format.h>

namespace wtool {

CLI::App* setup_episode(CLI::App& app, EpisodeOptions& opts) {
    CLI::App* sub = app.add_subcommand("episode", "Change a talk's title, recording, sharing or code");
    sub->add_option("episode", opts.code, "The episode's code, e.g. S09E03")->required()->type_name("CODE");
    sub->add_option("--title", opts.title, "Its title")->type_name("TEXT");
    CLI::Option* recording =
        sub->add_option("--recording", opts.recording, "The published recording (YouTube link)")->type_name("URL");
    sub->add_flag("--no-recording", opts.no_recording, "Remove the recording link")->excludes(recording);
    sub->add_option("--share-recording", opts.share_recording, "Whether the speakers agreed to share the recording")
        ->type_name("yes|no")
        ->check(CLI::IsMember({"yes", "no"}));
    sub->add_option("--move-to", opts.move_to, "Give the talk this code (another season or number)")
        ->type_name("CODE");
    sub->add_flag("--dry-run", opts.dry_run, "Print the change as a diff and its validation; write nothing");
    sub->add_option("--wait", opts.wait_seconds, "Seconds to wait while another run holds the catalogue's lock")
        ->check(CLI::Range(0, 3600))
        ->capture_default_str();
    sub->footer("Examples:\n"
                "  wtool episode S09E03 --recording https://www.youtube.com/watch?v=dQw4w9WgXcQ\n"
                "  wtool episode S10E02 --title \"Label noise, revisited\" --dry-run\n"
                "  wtool episode S10E03 --move-to S11E01\n\n"
                "Only the lines of the values set change. See docs/episode.md.\n\n"
                "Exit status: 0 changed or nothing to change, 1 not changed (it would be invalid, or the file\n"
                "stayed locked or changed meanwhile), 2 bad usage or an unusable catalogue.");
    return sub;
}

ExitCode run_episode(Context& ctx, const EpisodeOptions& opts) {
    EpisodeUpdate update{.code = opts.code, .title = opts.title, .move_to = opts.move_to};
    if (opts.recording) {
        update.recording = std::optional<std::string>(*opts.recording);
    } else if (opts.no_recording) {
        update.recording = std::optional<std::string>();
    }
    if (opts.share_recording) {
        update.share_recording = *opts.share_recording == "yes";
    }
    if (!update.title && !update.recording && !update.share_recording && !update.move_to) {
        throw CommandError(fmt::format("nothing to set: give {} a --title, --recording, --no-recording, "
                                       "--share-recording or --move-to",
                                       opts.code));
    }
    (void)update_catalogue(ctx, {.dry_run = opts.dry_run, .wait_seconds = opts.wait_seconds},
                           [&](const Catalogue& current) { return plan_episode_update(current, update, ctx.now); });
    return ExitCode::ok;
}

} // namespace wtool

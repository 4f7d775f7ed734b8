#include "app.hpp"

#include "cli/cli_model.hpp"
#include "cli/context.hpp"
#include "commands/add_episode.hpp"
#include "commands/announce.hpp"
#include "commands/check_links.hpp"
#include "commands/complete.hpp"
#include "commands/completion.hpp"
#include "commands/export.hpp"
#include "commands/ics.hpp"
#include "commands/init.hpp"
#include "commands/man.hpp"
#include "commands/episode.hpp"
#include "commands/news.hpp"
#include "commands/recordings.hpp"
#include "commands/season.hpp"
#include "commands/page.hpp"
#include "commands/stats.hpp"
#include "commands/time.hpp"
#include "commands/validate.hpp"
#include "support/text.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <optional>
#include <unistd.h>

namespace wtool {

namespace {

struct GlobalOptions {
    std::string catalogue;
    std::string now;
    bool quiet = false;
    std::string color = "auto";
};

// One entry per subcommand: its parser and what runs when it is chosen.
struct CommandEntry {
    CLI::App* app;
    std::function<ExitCode(Context&)> run;
};

void add_global_options(CLI::App& app, GlobalOptions& g) {
    app.add_option("--catalogue", g.catalogue,
                   "Catalogue file (default: $WTOOL_CATALOGUE, else ./episodes.toml, else ./data/episodes.toml)")
        ->type_name("PATH");
    app.add_option("--now", g.now,
                   "Pretend it is this moment, ISO 8601 with zone, e.g. 2026-02-01T12:00:00Z "
                   "(default: $SOURCE_DATE_EPOCH, else the clock)")
        ->type_name("TIME");
    app.add_flag("-q,--quiet", g.quiet, "Print only problems");
    app.add_option("--color", g.color, "Colour output: auto (when a terminal and NO_COLOR is unset), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
}

std::filesystem::path resolve_catalogue(const GlobalOptions& g, const Environment& env) {
    if (!g.catalogue.empty()) {
        return g.catalogue;
    }
    if (auto from_env = env.getenv("WTOOL_CATALOGUE"); from_env && !from_env->empty()) {
        return *from_env;
    }
    std::error_code ec;
    if (std::filesystem::exists("episodes.toml", ec)) {
        return "episodes.toml";
    }
    return std::filesystem::path("data") / "episodes.toml";
}

tz::Instant resolve_now(const GlobalOptions& g, const Environment& env) {
    if (!g.now.empty()) {
        auto parsed = tz::parse_instant(g.now);
        if (!parsed) {
            throw CommandError("--now: " + parsed.error());
        }
        return *parsed;
    }
    if (auto epoch = env.getenv("SOURCE_DATE_EPOCH"); epoch && !epoch->empty()) {
        long long seconds = 0;
        const auto [ptr, ec] = std::from_chars(epoch->data(), epoch->data() + epoch->size(), seconds);
        if (ec != std::errc{} || ptr != epoch->data() + epoch->size()) {
            throw CommandError(fmt::format("SOURCE_DATE_EPOCH must be a number of seconds, not '{}'", *epoch));
        }
        return tz::Instant{std::chrono::seconds{seconds}};
    }
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

Color resolve_color(const std::string& choice, bool tty, const Environment& env) {
    if (choice == "always") {
        return Color::yes;
    }
    if (choice == "never") {
        return Color::no;
    }
    const auto no_color = env.getenv("NO_COLOR");
    const auto term = env.getenv("TERM");
    const bool disabled = (no_color && !no_color->empty()) || (term && *term == "dumb");
    return tty && !disabled ? Color::yes : Color::no;
}

std::string command_list(const CLI::App& app) {
    std::string out = "wtool " WTOOL_VERSION " - toolkit for the organisers of an online seminar series\n\n"
                      "Usage: wtool <command> [options]\n\nCommands:\n";
    for (const CLI::App* sub : app.get_subcommands({})) {
        if (sub->get_group().empty()) {
            continue; // hidden (e.g. __complete)
        }
        out += fmt::format("  {:<14}{}\n", sub->get_name(), sub->get_description());
    }
    out += "\nRun 'wtool <command> --help' for a command's options.\n";
    return out;
}

// "unknown command 'valdate', did you mean 'validate'?" for the first bare word that names no
// command (CLI11 would only say the argument was not expected). The global options that take a
// value are read from the command-line model, the list completions use too.
std::optional<std::string> unknown_command(int argc, const char* const* argv, const CLI::App& app,
                                           const std::vector<CommandEntry>& commands) {
    const std::vector<std::string> value_options = value_option_names(describe_cli(app));
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with("-")) {
            if (std::find(value_options.begin(), value_options.end(), arg) != value_options.end()) {
                ++i; // skip its value
            }
            continue;
        }
        std::vector<std::string> names;
        for (const CommandEntry& c : commands) {
            if (c.app->get_name() == arg) {
                return std::nullopt;
            }
            if (!c.app->get_group().empty()) { // hidden commands are never suggested
                names.push_back(c.app->get_name());
            }
        }
        const auto close = text::closest_matches(arg, names, 1);
        return close.empty() ? fmt::format("unknown command '{}'", arg)
                             : fmt::format("unknown command '{}', did you mean '{}'?", arg, close.front());
    }
    return std::nullopt;
}

// An error message as printed: it quotes what the user typed or a file holds, so its control
// characters are made visible; the line breaks of a multi-line message stay.
std::string shown_error(std::string_view message) {
    return text::visible(text::shortened(message, 10000), text::Keep::tabs_and_newlines);
}

} // namespace

Environment process_environment() {
    return Environment{std::cout,
                       std::cerr,
                       [](std::string_view name) -> std::optional<std::string> {
                           const char* value = std::getenv(std::string(name).c_str());
                           return value == nullptr ? std::nullopt : std::optional<std::string>(value);
                       },
                       isatty(STDOUT_FILENO) == 1,
                       isatty(STDERR_FILENO) == 1,
                       isatty(STDIN_FILENO) == 1,
                       &std::cin};
}

namespace {

// Parses the command line; the exit status when that ends the run (help, version, bad usage).
std::optional<int> parse_command_line(CLI::App& app, int argc, const char* const* argv, const Environment& env) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, env.out, env.err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, env.out, env.err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, env.out, env.err);
    } catch (const CLI::ParseError& e) {
        env.err << "wtool: error: " << shown_error(e.what()) << "\n";
        env.err << "Run 'wtool --help' for usage.\n";
        return static_cast<int>(ExitCode::usage);
    }
    return std::nullopt;
}

// Runs the chosen command in the context the global options and the environment give; a failure
// is printed once as "wtool: error: ...".
int run_command(const CommandEntry& command, const GlobalOptions& global, const Environment& env) {
    try {
        Context ctx{.out = env.out, .err = env.err, .catalogue = resolve_catalogue(global, env)};
        ctx.catalogue_guessed = global.catalogue.empty() && env.getenv("WTOOL_CATALOGUE").value_or("").empty();
        ctx.now = resolve_now(global, env);
        ctx.quiet = global.quiet;
        ctx.out_color = resolve_color(global.color, env.stdout_tty, env);
        ctx.err_color = resolve_color(global.color, env.stderr_tty, env);
        ctx.interactive = env.stdin_tty && env.stderr_tty && env.in != nullptr;
        ctx.in = env.in;
        ctx.test_kill_at = env.getenv("WTOOL_TEST_KILL_AT").value_or("");
        return static_cast<int>(command.run(ctx));
    } catch (const CommandError& e) {
        env.out.flush();
        env.err << "wtool: error: " << shown_error(e.what()) << "\n";
        return static_cast<int>(e.code());
    } catch (const std::exception& e) {
        env.out.flush();
        env.err << "wtool: error: " << shown_error(e.what()) << "\n";
        return static_cast<int>(ExitCode::usage);
    }
}

} // namespace

int run_app(int argc, const char* const* argv, const Environment& env) {
    CLI::App app{"wtool - toolkit for the organisers of an online seminar series", "wtool"};
    app.set_version_flag("--version", "wtool " WTOOL_VERSION);
    app.require_subcommand(0, 1);
    GlobalOptions global;
    add_global_options(app, global);

    // The commands, in the order `wtool` lists them: the organisers' workflow.
    ValidateOptions validate_opts;
    TimeOptions time_opts;
    AnnounceOptions announce_opts;
    PageOptions page_opts;
    NewsOptions news_opts;
    IcsOptions ics_opts;
    AddEpisodeOptions add_episode_opts;
    SeasonOptions season_opts;
    EpisodeOptions episode_opts;
    CheckLinksOptions check_links_opts;
    RecordingsOptions recordings_opts;
    InitOptions init_opts;
    ExportOptions export_opts;
    StatsOptions stats_opts;
    CompletionOptions completion_opts;
    ManOptions man_opts;
    CompleteOptions complete_opts;
    const std::vector<CommandEntry> commands = {
        {setup_init(app, init_opts), [&](Context& ctx) { return run_init(ctx, init_opts); }},
        {setup_add_episode(app, add_episode_opts),
         [&](Context& ctx) { return run_add_episode(ctx, add_episode_opts); }},
        {setup_season(app, season_opts), [&](Context& ctx) { return run_season(ctx, season_opts); }},
        {setup_episode(app, episode_opts), [&](Context& ctx) { return run_episode(ctx, episode_opts); }},
        {setup_validate(app, validate_opts), [&](Context& ctx) { return run_validate(ctx, validate_opts); }},
        {setup_time(app, time_opts), [&](Context& ctx) { return run_time(ctx, time_opts); }},
        {setup_announce(app, announce_opts), [&](Context& ctx) { return run_announce(ctx, announce_opts); }},
        {setup_page(app, page_opts), [&](Context& ctx) { return run_page(ctx, page_opts); }},
        {setup_ics(app, ics_opts), [&](Context& ctx) { return run_ics(ctx, ics_opts); }},
        {setup_news(app, news_opts), [&](Context& ctx) { return run_news(ctx, news_opts); }},
        {setup_recordings(app, recordings_opts), [&](Context& ctx) { return run_recordings(ctx, recordings_opts); }},
        {setup_check_links(app, check_links_opts),
         [&](Context& ctx) { return run_check_links(ctx, check_links_opts); }},
        {setup_stats(app, stats_opts), [&](Context& ctx) { return run_stats(ctx, stats_opts); }},
        {setup_export(app, export_opts), [&](Context& ctx) { return run_export(ctx, export_opts); }},
        {setup_completion(app, completion_opts), [&](Context& ctx) { return run_completion(ctx, completion_opts); }},
        {setup_man(app, man_opts), [&](Context& ctx) { return run_man(ctx, man_opts); }},
        {setup_complete(app, complete_opts), [&](Context& ctx) { return run_complete(ctx, complete_opts); }},
    };
    for (const CommandEntry& c : commands) {
        c.app->fallthrough();
    }

    if (auto unknown = unknown_command(argc, argv, app, commands)) {
        env.err << "wtool: error: " << shown_error(*unknown) << "\n";
        env.err << "Run 'wtool' to list the commands.\n";
        return static_cast<int>(ExitCode::usage);
    }

    if (const auto ended = parse_command_line(app, argc, argv, env)) {
        return *ended;
    }

    const auto chosen =
        std::find_if(commands.begin(), commands.end(), [](const CommandEntry& c) { return c.app->parsed(); });
    if (chosen == commands.end()) {
        env.out << command_list(app);
        return static_cast<int>(ExitCode::ok);
    }

    return run_command(*chosen, global, env);
}

} // namespace wtool

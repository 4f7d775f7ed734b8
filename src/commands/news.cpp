#include "commands/news.hpp"

#include "cli/command_support.hpp"
#include "cli/output_target.hpp"
#include "render/site_files.hpp"
#include "render/templates.hpp"

#include <fmt/format.h>

namespace wtool {

CLI::App* setup_news(CLI::App& app, NewsOptions& opts) {
    CLI::App* sub = app.add_subcommand("news", "Generate the news post after a season");
    sub->add_option("season", opts.season, "The season's number")->required()->type_name("N");
    CLI::Option* site =
        sub->add_option("--site", opts.site, "Write into this Jekyll site folder ([site] news_dir), only if it changes")
            ->type_name("DIR");
    sub->add_option("--output", opts.output, "Write to this file instead of standard output")
        ->type_name("FILE")
        ->excludes(site);
    sub->add_flag("--force", opts.force, "Write the post even for a cancelled season or one that has not ended");
    sub->footer("Examples:\n  wtool news 9 --catalogue data/episodes.toml\n"
                "  wtool news 9 --site ../medical-datasets.github.io\n\n"
                "News is for days that happened: a season that was cancelled, has no date or has not ended\n"
                "(at --now) is refused unless --force (which cannot help a season without a date).\n"
                "Exit status: 0 done, 2 bad usage or input, or a season without a post.");
    return sub;
}

ExitCode run_news(Context& ctx, const NewsOptions& opts) {
    const Catalogue cat = load_usable_catalogue(ctx);
    const Season* season = cat.find_season(opts.season);
    if (season == nullptr) {
        throw CommandError(fmt::format("season {} is not in '{}'; run 'wtool validate' to see the seasons it has",
                                       opts.season, ctx.catalogue.string()));
    }
    if (const auto refused = no_news(cat, *season, ctx.now)) {
        if (refused->kind == NoNews::Kind::tba) {
            throw CommandError(refused->message + "; add 'date = YYYY-MM-DD' to the season", ExitCode::usage);
        }
        if (!opts.force) {
            throw CommandError(refused->message + "; add --force to write it anyway", ExitCode::usage);
        }
    }
    auto templates = templates_for(cat);
    if (!templates) {
        throw CommandError(templates.error());
    }
    SiteFile post = value_or_fail(render_news_post(cat, *templates, *season));
    if (opts.site.empty()) {
        write_output(ctx, post.content, opts.output);
    } else {
        const SiteWrite write{std::move(post), Existing::replace};
        write_site_files(ctx, opts.site, std::span(&write, 1));
    }
    return ExitCode::ok;
}

} // namespace wtool

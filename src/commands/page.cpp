#include "commands/page.hpp"

#include "cli/command_support.hpp"
#include "cli/output_target.hpp"
#include "render/site_files.hpp"
#include "render/templates.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace wtool {

CLI::App* setup_page(CLI::App& app, PageOptions& opts) {
    CLI::App* sub = app.add_subcommand("page", "Generate the webinar page and the talks page of the site");
    sub->add_option("page", opts.pages,
                    "Which page: webinar (next webinar, previous talks) or talks (all abstracts); with --site "
                    "and no page: both pages and the news posts still missing")
        ->check(CLI::IsMember({"webinar", "talks"}))
        ->type_name("PAGE");
    CLI::Option* site =
        sub->add_option("--site", opts.site,
                        "Write into this Jekyll site folder (paths from [site]), only files that change")
            ->type_name("DIR");
    sub->add_option("--output", opts.output, "Write to this file instead of standard output")
        ->type_name("FILE")
        ->excludes(site);
    sub->footer("Examples:\n  wtool page webinar --catalogue data/episodes.toml\n"
                "  wtool page --site ../medical-datasets.github.io     # the whole site after a season\n\n"
                "Exit status: 0 done, 2 bad usage or input, or a file that cannot be written.");
    return sub;
}

ExitCode run_page(Context& ctx, const PageOptions& opts) {
    std::vector<std::string> pages;
    for (const std::string& p : opts.pages) {
        if (std::find(pages.begin(), pages.end(), p) == pages.end()) {
            pages.push_back(p);
        }
    }
    const bool whole_site = pages.empty();
    if (whole_site && opts.site.empty()) {
        throw CommandError("name a page to print (webinar or talks), or update the whole site with --site DIR");
    }
    if (pages.size() > 1 && opts.site.empty()) {
        throw CommandError("name one page to print it or write it with --output, or write several with --site DIR");
    }
    if (whole_site) {
        pages = {"webinar", "talks"};
    }
    const Catalogue cat = load_usable_catalogue(ctx);
    auto templates = templates_for(cat);
    if (!templates) {
        throw CommandError(templates.error());
    }
    // Render every file before writing any, so that an error leaves the site untouched.
    std::vector<SiteFile> rendered;
    rendered.reserve(pages.size());
    for (const std::string& page : pages) {
        rendered.push_back(value_or_fail(render_site_page(cat, *templates, page, ctx.now)));
    }
    std::vector<SiteFile> posts;
    if (whole_site) {
        for (const Season* season : seasons_with_news(cat, ctx.now)) {
            posts.push_back(value_or_fail(render_news_post(cat, *templates, *season)));
        }
    }
    if (opts.site.empty()) {
        for (const SiteFile& f : rendered) {
            write_output(ctx, f.content, opts.output);
        }
        return ExitCode::ok;
    }
    // A season's post is written once, when it is missing: an existing post (perhaps edited by
    // hand) is kept; `wtool news N --site DIR` replaces it on purpose.
    std::vector<SiteWrite> writes;
    writes.reserve(rendered.size() + posts.size());
    for (SiteFile& f : rendered) {
        writes.push_back({std::move(f), Existing::replace});
    }
    for (SiteFile& f : posts) {
        writes.push_back({std::move(f), Existing::keep});
    }
    write_site_files(ctx, opts.site, writes); // every path checked before any file is written
    return ExitCode::ok;
}

} // namespace wtool

#include "cmd_page.hpp"

#include "command_support.hpp"
#include "output_target.hpp"
#include "template_views.hpp"
#include "templates.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace wtool {

namespace {

struct PageRender {
    std::string content;
    std::string site_path; // where it goes in a site tree
    std::string site_key;  // the catalogue key that says so
};

PageRender render_page(const Catalogue& cat, const TemplateSet& templates, const std::string& page, tz::Instant now) {
    const bool webinar = page == "webinar";
    auto view = webinar ? webinar_page_view(cat, now, Escaping::markdown) : talks_page_view(cat, Escaping::markdown);
    if (!view) {
        throw CommandError(view.error());
    }
    auto text = render_template(templates, webinar ? "page_webinar" : "page_talks", *view);
    if (!text) {
        throw CommandError(text.error().message);
    }
    if (webinar) {
        return {std::move(*text), cat.site.webinar_page.value, "[site] webinar_page"};
    }
    return {std::move(*text), cat.site.talks_page.value, "[site] talks_page"};
}

} // namespace

CLI::App* setup_page(CLI::App& app, PageOptions& opts) {
    CLI::App* sub = app.add_subcommand("page", "Generate the webinar page and the talks page of the site");
    sub->add_option("page", opts.pages, "Which page: webinar (next webinar, previous talks) or talks (all abstracts)")
        ->required()
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
                "  wtool page webinar talks --site ../medical-datasets.github.io\n\n"
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
    if (pages.size() > 1 && opts.site.empty()) {
        throw CommandError("name one page to print it or write it with --output, or write several with --site DIR");
    }
    const Catalogue cat = load_usable_catalogue(ctx);
    auto templates = templates_for(cat);
    if (!templates) {
        throw CommandError(templates.error());
    }
    // Render every page before writing any, so that an error leaves the site untouched.
    std::vector<PageRender> rendered;
    for (const std::string& page : pages) {
        rendered.push_back(render_page(cat, *templates, page, ctx.now));
    }
    for (const PageRender& r : rendered) {
        if (opts.site.empty()) {
            write_output(ctx, r.content, opts.output);
        } else {
            write_site_file(ctx, opts.site, r.site_path, r.site_key, r.content);
        }
    }
    return ExitCode::ok;
}

} // namespace wtool

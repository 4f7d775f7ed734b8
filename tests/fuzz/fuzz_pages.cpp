// Fuzz target: a catalogue rendered with the default templates, as `announce`, `page` and `news`
// do: when the catalogue loads without errors (as those commands require), every season's
// announcement in each format (Markdown, e-mail, a social post fitted to 500 characters, JSON),
// the webinar and talks pages and every news post. This reaches what templates see
// (template_views: plain text, Markdown escaping, dates, audience times) with hostile values.
#include "catalogue/catalogue_loader.hpp"
#include "catalogue/rules.hpp"
#include "cli/context.hpp"
#include "fuzz_support.hpp"
#include "render/site_files.hpp"
#include "render/social.hpp"
#include "render/template_views.hpp"
#include "render/templates.hpp"

using namespace wtool;

namespace {

// Pages list every talk: a quarter of a megabyte is several times the shipped catalogue.
constexpr std::size_t max_pages_input_bytes = 256 * 1024;

// A command's own error (CommandError: the catalogue or a template cannot be rendered) is an
// answer; it must say what is wrong.
template <class F> void as_command(F&& render) {
    try {
        render();
    } catch (const CommandError& e) {
        if (std::string_view(e.what()).empty()) {
            __builtin_trap();
        }
    }
}

void announce(const Catalogue& cat, const TemplateSet& templates, const Season& season) {
    for (const Escaping escaping : {Escaping::plain, Escaping::markdown}) {
        auto view = announce_view(cat, season, escaping, AudienceTimes::show);
        if (!view) {
            continue;
        }
        (void)view->dump(2);
        if (escaping == Escaping::markdown) {
            (void)render_template(templates, "announce_markdown", *view);
        } else {
            (void)render_template(templates, "announce_email", *view);
            (void)render_template(templates, "announce_social", *view, FitRequest{500, social::post_length});
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > max_pages_input_bytes) {
        return -1;
    }
    Diagnostics diags;
    auto loaded = parse_catalogue(std::string(fuzz::as_text(data, size)), "fuzz.toml", diags);
    if (!loaded) {
        return 0;
    }
    check_catalogue(*loaded, fuzz::now(), diags);
    if (diags.has_errors()) {
        return 0; // the commands refuse it (load_usable_catalogue)
    }
    const Catalogue& cat = *loaded;
    static const TemplateSet templates = TemplateSet::defaults();
    for (const Season& season : cat.seasons) {
        announce(cat, templates, season);
    }
    as_command([&] { (void)render_site_page(cat, templates, "webinar", fuzz::now()); });
    as_command([&] { (void)render_site_page(cat, templates, "talks", fuzz::now()); });
    for (const Season* season : seasons_with_news(cat, fuzz::now())) {
        as_command([&] { (void)render_news_post(cat, templates, *season); });
    }
    return 0;
}

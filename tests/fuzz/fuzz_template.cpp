// Fuzz target: a template (as a catalogue's templates folder may hold) rendered with the shipped
// catalogue's views: wtool's preparation of the template (standalone tags, line sentinels), the
// kainjow Mustache engine, partials (every default template is one, and the template may include
// itself), and the {{#fit}}/{{#if_room}} helpers of social posts.
//
// The first byte of the input chooses the view: its value modulo 5 picks announce (plain),
// announce (Markdown), the webinar page, the talks page or a news post; modulo 10, 5 or more
// renders with a FitRequest of 500 characters, as `announce --format social` does. The rest of
// the input is the template. Seeds: data/templates/*.mustache behind the byte of their view.
#include "catalogue/schedule.hpp"
#include "fuzz_support.hpp"
#include "render/social.hpp"
#include "render/template_views.hpp"
#include "render/templates.hpp"
#include "shipped_catalogue.hpp"

#include <array>
#include <cstdlib>

using namespace wtool;

namespace {

// Big enough for any real template (the largest default is about 3 KB).
constexpr std::size_t max_template_bytes = 64 * 1024;

nlohmann::ordered_json unwrap(std::expected<nlohmann::ordered_json, std::string> view) {
    if (!view) {
        std::abort();
    }
    return std::move(*view);
}

// The five views, made once.
const std::array<nlohmann::ordered_json, 5>& views() {
    static const std::array<nlohmann::ordered_json, 5> all = [] {
        const Catalogue& cat = fuzz::shipped_catalogue();
        const Season* next = next_season(cat, fuzz::now());
        const std::vector<const Season*> seasons = cat.seasons_by_number();
        const Season* dated = nullptr; // the last season with a date, for its news post
        for (const Season* s : seasons) {
            if (s->date.present && !s->cancelled.value && season_started(cat, *s, fuzz::now())) {
                dated = s;
            }
        }
        if (next == nullptr || dated == nullptr) {
            std::abort();
        }
        return std::array<nlohmann::ordered_json, 5>{
            unwrap(announce_view(cat, *next, Escaping::plain, AudienceTimes::show)),
            unwrap(announce_view(cat, *next, Escaping::markdown, AudienceTimes::hide)),
            unwrap(webinar_page_view(cat, fuzz::now(), Escaping::markdown)),
            unwrap(talks_page_view(cat, Escaping::markdown)),
            unwrap(news_view(cat, *dated, Escaping::markdown)),
        };
    }();
    return all;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0 || size > max_template_bytes + 1) {
        return -1;
    }
    const std::uint8_t selector = data[0];
    const nlohmann::ordered_json& view = views()[selector % 5];
    std::optional<FitRequest> fit;
    if (selector % 10 >= 5) {
        fit = FitRequest{500, social::post_length};
    }
    TemplateSet templates = TemplateSet::defaults();
    if (!templates.add("fuzz", std::string(fuzz::as_text(data + 1, size - 1)), "fuzz.mustache")) {
        return 0; // not a valid template: the message is the answer
    }
    auto rendered = render_template(templates, "fuzz", view, fit);
    if (!rendered && rendered.error().message.empty()) {
        __builtin_trap(); // every error says what is wrong
    }
    return 0;
}

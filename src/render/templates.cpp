#include "render/templates.hpp"

#include "render/embedded_templates.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>
#include <vector>

namespace wtool {

namespace mst = kainjow::mustache;

namespace {

constexpr std::string_view template_suffix = ".mustache";
// A partial may be expanded at most this often in one rendering (a partial for each talk of a
// long series is fine), and inside at most this many other partials: a template that includes
// itself would otherwise recurse until the expansions run out, each level costing the parse and
// rendering of the whole template (seconds for a few kilobytes: found by tests/fuzz/fuzz_template).
constexpr int max_partial_expansions = 2000;
constexpr int max_partial_depth = 20;
// Wrapped around every partial's text: these two sections call helpers that count how many
// partials are being rendered at the moment, one inside the other.
constexpr std::string_view enter_partial = "{{#wtool_enter_partial}}{{/wtool_enter_partial}}";
constexpr std::string_view leave_partial = "{{#wtool_leave_partial}}{{/wtool_leave_partial}}";
// Stands for the rendered {{#fit}} section until its length is known. NUL bytes never occur in
// rendered values (plain_text.hpp drops control characters; the loader rejects them).
constexpr std::string_view fit_marker{"\0wtool-fit\0", 11};

// Marks the start of every template line during rendering; removed from the output.
constexpr char line_sentinel = '\x01';

// Mustache's "standalone" rule, done before kainjow sees the template: a line holding only a
// section, inverted-section, closing, comment or partial tag (and blanks) disappears with its
// line break. kainjow's own handling keeps the line break of a section it skips (a false value,
// an empty list) and drops any line that is blank after rendering a section tag, so every other
// line gets a sentinel at its start that keeps kainjow from dropping it and is removed from the
// output afterwards. Templates use the default {{ }} delimiters for this to apply.
std::string prepare_template(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t tag_begin = pos;
        while (tag_begin < text.size() && (text[tag_begin] == ' ' || text[tag_begin] == '\t')) {
            ++tag_begin;
        }
        const bool opens_tag = text.substr(tag_begin, 2) == "{{" && tag_begin + 2 < text.size() &&
                               std::string_view("#^/!>").find(text[tag_begin + 2]) != std::string_view::npos;
        if (opens_tag) {
            const std::size_t close = text.find("}}", tag_begin + 3);
            if (close != std::string_view::npos) {
                std::size_t after = close + 2;
                while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) {
                    ++after;
                }
                std::size_t line_end = after;
                if (text.substr(after, 2) == "\r\n") {
                    line_end = after + 2;
                } else if (after < text.size() && text[after] == '\n') {
                    line_end = after + 1;
                }
                const bool multi_line = text.substr(tag_begin, close - tag_begin).find('\n') != std::string_view::npos;
                const bool standalone =
                    (line_end != after || after == text.size()) && (!multi_line || text[tag_begin + 2] == '!');
                if (standalone) {
                    out += text.substr(tag_begin, close + 2 - tag_begin);
                    pos = line_end;
                    continue;
                }
            }
        }
        std::size_t nl = text.find('\n', pos);
        nl = nl == std::string_view::npos ? text.size() : nl + 1;
        out += line_sentinel;
        out += text.substr(pos, nl - pos);
        pos = nl;
    }
    return out;
}

void remove_sentinels(std::string& s) {
    s.erase(std::remove(s.begin(), s.end(), line_sentinel), s.end());
}

mst::data to_mustache(const nlohmann::ordered_json& j) {
    switch (j.type()) {
    case nlohmann::json::value_t::object: {
        mst::data d{mst::data::type::object};
        for (const auto& [key, value] : j.items()) {
            d.set(key, to_mustache(value));
        }
        return d;
    }
    case nlohmann::json::value_t::array: {
        mst::data d{mst::data::type::list};
        for (const auto& item : j) {
            d.push_back(to_mustache(item));
        }
        return d;
    }
    case nlohmann::json::value_t::string: return mst::data{j.get<std::string>()};
    case nlohmann::json::value_t::boolean: return mst::data{j.get<bool>()};
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded: return mst::data{false};
    default: return mst::data{j.dump()}; // numbers
    }
}

// The state the {{#fit}} and {{#if_room}} helpers share during one rendering.
struct FitState {
    bool measuring = false; // replace the fit section by fit_marker and remember its texts
    bool brief_mode = false;
    int sections = 0;
    std::string full, brief;
};

// Cuts `text` after the last whole word for which `fits(candidate)` holds, ending it with "…";
// "" when not even one word fits. Words end at spaces, so no word and no URL is ever split.
std::string cut_at_word(const std::string& text, const std::function<bool(const std::string&)>& fits) {
    std::string best;
    std::size_t pos = 0;
    while (true) {
        const std::size_t space = text.find(' ', pos + 1);
        const std::size_t end = space == std::string::npos ? text.size() : space;
        std::string candidate = text.substr(0, end);
        // Do not end on a separator: "Talks: A, B,…" reads better as "Talks: A, B…".
        while (!candidate.empty() && std::string_view(" ,;:-(\"'").find(candidate.back()) != std::string_view::npos) {
            candidate.pop_back();
        }
        if (!text::trim(candidate).empty()) {
            candidate += "…";
            if (!fits(candidate)) {
                break;
            }
            best = std::move(candidate);
        }
        if (space == std::string::npos) {
            break;
        }
        pos = space;
    }
    return best;
}

} // namespace

TemplateSet TemplateSet::defaults() {
    TemplateSet set;
    for (const EmbeddedFile& t : embedded_templates()) {
        set.templates_[std::string(t.name)] =
            TemplateText{std::string(t.text), fmt::format("built-in {}{}", t.name, template_suffix)};
    }
    return set;
}

std::expected<TemplateSet, std::string> TemplateSet::with_folder(const std::filesystem::path& folder) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        return std::unexpected(fmt::format("templates folder '{}' does not exist or is not a folder", folder.string()));
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > template_suffix.size() && name.ends_with(template_suffix) && !entry.is_directory()) {
            files.push_back(entry.path());
        }
    }
    if (ec) {
        return std::unexpected(fmt::format("cannot read templates folder '{}': {}", folder.string(), ec.message()));
    }
    std::sort(files.begin(), files.end());
    TemplateSet set = defaults();
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        if (!in) {
            return std::unexpected(fmt::format("cannot read template '{}'", path.string()));
        }
        std::string name = path.filename().string();
        name.resize(name.size() - template_suffix.size());
        if (auto added = set.add(name, content.str(), path.string()); !added) {
            return std::unexpected(added.error());
        }
    }
    return set;
}

std::expected<void, std::string> TemplateSet::add(const std::string& name, std::string text, std::string origin) {
    mst::mustache tmpl{text};
    if (!tmpl.is_valid()) {
        return std::unexpected(fmt::format("template '{}': {}", origin, tmpl.error_message()));
    }
    templates_[name] = TemplateText{std::move(text), std::move(origin)};
    return {};
}

const TemplateText* TemplateSet::find(std::string_view name) const {
    const auto it = templates_.find(name);
    return it == templates_.end() ? nullptr : &it->second;
}

std::expected<TemplateSet, std::string> templates_for(const Catalogue& cat) {
    if (!cat.series.templates.present) {
        return TemplateSet::defaults();
    }
    return TemplateSet::with_folder(cat.path.parent_path() / cat.series.templates.value.view());
}

namespace {

// Looks names up in the view like kainjow's own context, but partials only among the templates:
// kainjow's default would also take a string value of the view as a partial, so that a talk
// title could end up parsed as a template.
class ViewContext : public mst::basic_context<std::string> {
  public:
    ViewContext(const mst::data* view, const mst::data* partials) : view_(view), partials_(partials) {}
    void push(const mst::data* data) override { view_.push(data); }
    void pop() override { view_.pop(); }
    const mst::data* get(const std::string& name) const override { return view_.get(name); }
    const mst::data* get_partial(const std::string& name) const override { return partials_->get(name); }

  private:
    mst::context<std::string> view_;
    const mst::data* partials_;
};

// One rendering of one template, with the helpers and partials installed.
std::expected<std::string, RenderError> render_once(const TemplateSet& templates, const TemplateText& main,
                                                    const nlohmann::ordered_json& view, FitState& state) {
    mst::data data = to_mustache(view);
    mst::data partials{mst::data::type::object};
    int expansions = 0;
    int depth = 0; // partials being rendered, one inside the other
    bool too_deep = false;
    for (const auto& [partial_name, partial] : templates.all()) {
        std::string text = std::string(enter_partial) + prepare_template(partial.text) + std::string(leave_partial);
        partials.set(partial_name, mst::partial{[text = std::move(text), &expansions, &depth, &too_deep]() {
                         too_deep = too_deep || depth >= max_partial_depth;
                         // An invalid template stops the rendering; the message is replaced below.
                         return ++expansions > max_partial_expansions || too_deep ? std::string("{{/wtool}}") : text;
                     }});
    }
    data.set("wtool_enter_partial", mst::lambda2{[&depth](const std::string&, const mst::renderer&) {
                 ++depth;
                 return std::string();
             }});
    data.set("wtool_leave_partial", mst::lambda2{[&depth](const std::string&, const mst::renderer&) {
                 --depth;
                 return std::string();
             }});
    data.set("fit", mst::lambda2{[&state](const std::string& text, const mst::renderer& render) -> std::string {
                 ++state.sections;
                 state.brief_mode = false;
                 std::string full = render(text);
                 if (!state.measuring) {
                     return full;
                 }
                 state.brief_mode = true;
                 state.brief = render(text);
                 state.brief_mode = false;
                 remove_sentinels(full);
                 remove_sentinels(state.brief);
                 state.full = std::move(full);
                 return std::string(fit_marker);
             }});
    data.set("if_room", mst::lambda2{[&state](const std::string& text, const mst::renderer& render) -> std::string {
                 return state.brief_mode ? std::string() : render(text);
             }});

    mst::mustache tmpl{prepare_template(main.text)};
    tmpl.set_custom_escape([](const std::string& s) { return s; });
    ViewContext context{&data, &partials};
    std::string out = tmpl.render(context);
    remove_sentinels(out);
    if (too_deep) {
        return std::unexpected(RenderError{RenderError::Kind::bad_template,
                                           fmt::format("template '{}': partials nested more than {} deep (does a "
                                                       "template include itself?)",
                                                       main.origin, max_partial_depth)});
    }
    if (expansions > max_partial_expansions) {
        return std::unexpected(RenderError{RenderError::Kind::bad_template,
                                           fmt::format("template '{}': more than {} partials expanded (does a "
                                                       "template include itself?)",
                                                       main.origin, max_partial_expansions)});
    }
    if (!tmpl.is_valid()) {
        return std::unexpected(RenderError{RenderError::Kind::bad_template,
                                           fmt::format("template '{}': {}", main.origin, tmpl.error_message())});
    }
    return out;
}

} // namespace

std::expected<std::string, RenderError> render_template(const TemplateSet& templates, std::string_view name,
                                                        const nlohmann::ordered_json& view,
                                                        const std::optional<FitRequest>& fit) {
    const TemplateText* main = templates.find(name);
    if (main == nullptr) {
        return std::unexpected(RenderError{RenderError::Kind::bad_template,
                                           fmt::format("no template named '{}{}'", name, template_suffix)});
    }
    const auto too_long = [](std::string message) {
        return std::unexpected(RenderError{RenderError::Kind::too_long, std::move(message)});
    };
    FitState state;
    state.measuring = fit.has_value();
    auto rendered = render_once(templates, *main, view, state);
    if (!rendered || !fit) {
        return rendered;
    }
    const std::string& out = *rendered;
    const auto fits = [&](const std::string& candidate) { return fit->measure(candidate) <= fit->max_chars; };
    if (state.sections > 1) {
        return std::unexpected(
            RenderError{RenderError::Kind::bad_template,
                        fmt::format("template '{}': only one {{{{#fit}}}} section is allowed, found {}", main->origin,
                                    state.sections)});
    }
    const std::size_t at = out.find(fit_marker);
    if (state.sections == 0 || at == std::string::npos) {
        if (!fits(out)) {
            return too_long(fmt::format("the text is {} characters long, more than the {} allowed, and template "
                                        "'{}' has no {{{{#fit}}}} section to shorten",
                                        fit->measure(out), fit->max_chars, main->origin));
        }
        return out;
    }
    const std::string before = out.substr(0, at);
    const std::string after = out.substr(at + fit_marker.size());
    const auto with = [&](const std::string& middle) { return before + middle + after; };
    for (const std::string* candidate : {&state.full, &state.brief}) {
        if (fits(with(*candidate))) {
            return with(*candidate);
        }
    }
    if (!fits(with(""))) {
        return too_long(fmt::format("the text needs at least {} characters, even shortened as far as its template "
                                    "allows, more than the {} allowed",
                                    fit->measure(with("")), fit->max_chars));
    }
    return with(cut_at_word(state.brief, [&](const std::string& middle) { return fits(with(middle)); }));
}

} // namespace wtool

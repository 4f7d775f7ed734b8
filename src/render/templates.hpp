// The templates every page, post and announcement is rendered from: Mustache (kainjow) files named
// NAME.mustache. The defaults ship in data/templates/ and are compiled into the binary; a
// catalogue can name its own folder (series.templates) whose files replace the defaults file by
// file. Every template is also available to the others as a partial, {{> NAME}}.
//
// Rendering is pure: a JSON view in (template_views.hpp), text out. Mustache's HTML escaping is
// switched off: {{x}} and {{{x}}} insert the same text, because the views already hold values
// escaped for the output format (markdown_escape.hpp). Two helpers are always defined:
//   {{#fit}}...{{/fit}}       the part of a social post that may be shortened to fit (see
//                             FitRequest); elsewhere it renders its content unchanged;
//   {{#if_room}}...{{/if_room}} content that is dropped first when a fit section is too long.
#pragma once

#include "catalogue/catalogue.hpp"

#include <cstddef>
#include <expected>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace wtool {

struct TemplateText {
    std::string text;
    std::string origin; // "built-in NAME.mustache" or the file's path
};

// A set of named templates.
class TemplateSet {
  public:
    // The built-in defaults.
    static TemplateSet defaults();
    // The defaults, with every NAME.mustache file in `folder` added or replacing the default of
    // that name. Errors: the folder does not exist or is not a folder, a file cannot be read, or a
    // file is not a valid template (the message names the file and the reason).
    static std::expected<TemplateSet, std::string> with_folder(const std::filesystem::path& folder);

    // Adds a template, or replaces the one of that name. Errors: `text` is not a valid template.
    std::expected<void, std::string> add(const std::string& name, std::string text, std::string origin);

    // The template of this name, or nullptr.
    [[nodiscard]] const TemplateText* find(std::string_view name) const;
    [[nodiscard]] const std::map<std::string, TemplateText, std::less<>>& all() const { return templates_; }

  private:
    std::map<std::string, TemplateText, std::less<>> templates_;
};

// The template set a catalogue uses: the defaults, overridden by its series.templates folder
// (relative to the catalogue file's folder) when it names one.
std::expected<TemplateSet, std::string> templates_for(const Catalogue& cat);

// How a {{#fit}} section is shortened: the whole output must measure at most `max_chars`
// with `measure`. The section is kept whole if it fits; else it is rendered without its
// {{#if_room}} parts; else that shorter text is cut after the last whole word that fits, and
// "…" is appended. Text outside the section is never shortened.
struct FitRequest {
    std::size_t max_chars = 0;
    std::function<std::size_t(std::string_view)> measure;
};

struct RenderError {
    enum class Kind {
        bad_template, // no such template, invalid syntax, partials nested too deep, two fit sections
        too_long,     // a FitRequest cannot be met
    } kind = Kind::bad_template;
    std::string message; // names the template: "template 'built-in news.mustache': Unclosed section ..."
};

// Renders template `name` with `view`. With a FitRequest, the template must hold at most one
// {{#fit}} section; the output is too_long when even the text outside it does not fit.
std::expected<std::string, RenderError> render_template(const TemplateSet& templates, std::string_view name,
                                                        const nlohmann::ordered_json& view,
                                                        const std::optional<FitRequest>& fit = std::nullopt);

} // namespace wtool

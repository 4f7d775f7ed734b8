#include "commands/init.hpp"

#include "catalogue/catalogue_loader.hpp"
#include "catalogue/new_catalogue.hpp"
#include "catalogue/rules.hpp"
#include "cli/prompter.hpp"
#include "render/templates.hpp"
#include "support/atomic_file.hpp"
#include "support/text.hpp"

#include <algorithm>
#include <optional>
#include <fmt/format.h>

namespace wtool {

namespace fs = std::filesystem;

CLI::App* setup_init(CLI::App& app, InitOptions& opts) {
    CLI::App* sub = app.add_subcommand("init", "Start a catalogue for a new series (asks on a terminal)");
    sub->add_option("dir", opts.dir, "Folder for episodes.toml, created if missing (default: .)")->type_name("DIR");
    sub->add_option("--title", opts.title, "The series' name")->type_name("TEXT");
    sub->add_option("--timezone", opts.timezone, "IANA time zone the series runs in, e.g. Europe/Berlin")
        ->type_name("ZONE");
    sub->add_option("--start", opts.start, "Default start time of a webinar day, HH:MM local time")->type_name("TIME");
    sub->add_option("--duration", opts.duration, "Default length of a webinar day in minutes (default: 60)")
        ->type_name("MIN");
    sub->add_option("--audience", opts.audience, "Time zones announcements convert the start time to")
        ->type_name("ZONE")
        ->delimiter(',');
    sub->add_option("--site-url", opts.site_url, "The series' website")->type_name("URL");
    sub->add_option("--meeting-url", opts.meeting_url,
                    "Every webinar day's meeting link, any platform (Zoom, Google Meet, Teams, ...)")
        ->type_name("URL");
    sub->add_option("--organiser", opts.organiser, "The organiser's name")->type_name("NAME");
    sub->add_option("--email", opts.email,
                    "The organiser's e-mail address, the organiser of calendar invitations (wtool ics needs one)")
        ->type_name("ADDRESS");
    sub->add_flag("--with-templates", opts.with_templates,
                  "Also copy wtool's default templates to DIR/templates, to adapt them");
    sub->add_flag("--dry-run", opts.dry_run, "Print the new catalogue instead of writing it; nothing is written");
    sub->footer("Example:\n"
                "  wtool init my-series --title \"Data Matters\" --timezone Europe/Berlin --start 16:00 \\\n"
                "      --organiser \"Ada Lovelace\" --email ada@example.org\n\n"
                "Without a terminal, --title, --timezone and --start are required. Never overwrites a file.");
    return sub;
}

namespace {

// A default template to write: its text, and where it goes.
struct TemplateCopy {
    std::string text;
    fs::path to;
};

// The built-in default templates (the files of data/templates, compiled into wtool, so they are
// exactly what this wtool renders with), each as NAME.mustache under `target_dir`, in name order.
std::vector<TemplateCopy> plan_template_copies(const fs::path& target_dir) {
    const TemplateSet defaults = TemplateSet::defaults();
    std::vector<TemplateCopy> copies;
    for (const auto& [name, tmpl] : defaults.all()) {
        copies.push_back({tmpl.text, target_dir / (name + ".mustache")});
    }
    return copies;
}

// The values of the new series: those given as options, checked all at once; then, on a
// terminal, answers to questions for the others; else the defaults.
class ValueCollector {
  public:
    ValueCollector(Context& ctx, const InitOptions& opts) : ctx_(ctx), opts_(opts) {
        if (ctx.interactive && ctx.in != nullptr) {
            prompter_.emplace(*ctx.in, ctx.err);
        }
    }

    NewSeries collect() {
        auto title = given("--title", opts_.title, check_series_title);
        auto zone = given("--timezone", opts_.timezone, check_zone_name);
        auto start = given("--start", opts_.start, check_start_time);
        auto duration = given("--duration", opts_.duration, check_duration);
        auto audience = given("--audience", fmt::format("{}", fmt::join(opts_.audience, ",")), check_zone_list);
        auto site = given("--site-url", opts_.site_url, check_site_url);
        auto meeting = given("--meeting-url", opts_.meeting_url, check_meeting_url);
        auto organiser = given("--organiser", opts_.organiser, check_person_name);
        auto email = given("--email", opts_.email, check_email);
        if (!errors_.empty()) {
            for (std::size_t i = 0; i + 1 < errors_.size(); ++i) {
                ctx_.err << "wtool: error: " << text::visible(errors_[i], text::Keep::tabs_and_newlines) << "\n";
            }
            throw CommandError(errors_.back());
        }
        if (!prompter_) {
            std::vector<std::string> missing;
            for (const auto& [name, absent] :
                 {std::pair{"--title", !title}, {"--timezone", !zone}, {"--start", !start}}) {
                if (absent) {
                    missing.emplace_back(name);
                }
            }
            if (!missing.empty()) {
                throw CommandError(fmt::format("missing {}: give {} as options (there is no terminal to ask on)",
                                               list_words(missing), missing.size() == 1 ? "it" : "them"));
            }
        } else {
            ctx_.err << "A new wtool catalogue: answer each question (Enter keeps the [default]).\n";
        }
        NewSeries s;
        s.title = title ? *title : ask("Series title", "", check_series_title);
        s.timezone = zone ? *zone : ask("Time zone (IANA name, e.g. Europe/Berlin)", "", check_zone_name);
        s.start_time = start ? *start : ask("Start time of a webinar day (HH:MM)", "", check_start_time);
        s.duration_minutes = duration ? *duration : ask_or("Length of a webinar day in minutes", "60", check_duration);
        s.audience_timezones =
            audience ? *audience
                     : ask_or("Audience time zones, separated by commas (Enter: none)", "", check_zone_list);
        s.site_url = site ? *site : ask_or("Website (Enter: none)", "", [](std::string_view t) {
            return text::trim(t).empty() ? std::expected<std::string, std::string>{} : check_site_url(t);
        });
        s.meeting_url =
            meeting ? *meeting
                    : ask_or("Meeting link for every webinar day, any platform (Enter: none)", "",
                             [](std::string_view t) {
                                 return text::trim(t).empty() ? std::expected<std::string, std::string>{}
                                                              : check_meeting_url(t);
                             });
        s.organiser_name = organiser ? *organiser : ask_or("Organiser's name (Enter: none)", "", check_person_name);
        s.organiser_email =
            email ? *email : ask_or("Organiser's e-mail, for calendar invitations (Enter: none)", "", check_email);
        return s;
    }

  private:
    // "a", "a and b", "a, b and c"
    static std::string list_words(const std::vector<std::string>& words) {
        std::string out;
        for (std::size_t i = 0; i < words.size(); ++i) {
            out += i == 0 ? "" : (i + 1 == words.size() ? " and " : ", ");
            out += words[i];
        }
        return out;
    }

    // The value of an option that was given, checked (a problem is noted); nullopt when not given.
    template <class Check>
    auto given(std::string_view option, const std::string& text, Check check)
        -> std::optional<typename decltype(check(""))::value_type> {
        if (text.empty()) {
            return std::nullopt;
        }
        auto v = check(text);
        if (!v) {
            errors_.push_back(fmt::format("{}: {}", option, v.error()));
            return std::nullopt;
        }
        return std::move(*v);
    }

    // Asks until `check` accepts the answer, showing each problem (interactive only).
    template <class Check>
    auto ask(std::string_view question, std::string_view fallback, Check check) ->
        typename decltype(check(""))::value_type {
        if (!prompter_) { // without a terminal every question is answered by its option, or refused above
            throw CommandError(fmt::format("{}: no answer without a terminal", question));
        }
        while (true) {
            const std::optional<std::string> answer = prompter_->line(question, fallback);
            if (!answer) {
                throw CommandError("no answer (end of input): nothing was written");
            }
            auto v = check(*answer);
            if (v) {
                return std::move(*v);
            }
            prompter_->say("  " + v.error());
        }
    }

    // Asks on a terminal; takes the default otherwise.
    template <class Check>
    auto ask_or(std::string_view question, std::string_view fallback, Check check) ->
        typename decltype(check(""))::value_type {
        return prompter_ ? ask(question, fallback, check) : *check(fallback);
    }

    Context& ctx_;
    const InitOptions& opts_;
    std::optional<Prompter> prompter_;
    std::vector<std::string> errors_;
};

// The new text must load and validate without errors: wtool must never hand out a broken file.
void check_new_catalogue(const Context& ctx, const std::string& content, const fs::path& file) {
    Diagnostics diags;
    auto loaded = parse_catalogue(content, file, diags);
    if (loaded) {
        check_catalogue(*loaded, ctx.now, diags);
    }
    if (loaded && !diags.has_errors()) {
        return;
    }
    std::vector<Diagnostic> errors;
    std::copy_if(diags.items().begin(), diags.items().end(), std::back_inserter(errors),
                 [](const Diagnostic& d) { return d.severity == Severity::error; });
    render_diagnostics_text(ctx.err, errors, file.string(), content, ctx.err_color);
    throw CommandError("internal error: the new catalogue does not validate; nothing was written (please report "
                       "this)");
}

// Why a real run would stop before writing anything: the folder is a file, or the catalogue or a
// template is already there (init never overwrites). nullopt when nothing is in the way.
std::optional<std::string> obstacle(const fs::path& dir, const fs::path& file, const fs::path& templates_dir,
                                    const std::vector<TemplateCopy>& copies) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        return fmt::format("'{}' is not a folder: give a folder for the new catalogue", dir.string());
    }
    if (fs::exists(fs::symlink_status(file, ec))) {
        return fmt::format("'{}' already exists; wtool init never overwrites a file: choose another folder, or "
                           "keep editing the catalogue you have",
                           file.string());
    }
    if (copies.empty()) {
        return std::nullopt;
    }
    if (fs::exists(fs::symlink_status(templates_dir, ec)) && !fs::is_directory(templates_dir, ec)) {
        return fmt::format("'{}' exists and is not a folder, so the templates cannot go there: move it, or leave "
                           "out --with-templates",
                           templates_dir.string());
    }
    for (const TemplateCopy& c : copies) {
        if (fs::exists(fs::symlink_status(c.to, ec))) {
            return fmt::format("'{}' already exists; wtool init never overwrites a file: remove the folder '{}', "
                               "or leave out --with-templates",
                               c.to.string(), templates_dir.string());
        }
    }
    return std::nullopt;
}

// Writes the templates first and the catalogue last: a failure on the way removes what this run
// wrote, so that nothing is left half done (and running init again works).
void write_new_files(const std::vector<TemplateCopy>& copies, const fs::path& templates_dir, const fs::path& file,
                     const std::string& content) {
    AtomicWriteOptions write_options;
    write_options.create_parents = true;
    write_options.keep_existing = true;
    std::error_code ec;
    const bool templates_dir_existed = fs::exists(templates_dir, ec);
    std::vector<fs::path> written_files;
    const auto undo = [&] {
        for (const fs::path& f : written_files) {
            fs::remove(f, ec);
        }
        if (!templates_dir_existed && !copies.empty()) {
            fs::remove(templates_dir, ec); // only when empty
        }
    };
    for (const TemplateCopy& c : copies) {
        if (auto written = write_file_atomically(c.to, c.text, write_options); !written) {
            undo();
            throw CommandError(written.error());
        }
        written_files.push_back(c.to);
    }
    if (auto written = write_file_atomically(file, content, write_options); !written) {
        undo();
        throw CommandError(written.error());
    }
}

} // namespace

ExitCode run_init(Context& ctx, const InitOptions& opts) {
    const fs::path dir = opts.dir.empty() ? fs::path(".") : fs::path(opts.dir);
    const fs::path file = (dir / "episodes.toml").lexically_normal();
    const fs::path templates_dir = (dir / "templates").lexically_normal();
    const std::vector<TemplateCopy> copies =
        opts.with_templates ? plan_template_copies(templates_dir) : std::vector<TemplateCopy>{};
    // A dry run still shows what it would write, and then says what is in the way.
    const std::optional<std::string> in_the_way = obstacle(dir, file, templates_dir, copies);
    if (in_the_way && !opts.dry_run) {
        throw CommandError(*in_the_way);
    }

    NewSeries series = ValueCollector(ctx, opts).collect();
    if (opts.with_templates) {
        series.templates = "templates";
    }
    const std::string content = render_new_catalogue(series);
    check_new_catalogue(ctx, content, file);
    if (opts.dry_run) {
        ctx.out << content;
        if (in_the_way) {
            ctx.err << fmt::format("warning: a real run would stop here and write nothing: {}\n", *in_the_way);
        }
        if (!ctx.quiet) {
            ctx.err << fmt::format("dry run: nothing was written (it would be {}{})\n", file.string(),
                                   copies.empty() ? std::string{}
                                                  : fmt::format(", and {} template{} in {}/", copies.size(),
                                                                copies.size() == 1 ? "" : "s", templates_dir.string()));
        }
        return ExitCode::ok;
    }

    write_new_files(copies, templates_dir, file, content);

    if (!ctx.quiet) {
        ctx.out << fmt::format("created {}\n", file.string());
        if (!copies.empty()) {
            ctx.out << fmt::format("copied {} default template{} to {}/\n", copies.size(),
                                   copies.size() == 1 ? "" : "s", templates_dir.string());
        }
        const std::string catalogue_option =
            file == fs::path("episodes.toml") ? std::string{} : " --catalogue " + text::shell_word(file.string());
        ctx.out << fmt::format("next: fill in season 1, then\n"
                               "  wtool validate{}\n"
                               "  wtool add-episode{} --season 1\n",
                               catalogue_option, catalogue_option);
    }
    return ExitCode::ok;
}

} // namespace wtool

#include "recordings/youtube_feed.hpp"

#include <algorithm>
#include <expat.h>
#include <fmt/format.h>
#include <limits>
#include <memory>
#include <optional>

namespace wtool::recordings {

namespace {

// Element names as expat gives them with namespace processing: "URI local".
constexpr std::string_view atom = "http://www.w3.org/2005/Atom ";
constexpr std::string_view youtube = "http://www.youtube.com/xml/schemas/2015 ";
constexpr std::string_view media = "http://search.yahoo.com/mrss/ ";

bool is(std::string_view name, std::string_view ns, std::string_view local) {
    return name.size() == ns.size() + local.size() && name.starts_with(ns) && name.ends_with(local);
}

bool valid_video_id(std::string_view id) {
    return id.size() == 11 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_';
           });
}

// What the handlers collect. Which text is being read is decided by the path of open elements,
// kept as a depth and the depth of the current entry, not a stack.
class Reader {
  public:
    void start(std::string_view name, const XML_Char** attributes) {
        ++depth_;
        if (depth_ == 1) {
            root_ = std::string(name);
            return;
        }
        if (depth_ == 2 && is(name, atom, "entry")) {
            in_entry_ = true;
            entry_ = {};
            return;
        }
        target_ = nullptr;
        if (in_entry_ && depth_ == 3) {
            if (is(name, youtube, "videoId")) {
                target_ = &entry_.video_id;
            } else if (is(name, atom, "title")) {
                target_ = &entry_.title;
            } else if (is(name, atom, "published")) {
                target_ = &entry_.published;
            } else if (is(name, atom, "link")) {
                link(attributes);
            }
        } else if (in_entry_ && depth_ == 4 && is(name, media, "description")) {
            target_ = &entry_.description;
        } else if (!in_entry_ && depth_ == 2 && is(name, atom, "title")) {
            target_ = &feed_.title;
        }
    }

    void end(std::string_view name) {
        if (depth_ == 2 && in_entry_ && is(name, atom, "entry")) {
            in_entry_ = false;
            finish_entry();
        }
        target_ = nullptr;
        --depth_;
    }

    void text(std::string_view s) {
        if (target_ != nullptr && target_->size() < max_feed_text) {
            target_->append(s.substr(0, max_feed_text - target_->size()));
        }
    }

    [[nodiscard]] const std::string& root() const { return root_; }
    Feed take() && { return std::move(feed_); }

  private:
    void link(const XML_Char** attributes) {
        std::string_view rel;
        std::string_view href;
        for (const XML_Char** a = attributes; a[0] != nullptr && a[1] != nullptr; a += 2) {
            const std::string_view key = a[0];
            if (key == "rel") {
                rel = a[1];
            } else if (key == "href") {
                href = a[1];
            }
        }
        if (rel == "alternate" && entry_.url.empty()) {
            entry_.url = std::string(href.substr(0, max_feed_text));
        }
    }

    void finish_entry() {
        if (feed_.videos.size() >= max_feed_entries || !valid_video_id(entry_.video_id)) {
            ++feed_.skipped;
            return;
        }
        // The link the catalogue keeps is the canonical one, whatever the feed's alternate says.
        entry_.url = "https://www.youtube.com/watch?v=" + entry_.video_id;
        feed_.videos.push_back(std::move(entry_));
    }

    std::size_t depth_ = 0;
    std::string root_;
    bool in_entry_ = false;
    FeedVideo entry_;
    std::string* target_ = nullptr;
    Feed feed_;
};

struct ParserDeleter {
    void operator()(XML_Parser p) const { XML_ParserFree(p); }
};

} // namespace

std::expected<Feed, std::string> parse_youtube_feed(std::string_view xml) {
    const std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreateNS("UTF-8", ' '));
    if (!parser) {
        return std::unexpected(std::string("out of memory"));
    }
    Reader reader;
    std::optional<std::string> doctype; // the name a document type declaration gave the root
    struct State {
        Reader* reader;
        std::optional<std::string>* doctype;
        XML_Parser parser;
    } state{&reader, &doctype, parser.get()};
    XML_SetUserData(parser.get(), &state);
    XML_SetElementHandler(
        parser.get(),
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
            static_cast<State*>(data)->reader->start(name, attributes);
        },
        [](void* data, const XML_Char* name) { static_cast<State*>(data)->reader->end(name); });
    XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* s, int len) {
        static_cast<State*>(data)->reader->text(std::string_view(s, static_cast<std::size_t>(len)));
    });
    // A feed has no document type: refusing one refuses every entity definition with it.
    XML_SetStartDoctypeDeclHandler(parser.get(), [](void* data, const XML_Char* name, const XML_Char*,
                                                    const XML_Char*, int) {
        auto* s = static_cast<State*>(data);
        *s->doctype = std::string(std::string_view(name).substr(0, 100));
        XML_StopParser(s->parser, XML_FALSE);
    });

    // expat takes int lengths: feed it in pieces.
    constexpr std::size_t piece = 1 << 20;
    XML_Status status = XML_STATUS_OK;
    for (std::size_t at = 0; status == XML_STATUS_OK;) {
        const std::size_t n = std::min(piece, xml.size() - at);
        const bool last = at + n == xml.size();
        status = XML_Parse(parser.get(), xml.data() + at, static_cast<int>(n), last ? XML_TRUE : XML_FALSE);
        at += n;
        if (last) {
            break;
        }
    }
    if (doctype) {
        if (*doctype != "feed") {
            return std::unexpected(fmt::format("not an Atom feed (it is a '{}' document)", *doctype));
        }
        return std::unexpected(std::string("the feed declares a document type, which a YouTube feed never does"));
    }
    if (status != XML_STATUS_OK) {
        return std::unexpected(fmt::format("not XML: {} at line {}, column {}",
                                           XML_ErrorString(XML_GetErrorCode(parser.get())),
                                           XML_GetCurrentLineNumber(parser.get()),
                                           XML_GetCurrentColumnNumber(parser.get()) + 1));
    }
    if (!is(reader.root(), atom, "feed")) {
        const std::size_t space = reader.root().rfind(' ');
        return std::unexpected(fmt::format("not an Atom feed (its root element is '{}')",
                                           space == std::string::npos ? reader.root()
                                                                      : reader.root().substr(space + 1)));
    }
    return std::move(reader).take();
}

} // namespace wtool::recordings

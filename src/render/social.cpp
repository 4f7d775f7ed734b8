#include "render/social.hpp"

#include "support/text.hpp"

#include <algorithm>

namespace wtool::social {

namespace {
bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
} // namespace

std::size_t post_length(std::string_view post) {
    while (!post.empty() && (post.back() == '\n' || post.back() == '\r')) {
        post.remove_suffix(1);
    }
    std::size_t total = 0;
    std::size_t i = 0;
    while (i < post.size()) {
        if (is_blank(post[i])) {
            ++total;
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < post.size() && !is_blank(post[end])) {
            ++end;
        }
        const std::string_view word = post.substr(i, end - i);
        const std::size_t length = text::count_code_points(word);
        // A link may follow an opening bracket or quote: "(https://...".
        const std::size_t scheme = word.find("http");
        const bool link = scheme != std::string_view::npos &&
                          (word.substr(scheme).starts_with("http://") || word.substr(scheme).starts_with("https://"));
        total += link ? std::max(length, text::count_code_points(word.substr(0, scheme)) + min_link_length) : length;
        i = end;
    }
    return total;
}

} // namespace wtool::social

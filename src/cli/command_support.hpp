// Helpers every command shares: loading a catalogue that is good enough to work from.
#pragma once

#include "catalogue/catalogue.hpp"
#include "cli/context.hpp"

#include <expected>
#include <filesystem>
#include <string>
#include <utility>

namespace wtool {

// Loads the catalogue at ctx.catalogue and runs all validation rules. If it cannot be read or
// has errors, prints them to ctx.err and throws CommandError (exit 2) telling the user to run
// `wtool validate`. Warnings are not printed: `validate` is where they are reported.
Catalogue load_usable_catalogue(const Context& ctx);

// The error for a catalogue that cannot be read, from the loader's `message`. When the user did
// not name a catalogue and wtool's guess does not exist, it says where wtool looked and how to
// name one (--catalogue, $WTOOL_CATALOGUE) or create one (wtool init).
CommandError unreadable_catalogue_error(const Context& ctx, const std::string& message);

// Removes the temporary files that interrupted runs left next to `file` (atomic_file.hpp:
// remove_stale_temporary_files) and says so on ctx.err unless quiet. Call it holding the file's
// lock.
void remove_stale_temporary_files(const Context& ctx, const std::filesystem::path& file);

// The value of `result`; its message as a CommandError (exit 2) when it failed. For library
// functions that return a message when they cannot do their work.
template <class T> T value_or_fail(std::expected<T, std::string> result) {
    if (!result) {
        throw CommandError(std::move(result.error()));
    }
    return std::move(*result);
}

} // namespace wtool

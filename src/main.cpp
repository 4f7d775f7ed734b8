// wtool's entry point: everything happens in the library (app.cpp).
#include "app.hpp"

#ifdef WTOOL_MIMALLOC
#include <mimalloc.h>

#include <string_view>

namespace {

// mimalloc serves the process's memory from 2 MiB pages (transparent huge pages where the kernel
// allows them): validating 1,000 talks takes about a third less CPU time, and the kernel takes
// about a third as many page faults (docs/performance.md, "2 MiB pages"). mimalloc reads its options when it
// starts, before main() and before any library's initialiser, so the option is set from the
// program's pre-initialisation array, which the C library runs first of all; it passes the
// environment as the third argument (getenv does not work yet). MIMALLOC_LARGE_OS_PAGES in the
// environment, any value, leaves the choice to the user.
void prefer_large_pages(int /*argc*/, char** /*argv*/, char** envp) {
    constexpr std::string_view name = "MIMALLOC_LARGE_OS_PAGES=";
    for (char** e = envp; e != nullptr && *e != nullptr; ++e) {
        if (std::string_view(*e).starts_with(name)) {
            return;
        }
    }
    mi_option_set(mi_option_large_os_pages, 1);
}

[[gnu::section(".preinit_array"), gnu::used]] constexpr void (*preinit_large_pages)(int, char**, char**) =
    prefer_large_pages;

} // namespace
#endif

int main(int argc, char** argv) {
    return wtool::run_app(argc, argv, wtool::process_environment());
}

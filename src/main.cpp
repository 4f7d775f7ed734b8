// wtool's entry point: everything happens in the library (app.cpp).
#include "app.hpp"
#include "support/source_text.hpp"

int main(int argc, char** argv) {
    wtool::install_mapped_file_guard();
    return wtool::run_app(argc, argv, wtool::process_environment());
}

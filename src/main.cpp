// wtool's entry point: everything happens in the library (app.cpp).
#include "app.hpp"

int main(int argc, char** argv) {
    return wtool::run_app(argc, argv, wtool::process_environment());
}

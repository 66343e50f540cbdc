// The Report as text for a person at a terminal: the values to paste, then what to fix.
#pragma once

#include <string>

#include "report/report.hpp"

namespace sso {

// show_canonical: print the canonical bytes of a signature whose digest fails (--show-c14n).
std::string report_text(const Report& report, bool show_canonical = false);

}  // namespace sso

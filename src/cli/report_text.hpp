// The Report as text for a person at a terminal: the values to paste, then what to fix.
#pragma once

#include <string>

#include "report/report.hpp"

namespace sso {

std::string report_text(const Report& report);

}  // namespace sso

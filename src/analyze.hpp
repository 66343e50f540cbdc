// The one entry: what was pasted, and what the admin told us, in; the Report out.
#pragma once

#include <string_view>

#include "options.hpp"
#include "report/report.hpp"

namespace sso {

Report analyze(std::string_view input, const Options& options);

}  // namespace sso

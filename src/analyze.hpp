// The one entry: what was pasted, and what the admin told us, in; the Report out.
#pragma once

#include <cstddef>
#include <string_view>

#include "options.hpp"
#include "report/report.hpp"

namespace sso {

Report analyze(std::string_view input, const Options& options);
// The same, reading `input` in place: its bytes are changed (XML is parsed in them). For callers
// that own a buffer they no longer need, such as the CLI and the wasm module: no copy is made.
Report analyze_in_place(char* input, std::size_t size, const Options& options);

}  // namespace sso

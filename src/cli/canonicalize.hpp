// --canonicalize: a file's canonical form, for the differential test against lxml (tests/
// differential/c14n_lxml.py). Diagnostic only: analyze() never prints canonical bytes so.
#pragma once

#include <string>

#include "cli/cli_options.hpp"

namespace sso::cli {

// The canonical bytes in `out`, or false with `error` set.
bool canonicalize_file(const CommandLine& cl, std::string& text, std::string& out, std::string& error);

}  // namespace sso::cli

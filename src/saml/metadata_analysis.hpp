// SAML metadata pasted: every entity listed, one IdP chosen and read into the Report, with the
// findings about the metadata itself.
#pragma once

#include <cstddef>
#include <cstdint>

#include "options.hpp"
#include "report/report.hpp"

namespace sso {

// Parses the text in place (its bytes are changed).
void analyze_metadata(char* text, std::size_t size, const Options& options, int64_t now, Report& report);

}  // namespace sso

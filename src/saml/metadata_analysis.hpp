// SAML metadata pasted: every entity listed, one IdP chosen and read into the Report, with the
// findings about the metadata itself.
#pragma once

#include <cstddef>
#include <cstdint>

#include "options.hpp"
#include "report/report.hpp"

namespace sso {

// Parses the text in place (its bytes are changed).
// The IdP read is options.entity's; else `preferred` when the document lists it (the issuer of a
// response being checked); else the first.
void analyze_metadata(char* text, std::size_t size, const Options& options, int64_t now, Report& report,
                      const std::string& preferred = "");

}  // namespace sso

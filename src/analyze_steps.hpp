// The steps analyze() takes for each kind of input; each adds to the Report it is given.
#pragma once

#include <cstdint>
#include <string_view>

#include "input/input_kind.hpp"
#include "options.hpp"
#include "report/report.hpp"

namespace sso {

// Parses the text in place (its bytes are changed).
void analyze_metadata(char* text, std::size_t size, const Options& options, int64_t now, Report& report);
void analyze_certificates(const PreparedInput& input, int64_t now, Report& report);
// A certificate the admin has (options.certificate) compared with the metadata's.
void check_given_certificate(std::string_view text, const IdentityProvider& idp, int64_t now, Report& report);

}  // namespace sso

// A SAML response pasted: the responses of an export listed, the picked one read and its
// signatures verified with what the admin trusts (the IdP's metadata, a certificate), the
// metadata read into the Report too (its values are what Twilio should have).
#pragma once

#include <cstdint>
#include <string>

#include "input/response_input.hpp"
#include "options.hpp"
#include "report/report.hpp"
#include "saml/response.hpp"

namespace sso {

struct ResponseAnalysis {
  ResponseRead read;
  std::string expectedIssuer;  // what Twilio compares the Issuer with, where known
  std::string issuerSource;    // where that comes from, for the messages
};

// False (with a finding) when no response could be read.
bool analyze_response(ResponseInput& input, const Options& options, int64_t now, Report& report,
                      ResponseAnalysis& analysis);

}  // namespace sso

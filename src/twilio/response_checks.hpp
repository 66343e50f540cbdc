// Why Twilio would reject a SAML response, all reasons at once, each saying what it was compared
// with and what to change in the identity provider: signatures, status, issuer, audience,
// recipient, destination, times (with the clock skew allowed), session, attributes, NameID.
#pragma once

#include <cstdint>

#include "options.hpp"
#include "report/report.hpp"
#include "saml/response.hpp"

namespace sso {

// The clock skew allowed either way: the SAML toolkits allow 180–300 s and Twilio publishes
// none, so the stricter end is taken; a response outside it would fail at some service providers.
constexpr int64_t kClockSkewSeconds = 180;

// Adds the findings and sets report.response->verdict. `expectedIssuer` is the issuer Twilio is
// configured with (the option), else the metadata's entityID; empty when neither is known.
void check_response(const Options& options, const ResponseRead& read, const std::string& expectedIssuer,
                    const std::string& issuerSource, int64_t now, Report& report);

// The verdict the page shows first, from the finished findings: how many reasons Twilio has to
// reject the login, or that it has none that can be seen (and whether the signatures were checked).
void set_response_verdict(bool signaturesChecked, Report& report);

}  // namespace sso

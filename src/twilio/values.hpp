// The one room where the values of Twilio's Single Sign-On form are decided, field by field,
// from what was read (metadata, certificates) and what the admin typed (Options). Findings made
// here explain a choice (which certificate, which endpoint); checks of the values come after,
// on the finished Report.
//
// Precedence, per field:
//   friendlyName            the option; the entity's display name; the vendor's name; the
//                           entityID's host; the entityID
//   x509Certificate         the metadata's signing certificate valid now (the first such), else
//                           the one that expires last; for pasted certificates the first that is
//                           not a CA
//   identityProviderIssuer  the metadata's entityID; the option (the option is checked against
//                           the metadata, never preferred to it)
//   singleSignOnUrl         the metadata's HTTP-Redirect endpoint, else its HTTP-POST one; the option
//   defaultRedirectUrl      the option
//   trustedDomains          the options, each as Twilio compares it (the typed text where unusable)
#pragma once

#include <cstdint>

#include "options.hpp"
#include "report/report.hpp"

namespace sso {

void assemble_twilio_values(const Options& options, int64_t now, Report& report);

}  // namespace sso

// The steps on the identity provider's side, in that IdP's own words: where Twilio's ACS URL and
// entity ID go, how to send what the product needs, and how to sign. Generic steps where the
// vendor is not recognised or a label could not be confirmed in its documentation.
#pragma once

#include <optional>

#include "options.hpp"
#include "report/report.hpp"

namespace sso {

// Needs report.idp (for the vendor) and report.serviceProvider (for the values) when known.
std::optional<IdpSetup> idp_setup(const Options& options, const Report& report);

}  // namespace sso

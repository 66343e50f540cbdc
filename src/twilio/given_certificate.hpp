// The certificate the admin already has (in Twilio, or from the IdP's settings page), compared
// with the metadata's: the signing one, the encryption one, or not published at all.
#pragma once

#include <cstdint>

#include "report/report.hpp"

namespace sso {

// report.certificates holds what the admin gave; report.idp the metadata's.
void check_given_certificate(const Report& report, int64_t now, Findings& findings);

}  // namespace sso

// IDENTITY PROVIDER ISSUER: Twilio compares it, exactly, with the Issuer of every SAML response
// (error 70004 otherwise). Checked whether it comes from the metadata or was typed.
#pragma once

#include "options.hpp"
#include "report/report.hpp"

namespace sso {

void check_issuer(const Options& options, const Report& report, Findings& findings);

}  // namespace sso

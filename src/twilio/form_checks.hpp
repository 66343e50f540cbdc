// The text fields of Twilio's form checked as Twilio and browsers would: single sign-on URL,
// default redirect URL, trusted domains and issuer (../shared/TWILIO.md has the rules).
#pragma once

#include "options.hpp"
#include "report/report.hpp"

namespace sso {

// Adds findings about report.twilio's values (and fills in the ones only the options give).
void check_form(const Options& options, Report& report);

}  // namespace sso

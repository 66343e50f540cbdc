// The text fields of Twilio's form checked as Twilio and browsers would: single sign-on URL,
// default redirect URL, trusted domains and issuer (../shared/TWILIO.md has the rules).
#pragma once

#include "options.hpp"
#include "report/report.hpp"

namespace sso {

// Findings about the finished Report's Twilio values and the values the admin typed.
void check_form(const Options& options, const Report& report, Findings& findings);

}  // namespace sso

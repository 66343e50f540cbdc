// The form's two URL fields: SINGLE SIGN-ON URL (the IdP's login endpoint, where Twilio sends
// its request) and DEFAULT REDIRECT URL (where Twilio sends users after an IdP-initiated login).
#pragma once

#include <optional>

#include "options.hpp"
#include "report/report.hpp"
#include "url/url.hpp"

namespace sso {

void check_sso_url(const Options& options, const Report& report, Findings& findings);
// The redirect URL as read, when it is one (trusted domains are checked against it).
std::optional<Url> check_redirect_url(const Options& options, const Report& report, Findings& findings);

}  // namespace sso

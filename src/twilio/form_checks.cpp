#include "twilio/form_checks.hpp"

#include "twilio/issuer_checks.hpp"
#include "twilio/trusted_domains.hpp"
#include "twilio/url_checks.hpp"

namespace sso {

void check_form(const Options& options, const Report& report, Findings& findings) {
  check_sso_url(options, report, findings);
  const std::optional<Url> redirect = check_redirect_url(options, report, findings);
  check_trusted_domains(options, redirect, findings);
  check_issuer(options, report, findings);
}

}  // namespace sso

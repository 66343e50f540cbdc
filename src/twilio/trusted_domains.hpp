// One TRUSTED DOMAINS entry read as Twilio compares it: a host name (a leading "*." marks a
// wildcard), or a URL such as http://localhost:3000 for local development.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "options.hpp"
#include "report/findings.hpp"
#include "url/url.hpp"

namespace sso {

struct TrustedEntry {
  std::string compared;  // as Twilio compares it: "example.com", "*.example.com", "https://host:8443/flex"
  Host host;             // its host (ascii: IDNA, lower case)
  bool wildcard = false;
  std::optional<Url> url;  // set for a URL entry
  std::string refusal;     // set when the entry is not usable: why
};

TrustedEntry read_trusted_entry(std::string_view raw);

// Findings about every entry of options.trustedDomains: unusable, wildcards (by the product's
// rule), public suffixes, plain http, blocked ports, duplicates, and the redirect URL's domain.
void check_trusted_domains(const Options& options, const std::optional<Url>& redirect, Findings& findings);

}  // namespace sso

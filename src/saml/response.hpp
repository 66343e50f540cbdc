// A SAML 2.0 Response read for the admin whose login failed: its status, issuer, destination,
// every signature on the Response or its Assertion verified (src/xml/signature.hpp), and the
// assertion's values read only from the element a verified signature covers. What makes a
// response structurally suspect (several assertions, duplicate IDs, a signature elsewhere) is
// reported as signature.wrapping.
#pragma once

#include <cstdint>
#include <vector>

#include "report/report.hpp"
#include "xml/signature.hpp"

namespace sso {

// Why a signature is what it is, for the checks that word the findings.
struct SignatureOutcome {
  SignatureCheck check;
  std::string element;  // "response" | "assertion"
};

struct ResponseRead {
  std::vector<SignatureOutcome> signatures;
  std::vector<std::string> wrapping;  // each structural problem, in plain words
  bool commentInNameId = false;       // a comment or markup cuts the NameID's text
  bool attributesCapped = false;      // more attributes than limits::kMaxAttributes; the rest not read
  bool trusted = false;               // trusted certificates were given
};

// Parses `xml` in place and fills report.response; false (with a finding) when it is not a SAML
// 2.0 Response that can be read.
bool read_response(char* xml, std::size_t size, const std::vector<TrustedCertificate>& trusted, int64_t now,
                   Report& report, ResponseRead& read);

}  // namespace sso

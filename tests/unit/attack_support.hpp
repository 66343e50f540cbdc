// What the attack tests share: the signed fixtures (xmlsec1, fresh keys), edited the way an
// attacker would, and the verdict read back.
#pragma once

#include <string>

#include "test_support.hpp"

namespace attack {

inline std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const std::size_t at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// The text between the first `open` and the end of its `close` (an element, whole).
inline std::string element(const std::string& xml, const std::string& open, const std::string& close) {
  const std::size_t from = xml.find(open), to = xml.find(close, from);
  return from == std::string::npos || to == std::string::npos ? "" : xml.substr(from, to + close.size() - from);
}

inline std::string assertion_of(const std::string& xml) { return element(xml, "<saml:Assertion", "</saml:Assertion>"); }
inline std::string signature_of(const std::string& xml) { return element(xml, "<ds:Signature", "</ds:Signature>"); }

// The Report with the fixture key trusted (and Twilio's Flex connection, for the SP checks).
inline sso::Report verify(const std::string& xml, const std::string& cert = "responses/certs/main.pem") {
  sso::Options o;
  o.certificate = test::fixture(cert);
  o.connectionId = "JQ0123456789abcdef0123456789abcdef";
  return sso::analyze(xml, o);
}

inline bool any_verified(const sso::Report& r) {
  if (!r.response) return false;
  for (const sso::ResponseSignature& s : r.response->signatures)
    if (s.verified == true) return true;
  return false;
}

// Nothing the attacker placed is presented as signed.
inline bool nothing_signed(const sso::Report& r) {
  return !r.response || !r.response->assertion || !r.response->assertion->signedByVerified;
}

}  // namespace attack

// The KeyInfo certificate is never trusted: it is compared with the trusted ones and used only
// to tell "signed by another key" (intact) from "changed after signing".
#include <doctest/doctest.h>

#include "attack_support.hpp"

using attack::replace_once;
using attack::verify;

namespace {
std::string body_of(const std::string& pem) {
  const std::size_t start = pem.find('\n') + 1, end = pem.find("-----END");
  return pem.substr(start, end - start);
}
}  // namespace

TEST_CASE("signed by another key, with that key's certificate in KeyInfo: intact, not verified") {
  const sso::Report r = verify(test::fixture("responses/other-key.xml"));
  REQUIRE(r.response);
  for (const sso::ResponseSignature& s : r.response->signatures) {
    CHECK(s.verified == false);
    CHECK(s.intact == true);
    CHECK_FALSE(s.verifiedWithSha256);
  }
  CHECK(test::severity_of(r, "signature.untrusted-key") == "error");
  CHECK(attack::nothing_signed(r));
}

TEST_CASE("signed by another key, with the trusted certificate put in KeyInfo: invalid") {
  const std::string xml = test::fixture("responses/other-key.xml");
  const std::string trusted = body_of(test::fixture("responses/certs/main.pem"));
  std::string swapped = xml;
  for (std::size_t at = 0; (at = swapped.find("<ds:X509Certificate>", at)) != std::string::npos;) {
    const std::size_t end = swapped.find("</ds:X509Certificate>", at);
    swapped.replace(at + 20, end - at - 20, trusted);
    at = swapped.find("</ds:X509Certificate>", at) + 1;
  }
  const sso::Report r = verify(swapped);
  REQUIRE(r.response);
  for (const sso::ResponseSignature& s : r.response->signatures) {
    CHECK(s.verified == false);
    CHECK(s.intact == false);
  }
  CHECK(test::severity_of(r, "signature.invalid") == "error");
}

TEST_CASE("no KeyInfo: intact is null; the trusted certificate alone decides") {
  const std::string xml = test::fixture("responses/assertion-only.xml");
  const std::string keyinfo = attack::element(xml, "<ds:KeyInfo>", "</ds:KeyInfo>");
  const sso::Report r = verify(replace_once(xml, keyinfo, ""));
  REQUIRE(r.response);
  REQUIRE(r.response->signatures.size() == 1);
  CHECK_FALSE(r.response->signatures[0].intact.has_value());
  CHECK(r.response->signatures[0].verified == true);
}

TEST_CASE("the certificate a signature verified with is named") {
  const sso::Report r = verify(test::fixture("responses/rsa-sha256-exc.xml"));
  REQUIRE(r.response);
  REQUIRE_FALSE(r.certificates.empty());
  for (const sso::ResponseSignature& s : r.response->signatures) CHECK(s.verifiedWithSha256 == r.certificates[0].sha256);
}

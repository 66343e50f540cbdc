// Namespace confusion: elements matched by their namespace URI, never by their prefix; a
// signature or an assertion in another namespace is not one.
#include <doctest/doctest.h>

#include "attack_support.hpp"

using attack::replace_once;
using attack::verify;

TEST_CASE("a ds: prefix bound to another namespace is not a signature") {
  const std::string xml = test::fixture("responses/assertion-only.xml");
  const sso::Report r = verify(replace_once(xml, "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"", "xmlns:ds=\"urn:not-dsig\""));
  REQUIRE(r.response);
  CHECK(r.response->signatures.empty());
  CHECK(test::severity_of(r, "response.unsigned") == "error");
}

TEST_CASE("a saml: prefix bound to another namespace: no assertion is read from it") {
  const std::string xml = test::fixture("responses/assertion-only.xml");
  const std::string redeclared = replace_once(xml, "<saml:Assertion ", "<saml:Assertion xmlns:saml=\"urn:evil\" ");
  const sso::Report r = verify(redeclared);
  REQUIRE(r.response);
  CHECK_FALSE(r.response->assertion);
  CHECK_FALSE(attack::any_verified(r));
}

TEST_CASE("the same names under other prefixes are the same elements") {
  // Every prefix renamed: still one assertion, signed (the signature's own bytes are untouched:
  // the assertion's canonical form changes with its prefix, so the digest must fail, not pass).
  const std::string xml = test::fixture("responses/assertion-only.xml");
  std::string renamed = xml;
  for (std::size_t at = 0; (at = renamed.find("saml:", at)) != std::string::npos; at += 6) renamed.replace(at, 5, "asrt:");
  renamed = replace_once(renamed, "xmlns:saml=", "xmlns:asrt=");
  const sso::Report r = verify(renamed);
  REQUIRE(r.response);
  REQUIRE(r.response->assertion);
  CHECK(r.response->assertion->nameId == "ada@fixture-corp.com");
  CHECK(test::has_finding(r, "signature.digest-mismatch"));
}

TEST_CASE("a SAML 1.1 Response is not a SAML 2.0 one") {
  const sso::Report r = verify("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:1.0:protocol\" ResponseID=\"_1\"/>");
  CHECK(test::severity_of(r, "response.not-saml2") == "error");
  CHECK_FALSE(r.response);
}

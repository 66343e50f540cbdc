// Comments where a lax reader stops: in a NameID (CVE-2017-11428: the signed text
// "ada@fixture-corp.com" read as "ada@fixture" by a reader that takes the first text node), in a
// DigestValue or a SignatureValue. Seen, never skipped.
#include <doctest/doctest.h>

#include "attack_support.hpp"

using attack::replace_once;
using attack::verify;

TEST_CASE("a comment inside the NameID: the signature holds, the whole text is read, and it is flagged") {
  const sso::Report r = verify(test::fixture("responses/comment-in-nameid-keeps-digest.xml"));
  REQUIRE(r.response);
  CHECK(attack::any_verified(r));
  CHECK(r.response->assertion->nameId == "ada@fixture-corp.com");
  CHECK(test::severity_of(r, "nameid.comment") == "error");
  // The same with a processing instruction, and with the comment first.
  const std::string xml = test::fixture("responses/assertion-only.xml");
  const sso::Report pi = verify(replace_once(xml, "ada@fixture-corp.com</saml:NameID>", "ada@fixture<?x y?>-corp.com</saml:NameID>"));
  CHECK(test::severity_of(pi, "nameid.comment") == "error");
  CHECK(pi.response->assertion->nameId == "ada@fixture-corp.com");
}

TEST_CASE("a comment inside a DigestValue or a SignatureValue is refused, not skipped") {
  const std::string xml = test::fixture("responses/assertion-only.xml");
  const std::size_t d = xml.find("<ds:DigestValue>") + 16;
  const sso::Report digest = verify(xml.substr(0, d + 4) + "<!---->" + xml.substr(d + 4));
  CHECK(test::message_of(digest, "signature.invalid").find("DigestValue holds a comment") != std::string::npos);
  CHECK_FALSE(attack::any_verified(digest));
  const std::size_t s = xml.find("<ds:SignatureValue>") + 19;
  const sso::Report value = verify(xml.substr(0, s + 4) + "<!---->" + xml.substr(s + 4));
  CHECK(test::message_of(value, "signature.invalid").find("SignatureValue holds a comment") != std::string::npos);
}

TEST_CASE("comments elsewhere in the signed element do not change the digest (XML-DSig drops them)") {
  const std::string xml = test::fixture("responses/assertion-only.xml");
  const sso::Report r = verify(replace_once(xml, "<saml:Subject>", "<!-- a note --><saml:Subject>"));
  CHECK(attack::any_verified(r));
  CHECK_FALSE(test::has_finding(r, "signature.digest-mismatch"));
}

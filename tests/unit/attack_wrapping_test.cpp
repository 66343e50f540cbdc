// Signature wrapping (XSW): the signed element kept somewhere for the signature to verify, and a
// forged one placed where a reader looks. The cases of ruby-saml CVE-2024-45409, xml-crypto
// CVE-2024-32962 / CVE-2025-29774 / 29775 and samlify CVE-2025-47949 have these shapes.
#include <doctest/doctest.h>

#include "attack_support.hpp"

using attack::assertion_of;
using attack::replace_once;
using attack::signature_of;
using attack::verify;

namespace {
// A response whose assertion alone is signed (the usual target), and a forged copy of it.
struct Target {
  std::string xml = test::fixture("responses/assertion-only.xml");
  std::string original = assertion_of(xml);
  std::string forged = replace_once(replace_once(original, signature_of(original), ""), "ada@fixture-corp.com",
                                    "mallory@fixture-corp.com");
};

void check_refused(const sso::Report& r) {
  CHECK(test::severity_of(r, "signature.wrapping") == "error");
  CHECK(attack::nothing_signed(r));
  CHECK(r.response->verdict.rfind("Twilio will reject", 0) == 0);
}
}  // namespace

TEST_CASE("the untouched target verifies (so each refusal below is the attack's doing)") {
  const Target t;
  REQUIRE_FALSE(t.original.empty());
  const sso::Report r = verify(t.xml);
  CHECK(attack::any_verified(r));
  CHECK(r.response->assertion->signedByVerified);
  CHECK_FALSE(test::has_finding(r, "signature.wrapping"));
}

TEST_CASE("XSW: a forged assertion before the signed one") {
  const Target t;
  check_refused(verify(replace_once(t.xml, t.original, t.forged + t.original)));
}

TEST_CASE("XSW: a forged assertion after the signed one") {
  const Target t;
  check_refused(verify(replace_once(t.xml, t.original, t.original + t.forged)));
}

TEST_CASE("XSW: the signed assertion hidden in Extensions, StatusDetail, Advice or an Object") {
  const Target t;
  const std::string forged = replace_once(t.forged, "ID=\"", "ID=\"_forged");
  for (const auto& wrapper : {std::pair{"<samlp:Extensions>", "</samlp:Extensions>"},
                              std::pair{"<samlp:StatusDetail>", "</samlp:StatusDetail>"},
                              std::pair{"<saml:Advice>", "</saml:Advice>"},
                              std::pair{"<ds:Object xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">", "</ds:Object>"}}) {
    const char* const open = wrapper.first;  // not a structured binding: CAPTURE takes it in a lambda
    CAPTURE(open);
    const std::string hidden = std::string(open) + t.original + wrapper.second;
    check_refused(verify(replace_once(t.xml, t.original, hidden + forged)));
  }
}

TEST_CASE("XSW: the signature moved onto the forged assertion, its Reference still to the original") {
  const Target t;
  const std::string carrier = replace_once(replace_once(t.forged, "ID=\"", "ID=\"_forged"), "</saml:Issuer>",
                                           "</saml:Issuer>" + signature_of(t.original));
  const sso::Report r = verify(replace_once(t.xml, t.original, carrier + "<samlp:Extensions>" + t.original + "</samlp:Extensions>"));
  check_refused(r);
  bool named = false;
  for (const sso::Finding& f : r.findings.all())
    named |= f.code == "signature.wrapping" && f.message.find("not to the element that holds the Signature") != std::string::npos;
  CHECK(named);
}

TEST_CASE("duplicate IDs: a forged element carrying the signed one's ID") {
  const Target t;
  check_refused(verify(replace_once(t.xml, t.original, t.forged + t.original)));
  // The same ID on any other element is enough.
  const std::string id = t.original.substr(t.original.find("ID=\"") + 4, t.original.find('"', t.original.find("ID=\"") + 4) - t.original.find("ID=\"") - 4);
  check_refused(verify(replace_once(t.xml, "<samlp:Status>", "<samlp:Status ID=\"" + id + "\">")));
}

TEST_CASE("a Reference list that is not exactly one, to the parent") {
  const Target t;
  const std::string reference = attack::element(t.original, "<ds:Reference", "</ds:Reference>");
  check_refused(verify(replace_once(t.xml, reference, reference + reference)));
  // An empty URI (the whole document) on the assertion's signature, which is not the root's.
  const std::string uri = reference.substr(reference.find("URI=\""), reference.find('"', reference.find("URI=\"") + 5) - reference.find("URI=\"") + 1);
  check_refused(verify(replace_once(t.xml, uri, "URI=\"\"")));
  // A Reference to an ID no element has.
  check_refused(verify(replace_once(t.xml, uri, "URI=\"#_nowhere\"")));
}

TEST_CASE("the Response's signature pointing at the Assertion") {
  const std::string both = test::fixture("responses/rsa-sha256-exc.xml");
  const std::string response_id = both.substr(both.find("ID=\"") + 4, both.find('"', both.find("ID=\"") + 4) - both.find("ID=\"") - 4);
  const std::string assertion = assertion_of(both);
  const std::string assertion_id = assertion.substr(assertion.find("ID=\"") + 4, assertion.find('"', assertion.find("ID=\"") + 4) - assertion.find("ID=\"") - 4);
  const sso::Report r = verify(replace_once(both, "URI=\"#" + response_id + "\"", "URI=\"#" + assertion_id + "\""));
  CHECK(test::severity_of(r, "signature.wrapping") == "error");
  REQUIRE(r.response);
  CHECK(r.response->signatures[0].verified == false);
}

// Responses signed by xmlsec1 at test time (tests/fixtures/responses.mjs), and variants tampered
// after signing: our verdict on every signature equals xmlsec1's, and each case brings the
// findings it must (and none it must not). Wrapping cases are where we refuse by design what
// xmlsec1 verifies cryptographically (a signature whose Reference does not point to its parent).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace {
using Json = nlohmann::json;

const sso::ResponseSignature* signature_on(const sso::Report& r, const std::string& element) {
  if (!r.response) return nullptr;
  for (const sso::ResponseSignature& s : r.response->signatures)
    if (s.element == element) return &s;
  return nullptr;
}
}  // namespace

TEST_CASE("signed responses: our verdicts are xmlsec1's, and each case's findings come") {
  const std::string text = test::fixture("manifest.json");
  REQUIRE_MESSAGE(!text.empty(), "fixtures missing: ./build.sh test generates them");
  const Json manifest = Json::parse(text);
  std::size_t agreed = 0, wrapping = 0;
  for (const Json& c : manifest["responses"]) {
    const std::string file = c["file"];
    CAPTURE(file);
    sso::Options o;
    o.certificate = test::fixture(c["certificate"].get<std::string>());
    o.connectionId = "JQ0123456789abcdef0123456789abcdef";
    const sso::Report r = sso::analyze(test::fixture(file), o);
    REQUIRE(r.kind == sso::InputKind::Response);
    REQUIRE(r.response);
    bool is_wrapping = false;
    for (const Json& code : c.value("present", Json::array())) {
      CHECK_MESSAGE(test::has_finding(r, code.get<std::string>()), code);
      is_wrapping |= code == "signature.wrapping";
    }
    for (const Json& code : c.value("absent", Json::array())) CHECK_MESSAGE(!test::has_finding(r, code.get<std::string>()), code);
    const Json signatures = c.value("signatures", Json::object());
    for (const auto& item : signatures.items()) {  // items: doctest's messages take names in a lambda
      const sso::ResponseSignature* s = signature_on(r, item.key());
      REQUIRE_MESSAGE(s, item.key());
      CHECK(s->verified == item.value().get<bool>());
    }
    if (is_wrapping) {
      ++wrapping;
      // Nothing read from a wrapped response is taken as signed.
      if (r.response->assertion) CHECK_FALSE(r.response->assertion->signedByVerified);
    } else {
      for (const auto& item : c["xmlsec"].items()) {
        const sso::ResponseSignature* s = signature_on(r, item.key());
        REQUIRE(s);
        CHECK_MESSAGE(s->verified == item.value().get<bool>(), "xmlsec1 says " << item.value() << " for the " << item.key());
      }
      ++agreed;
    }
    if (c.contains("nameId")) CHECK(r.response->assertion->nameId == c["nameId"].get<std::string>());
    if (c.contains("nameIdNot") && r.response->assertion)
      CHECK(r.response->assertion->nameId != c["nameIdNot"].get<std::string>());
  }
  MESSAGE("signed responses: " << agreed << " agree with xmlsec1, " << wrapping << " refused as wrapping");
  CHECK(agreed >= 14);
  CHECK(wrapping >= 4);
}

TEST_CASE("a digest that fails shows the canonical bytes that were hashed") {
  sso::Options o;
  o.certificate = test::fixture("responses/certs/main.pem");
  const sso::Report r = sso::analyze(test::fixture("responses/nameid-one-character.xml"), o);
  const sso::ResponseSignature* s = signature_on(r, "assertion");
  REQUIRE(s);
  REQUIRE(s->canonical);
  CHECK(s->canonical->rfind("<saml:Assertion xmlns:saml=", 0) == 0);
  CHECK(s->canonical->find("adb@fixture-corp.com") != std::string::npos);
  CHECK(s->canonical->find("<ds:Signature") == std::string::npos);  // the enveloped signature is left out
  const sso::Report good = sso::analyze(test::fixture("responses/rsa-sha256-exc.xml"), o);
  REQUIRE(signature_on(good, "assertion"));
  CHECK_FALSE(signature_on(good, "assertion")->canonical);
}

TEST_CASE("without a trusted certificate: verified is null, intact is computed, and nothing is trusted") {
  const sso::Report r = sso::analyze(test::fixture("responses/other-key.xml"), sso::Options{});
  const sso::ResponseSignature* s = signature_on(r, "response");
  REQUIRE(s);
  CHECK_FALSE(s->verified.has_value());
  CHECK(s->intact == true);
  CHECK_FALSE(s->verifiedWithSha256);
  CHECK(test::severity_of(r, "signature.not-checked") == "info");
  CHECK(r.response->verdict.find("not verified") != std::string::npos);
  CHECK_FALSE(r.response->assertion->signedByVerified);
}

namespace {
// IdP metadata for the fixtures: this entityID, this certificate file as its signing certificate.
std::string fixture_metadata(const std::string& entityId, const std::string& certFile) {
  const std::string cert = test::fixture(certFile);
  const std::size_t start = cert.find('\n') + 1, end = cert.find("-----END");
  const std::string b64 = cert.substr(start, end - start);
  return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + entityId +
         "\"><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
         "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data>"
         "<ds:X509Certificate>" + b64 + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
         "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
         "Location=\"https://idp.fixture-corp.com/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
}
}  // namespace

TEST_CASE("the IdP's metadata is a trust source, and its entityID the expected issuer") {
  sso::Options o;
  o.metadata = fixture_metadata("https://idp.fixture-corp.com/saml2/idp", "responses/certs/main.pem");
  const sso::Report r = sso::analyze(test::fixture("responses/rsa-sha256-exc.xml"), o);
  REQUIRE(r.idp);
  CHECK(r.idp->entityId == "https://idp.fixture-corp.com/saml2/idp");
  REQUIRE(signature_on(r, "response"));
  CHECK(signature_on(r, "response")->verified == true);
  CHECK_FALSE(test::has_finding(r, "response.issuer-mismatch"));
  sso::Options wrong = o;
  wrong.issuer = "https://idp.fixture-corp.com/saml2/idp/";
  const sso::Report entered = sso::analyze(test::fixture("responses/rsa-sha256-exc.xml"), wrong);
  CHECK(test::message_of(entered, "response.issuer-mismatch").find("the issuer configured in Twilio") != std::string::npos);
  CHECK(test::setting_of(entered, "response.issuer-mismatch") == "issuer");
}

// What a finding asks the admin to change is where the value came from: a value from the metadata
// given with the response is not one "you entered".
TEST_CASE("a mismatch with the metadata given names the metadata, not a value entered") {
  const std::string response = test::fixture("responses/rsa-sha256-exc.xml");
  sso::Options o;
  o.metadata = fixture_metadata("https://idp.other-corp.com/saml2/idp", "responses/certs/other.pem");
  const sso::Report r = sso::analyze(response, o);
  REQUIRE(r.idp);
  CHECK(test::message_of(r, "response.issuer-mismatch").find("the metadata's entityID") != std::string::npos);
  CHECK(test::setting_of(r, "response.issuer-mismatch") == "metadata");
  CHECK(test::severity_of(r, "signature.untrusted-key") == "error");
  CHECK(test::setting_of(r, "signature.untrusted-key") == "metadata");
  CHECK(test::message_of(r, "signature.untrusted-key").find("than the metadata's signing certificate(s)") !=
        std::string::npos);

  sso::Options entered = o;  // the certificate Twilio has, entered: it is what to change
  entered.certificate = test::fixture("responses/certs/ec.pem");
  const sso::Report e = sso::analyze(response, entered);
  CHECK(test::setting_of(e, "signature.untrusted-key") == "certificate");
  CHECK(test::message_of(e, "signature.untrusted-key").find("than the certificate(s) you gave") != std::string::npos);
}

// The project's own vendor-shaped fixtures (tests/fixtures/generate.mjs, fresh keys every run)
// against the values the generator wrote down: entity, SSO URL, vendor, friendly name,
// certificates, and each vendor's quirk.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace {
using Json = nlohmann::json;

Json manifest() {
  const std::string text = test::fixture("manifest.json");
  REQUIRE_MESSAGE(!text.empty(), "fixtures missing: ./build.sh test generates them");
  return Json::parse(text);
}

sso::Options now_options() {
  sso::Options o;  // the fixtures' validity is relative to the day they are made
  return o;
}
}  // namespace

TEST_CASE("every vendor fixture gives its values, vendor and certificates") {
  const Json m = manifest();
  std::size_t checked = 0;
  for (const Json& f : m["metadata"]) {
    const std::string file = f["file"];
    CAPTURE(file);
    const sso::Report r = sso::analyze(test::fixture(file), now_options());
    if (f.value("noIdp", false)) {
      CHECK_FALSE(r.idp);
      CHECK(test::has_finding(r, "metadata.no-saml2-idp"));
      ++checked;
      continue;
    }
    REQUIRE(r.idp);
    CHECK(r.idp->entityId == f["entityId"].get<std::string>());
    CHECK(r.twilio.identityProviderIssuer == f["entityId"].get<std::string>());
    CHECK(r.twilio.singleSignOnUrl == f["ssoUrl"].get<std::string>());
    if (f["vendor"].is_null()) {
      CHECK_FALSE(r.idp->vendor);
    } else {
      CHECK(r.idp->vendor == f["vendor"].get<std::string>());
    }
    if (f.contains("friendlyName")) CHECK(r.twilio.friendlyName == f["friendlyName"].get<std::string>());
    const std::vector<std::string> signing = f["signing"];
    REQUIRE(r.idp->signingCertificates.size() == signing.size());
    for (std::size_t i = 0; i < signing.size(); ++i) CHECK(r.idp->signingCertificates[i].sha256 == signing[i]);
    const std::size_t for_twilio = f.value("forTwilio", 0);
    CHECK(r.idp->signingCertificates[for_twilio].forTwilio);
    CHECK(r.twilio.x509Certificate == r.idp->signingCertificates[for_twilio].pem);
    if (f.contains("encryption")) {
      REQUIRE(r.idp->encryptionCertificates.size() == 1);
      CHECK(r.idp->encryptionCertificates[0].sha256 == f["encryption"][0].get<std::string>());
    }
    CHECK(test::has_finding(r, "cert.rollover") == f.value("rollover", false));
    CHECK(test::has_finding(r, "cert.weak-signature") == f.value("weakSignature", false));
    CHECK(test::has_finding(r, "issuer.placeholder") == f.value("placeholder", false));
    REQUIRE(r.idpSetup);
    CHECK(r.idpSetup->vendor == r.idp->vendor);
    ++checked;
  }
  MESSAGE("vendor fixtures checked: " << checked);
  CHECK(checked >= 19);
}

TEST_CASE("a certificate signed with an algorithm no one knows is still described, as OpenSSL does") {
  const Json m = manifest();
  for (const Json& c : m["certificates"]) {
    const std::string file = c["file"];
    CAPTURE(file);
    const sso::Report r = sso::analyze(test::fixture(file), now_options());
    REQUIRE(r.certificates.size() == 1);
    const sso::Certificate& cert = r.certificates[0];
    REQUIRE_FALSE(cert.error);
    CHECK(cert.subject == c["subject"].get<std::string>());
    CHECK(cert.issuer == c["issuer"].get<std::string>());
    CHECK(cert.serial == c["serial"].get<std::string>());
    CHECK(cert.sha256 == c["sha256"].get<std::string>());
    CHECK(cert.sha1 == c["sha1"].get<std::string>());
    CHECK(cert.signatureAlgorithm == c["signatureAlgorithm"].get<std::string>());
    CHECK(cert.keyType == "RSA");
    CHECK(cert.keyBits == 2048);
    CHECK(cert.forTwilio);
    const bool unknown = c["signatureAlgorithm"] == "0.0";
    CHECK(test::severity_of(r, "cert.unknown-signature-algorithm") == (unknown ? "warning" : "none"));
    if (unknown) CHECK(test::message_of(r, "cert.unknown-signature-algorithm").find("OID 0.0") != std::string::npos);
    CHECK_FALSE(r.findings.has_error());
  }
}

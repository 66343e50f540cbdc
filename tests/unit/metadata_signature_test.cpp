// Signed metadata made at test time (tests/fixtures/signed_metadata.mjs, signed by xmlsec1 with
// fresh keys): our verdict on the document element's signature equals xmlsec1's, trusting the same
// certificate, but where a case is named below; each case brings its findings; without a trusted
// certificate nothing is ever "verified", only intact.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace {
using Json = nlohmann::json;

// Where we refuse by design what xmlsec1 verifies: its verdict, ours, and who is right.
const std::map<std::string, std::string> kDisagreements = {
    {"signed-metadata/aggregate-reference-to-an-entity.xml",
     "ours: the document element's signature names one entity (#_entity3), so it vouches for that entity only; "
     "xmlsec1 checks what the Reference names, we refuse it as wrapping (nothing else in the file is signed)"},
};

Json manifest() {
  const std::string text = test::fixture("manifest.json");
  REQUIRE_MESSAGE(!text.empty(), "fixtures missing: ./build.sh test generates them");
  return Json::parse(text);
}

std::optional<bool> optional_bool(const Json& j) { return j.is_null() ? std::nullopt : std::optional<bool>(j.get<bool>()); }
}  // namespace

TEST_CASE("signed metadata: our verdicts are xmlsec1's, and each case's findings come") {
  std::size_t agreed = 0, named = 0;
  const Json all = manifest();
  for (const Json& c : all["signedMetadata"]) {
    const std::string file = c["file"];
    CAPTURE(file);
    sso::Options o;
    o.signer = test::fixture(c["signer"].get<std::string>());
    const sso::Report r = sso::analyze(test::fixture(file), o);
    REQUIRE(r.metadataSignature);
    CHECK(r.metadataSignature->verified == optional_bool(c["verified"]));
    CHECK(r.metadataSignature->intact == optional_bool(c["intact"]));
    for (const Json& code : c["present"]) CHECK_MESSAGE(test::has_finding(r, code.get<std::string>()), code);
    // The values are read whatever the signature says (Twilio does not read it).
    REQUIRE(r.idp);
    CHECK(!r.twilio.identityProviderIssuer->empty());
    const bool ours = r.metadataSignature->verified == true;
    if (kDisagreements.count(file)) {
      CHECK(ours != c["xmlsec"].get<bool>());
      ++named;
    } else {
      CHECK(ours == c["xmlsec"].get<bool>());
      ++agreed;
    }
    if (ours) {
      CHECK(r.metadataSignature->verifiedWithSha256);
      CHECK_FALSE(r.metadataSignature->reason);
    } else {
      CHECK_FALSE(r.metadataSignature->verifiedWithSha256);
      CHECK(r.metadataSignature->reason);
      CHECK(test::severity_of(r, c["present"][0].get<std::string>()) == "error");  // asked to verify: an error
    }
  }
  MESSAGE("signed metadata: " << agreed << " agree with xmlsec1, " << named << " named disagreement(s)");
  CHECK(agreed >= 9);
  CHECK(named == kDisagreements.size());
}

TEST_CASE("without a trusted certificate: intact at most, never verified, and a failure is a warning") {
  const Json all = manifest();
  for (const Json& c : all["signedMetadata"]) {
    const std::string file = c["file"];
    CAPTURE(file);
    const sso::Report r = sso::analyze(test::fixture(file), {});
    REQUIRE(r.metadataSignature);
    CHECK_FALSE(r.metadataSignature->verified);
    if (c["intact"] == true) {
      CHECK(r.metadataSignature->intact == true);
      CHECK(test::has_finding(r, "signature.not-checked"));
      CHECK(test::message_of(r, "signature.not-checked").find("Anyone can sign") != std::string::npos);
    } else {
      CHECK(r.metadataSignature->intact != true);
      for (const sso::Finding& f : r.findings.all())
        if (f.code.rfind("signature.", 0) == 0) CHECK(f.severity != sso::Severity::Error);
    }
  }
}

TEST_CASE("a digest that fails says which part changed cannot be known") {
  const sso::Report r = sso::analyze(test::fixture("signed-metadata/aggregate-certificate-byte-changed.xml"), {});
  REQUIRE(r.metadataSignature);
  CHECK(r.metadataSignature->intact == false);
  CHECK(test::message_of(r, "signature.digest-mismatch").find("cannot be known") != std::string::npos);
  CHECK(r.metadataSignature->reason->find("cannot be known") != std::string::npos);
  CHECK(r.entities.size() == 40);  // the listing is unaffected
}

TEST_CASE("unsigned metadata has a null metadataSignature, and a signer changes nothing") {
  sso::Options o;
  o.signer = test::fixture("signed-metadata/certs/federation.pem");
  const sso::Report r = sso::analyze(test::fixture("metadata/okta.xml"), o);
  CHECK_FALSE(r.metadataSignature);
  CHECK(r.idp);
}

TEST_CASE("a private key given as the signer is refused and never read") {
  sso::Options o;
  o.signer = test::read_file(std::string(TESTS_DATA_DIR) + "/keys/rsa_pkcs8.pem");
  REQUIRE(o.signer.find("PRIVATE KEY") != std::string::npos);
  const sso::Report r = sso::analyze(test::fixture("signed-metadata/aggregate-intact.xml"), o);
  CHECK(test::has_finding(r, "input.private-key"));
  CHECK(std::find(r.discard.begin(), r.discard.end(), "signer") != r.discard.end());
  REQUIRE(r.metadataSignature);
  CHECK_FALSE(r.metadataSignature->verified);  // as if no signer was given
  CHECK(r.metadataSignature->intact == true);
}

// Signed metadata made at test time (tests/fixtures/signed_metadata.mjs, signed by xmlsec1 with
// fresh keys): our verdict on the document element's signature equals xmlsec1's, trusting the same
// certificate, but where a case is named below; each case brings its findings; without a trusted
// certificate nothing is ever "verified", only intact.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "saml/metadata_signature.hpp"
#include "test_support.hpp"

namespace {
using Json = nlohmann::json;

// Where we refuse by design what xmlsec1 verifies: its verdict, ours, and who is right.
const std::map<std::string, std::string> kDisagreements = {
    {"signed-metadata/aggregate-reference-to-an-entity.xml",
     "ours: the document element's signature names one entity (#_entity3), so it vouches for that entity only; "
     "xmlsec1 checks what the Reference names, we refuse it as wrapping (nothing else in the file is signed)"},
    {"signed-metadata/aggregate-signature-last.xml",
     "ours: the Signature is the document element's last child, not its first as SAML's metadata schema places "
     "it; xmlsec1 takes it anywhere, we refuse it by name (and so never search 30 MB for one)"},
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

TEST_CASE("the head of the text says whether the document element's first child is a Signature") {
  using sso::signature_first_at_root;
  // Declaration, comments, processing instructions and a CDATA section are stepped over, as is a
  // '>' inside a quoted attribute value; only an element's name decides, whatever its prefix.
  CHECK(signature_first_at_root("<?xml version=\"1.0\"?>\n<!-- <x> --><md:EntitiesDescriptor a=\"x>y\" b='<'>\n"
                                "  <!-- <md:Extensions> --><?pi <md:Extensions>?><![CDATA[<x/>]]>\n"
                                "  <ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo/>"));
  CHECK(signature_first_at_root("<EntityDescriptor><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"));
  CHECK(signature_first_at_root("<a>\n<x:Signature\t/>"));
  // Not first, not exactly Signature, or not a child at all.
  CHECK_FALSE(signature_first_at_root("<a><md:Extensions/><ds:Signature/></a>"));
  CHECK_FALSE(signature_first_at_root("<a><ds:SignatureValue/></a>"));
  CHECK_FALSE(signature_first_at_root("<a><ds:Signatures/></a>"));
  CHECK_FALSE(signature_first_at_root("<ds:Signature><ds:SignedInfo/></ds:Signature>"));
  CHECK_FALSE(signature_first_at_root("<a>text</a><ds:Signature/>"));
  CHECK_FALSE(signature_first_at_root("<a/><ds:Signature/>"));
  CHECK_FALSE(signature_first_at_root("<a x='1'/>"));
  // Unfinished or refused text: nothing to keep white space for (the parser says what is wrong).
  for (const char* text : {"", "<", "<a", "<a x=\"1>", "<!-- <a><ds:Signature/>", "<?pi <a><ds:Signature/>",
                           "<!DOCTYPE a><a><ds:Signature/></a>", "<a><![CDATA[<ds:Signature/>", "<a><ds:Signature"}) {
    CAPTURE(text);
    CHECK_FALSE(signature_first_at_root(text));
  }
}

TEST_CASE("a Signature later among the document element's children is refused by name, with or without a signer") {
  const std::string file = "signed-metadata/aggregate-signature-last.xml";
  for (const bool with_signer : {true, false}) {
    CAPTURE(with_signer);
    sso::Options o;
    if (with_signer) o.signer = test::fixture("signed-metadata/certs/federation.pem");
    const sso::Report r = sso::analyze(test::fixture(file), o);
    REQUIRE(r.metadataSignature);
    CHECK(r.metadataSignature->verified == (with_signer ? std::optional<bool>(false) : std::nullopt));
    CHECK_FALSE(r.metadataSignature->intact);
    CHECK(r.metadataSignature->reason->find("not the first element") != std::string::npos);
    CHECK(test::message_of(r, "signature.unsupported").find("<md:EntitiesDescriptor>") != std::string::npos);
    CHECK(test::severity_of(r, "signature.unsupported") == (with_signer ? "error" : "warning"));
    CHECK(r.entities.size() == 40);  // the listing is unaffected
  }
}

TEST_CASE("a signed document whose head is not read as signed is not checked without its white space") {
  // The guard behind signature_first_at_root(): the document read without white space, its
  // first child a Signature, is refused by name rather than called changed after signing.
  std::string text = test::fixture("signed-metadata/aggregate-intact.xml");
  sso::XmlDocument doc;
  REQUIRE(doc.parse(text.data(), text.size(), {false}));
  sso::Findings findings;
  const auto signature = sso::check_metadata_signature(doc, text.size(), {}, {}, findings);
  REQUIRE(signature);
  CHECK(signature->reason->find("without its white space") != std::string::npos);
  CHECK_FALSE(signature->intact);
  CHECK(findings.all().size() == 1);
}

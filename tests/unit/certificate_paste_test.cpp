// Certificates as people paste them: every form of one certificate gives the same certificate.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "input/base64.hpp"
#include "report/json.hpp"
#include "test_support.hpp"

namespace {
// A fixture certificate as an IdP's download button gives it: PEM at 76 columns, SHA-1 signed.
const char* kOkta = "certs/okta-76col.pem";

std::string cert_file(const std::string& name) { return test::fixture(name); }

// The fingerprint OpenSSL gave the fixture, as the generator wrote it down.
std::string fixture_sha256(const std::string& file) {
  const nlohmann::json manifest = nlohmann::json::parse(test::fixture("manifest.json"), nullptr, false);
  if (manifest.is_discarded()) return "";
  for (const auto& c : manifest["certificates"])
    if (c["file"] == file) return c["sha256"];
  return "";
}

std::string body_of(const std::string& pem) {
  const std::size_t start = pem.find("-----\n") + 6;
  const std::size_t end = pem.find("-----END");
  std::string body = pem.substr(start, end - start);
  body.erase(std::remove(body.begin(), body.end(), '\n'), body.end());
  return body;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
  return s;
}

sso::Report run(const std::string& text) { return sso::analyze(text, sso::Options{}); }
}  // namespace

TEST_CASE("every way of pasting one certificate gives that certificate") {
  const std::string kOktaSha256 = fixture_sha256(kOkta);
  const sso::Report canonical_report = run(cert_file(kOkta));
  REQUIRE(canonical_report.twilio.x509Certificate);
  const std::string pem = *canonical_report.twilio.x509Certificate;
  const std::string b64 = body_of(pem);
  const sso::Base64Result der = sso::decode_base64(b64);
  REQUIRE(der.ok);
  struct Form {
    const char* name;
    std::string text;
    bool rewrapped;
    bool double_encoded;
  };
  const std::vector<Form> forms = {
      {"canonical PEM", pem + "\n", false, false},
      {"76-column PEM", cert_file(kOkta), true, false},
      {"CRLF", replace_all(pem, "\n", "\r\n"), false, false},
      {"mixed-case armour", replace_all(replace_all(pem, "BEGIN CERTIFICATE", "Begin Certificate"), "END CERTIFICATE",
                                        "End Certificate"),
       true, false},
      {"text around the armour", "Okta signing certificate:\n# from the admin console\n" + pem + "\nthanks!\n", false,
       false},
      {"bare base64, one line", b64, true, false},
      {"bare base64, wrapped with spaces", "  " + b64.substr(0, 100) + "\n  " + b64.substr(100) + "\n", true, false},
      {"base64 of the PEM", sso::encode_base64(pem + "\n"), true, true},
      {"DER bytes", der.bytes, true, false},
      {"<ds:X509Certificate> element", "<ds:X509Certificate>" + b64 + "</ds:X509Certificate>", true, false},
      {"<X509Certificate> element, wrapped", "<X509Certificate>\n" + b64 + "\n</X509Certificate>\n", true, false},
  };
  for (const Form& form : forms) {
    const std::string name = form.name;
    CAPTURE(name);
    const sso::Report r = run(form.text);
    CHECK(r.kind == sso::InputKind::Certificate);
    REQUIRE(r.certificates.size() == 1);
    REQUIRE_FALSE(r.certificates[0].error);
    CHECK(r.certificates[0].sha256 == kOktaSha256);
    CHECK(r.twilio.x509Certificate == pem);
    CHECK(test::has_finding(r, "cert.rewrapped") == form.rewrapped);
    CHECK(test::has_finding(r, "cert.double-encoded") == form.double_encoded);
  }
}

TEST_CASE("a chain: each certificate listed, the leaf goes to Twilio") {
  const sso::Report r = run(test::read_file(std::string(TESTS_DATA_DIR) + "/chain_root_then_leaf.pem"));
  REQUIRE(r.certificates.size() == 2);
  CHECK(r.certificates[0].ca);
  CHECK(r.certificates[0].subject == "CN=Test Chain Root");
  CHECK(r.certificates[1].subject == "CN=idp.chain.example");
  CHECK(r.certificates[1].issuer == "CN=Test Chain Root");
  CHECK_FALSE(r.certificates[1].selfSigned);
  CHECK(r.twilio.x509Certificate == r.certificates[1].pem);
  CHECK(test::has_finding(r, "cert.chain"));
}

TEST_CASE("a public key is not a certificate") {
  const std::string key = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n";
  const sso::Report r = run(key);
  CHECK(test::has_finding(r, "cert.public-key"));
  CHECK_FALSE(r.twilio.x509Certificate);
}

TEST_CASE("truncated at every length: a finding each time, never a crash") {
  const sso::Base64Result der = sso::decode_base64(body_of(*run(cert_file(kOkta)).twilio.x509Certificate));
  REQUIRE(der.ok);
  for (std::size_t n = 1; n < der.bytes.size(); ++n) {
    const sso::Report r = run(sso::encode_base64(der.bytes.substr(0, n)));
    CAPTURE(n);
    REQUIRE(r.certificates.size() == 1);
    CHECK(r.certificates[0].error);
    CHECK_FALSE(r.twilio.x509Certificate);
  }
  const sso::Report r = run(sso::encode_base64(der.bytes.substr(0, 500)));
  CHECK(*r.certificates[0].error == "DER length mismatch: header says " + std::to_string(der.bytes.size()) +
                                        " bytes, 500 present (truncated or corrupted)");
  CHECK(test::has_finding(r, "cert.invalid"));
}

TEST_CASE("every single bit flipped: decoded or refused, never a crash or a wrong fingerprint") {
  const std::string kOktaSha256 = fixture_sha256(kOkta);
  const sso::Base64Result der = sso::decode_base64(body_of(*run(cert_file(kOkta)).twilio.x509Certificate));
  REQUIRE(der.ok);
  std::size_t refused = 0, decoded = 0;
  for (std::size_t bit = 0; bit < der.bytes.size() * 8; ++bit) {
    std::string flipped = der.bytes;
    flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
    const sso::Report r = run(sso::encode_base64(flipped));
    // A flip in a length can leave a structure the private-key guard cannot tell from a key's
    // (the fixtures' certificates are fresh each run, so some runs meet one): refused unread,
    // which is the safe side.
    if (r.certificates.empty() && test::has_finding(r, "input.private-key")) {
      CHECK(r.discard == std::vector<std::string>{"input"});
      ++refused;
      continue;
    }
    REQUIRE(r.certificates.size() == 1);
    if (r.certificates[0].error) {
      ++refused;
    } else {
      ++decoded;
      // Whatever decodes is described as what it is: never the original's fingerprint.
      CHECK(r.certificates[0].sha256 != kOktaSha256);
    }
  }
  CHECK(refused > 0);
  CHECK(decoded > 0);
  MESSAGE("bit flips: " << decoded << " still decode (e.g. inside the signature), " << refused << " refused");
}

TEST_CASE("extra bytes after the certificate are reported") {
  const sso::Base64Result der = sso::decode_base64(body_of(*run(cert_file(kOkta)).twilio.x509Certificate));
  const sso::Report r = run(sso::encode_base64(der.bytes + "xyz"));
  REQUIRE(r.certificates[0].error);
  CHECK(*r.certificates[0].error == "3 bytes follow the end of the certificate");
}

TEST_CASE("a certificate checked against the metadata") {
  const std::string entra = test::fixture("metadata/entra-id.xml");
  sso::Options o;
  const sso::Report plain = sso::analyze(entra, o);
  REQUIRE(plain.idp);
  SUBCASE("the one Twilio gets") {
    o.certificate = plain.idp->signingCertificates[0].pem;
    const sso::Report r = sso::analyze(entra, o);
    CHECK(test::message_of(r, "cert.in-metadata").find("the one to put into Twilio") != std::string::npos);
    CHECK_FALSE(r.findings.has_error());
    REQUIRE(r.certificates.size() == 1);
  }
  SUBCASE("the next one the metadata already lists") {
    o.certificate = plain.idp->signingCertificates[1].pem;
    const sso::Report r = sso::analyze(entra, o);
    CHECK(test::message_of(r, "cert.in-metadata").find("another one is listed first") != std::string::npos);
  }
  SUBCASE("one from elsewhere") {
    o.certificate = cert_file(kOkta);
    CHECK(test::severity_of(sso::analyze(entra, o), "cert.not-in-metadata") == "error");
  }
  SUBCASE("the encryption certificate instead of the signing one") {
    const std::string adfs = test::fixture("metadata/adfs.xml");
    const sso::Report a = sso::analyze(adfs, o);
    REQUIRE(a.idp);
    REQUIRE(a.idp->encryptionCertificates.size() == 1);
    o.certificate = a.idp->encryptionCertificates[0].pem;
    const sso::Report r = sso::analyze(adfs, o);
    CHECK(test::severity_of(r, "cert.encryption-only") == "error");
  }
}

TEST_CASE("an unknown signature algorithm is named by its OID, and the certificate still described") {
  const sso::Report original = run(cert_file(kOkta));
  const sso::Base64Result der = sso::decode_base64(body_of(*original.twilio.x509Certificate));
  REQUIRE(der.ok);
  // sha1WithRSAEncryption is 1.2.840.113549.1.1.5; make both of its places 1.2.840.113549.1.1.99.
  const std::string oid("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x05", 9);
  std::string altered = der.bytes;
  int replaced = 0;
  for (std::size_t at = 0; (at = altered.find(oid, at)) != std::string::npos; at += oid.size(), ++replaced)
    altered[at + 8] = 99;
  REQUIRE(replaced == 2);
  const sso::Report r = run(sso::encode_base64(altered));
  REQUIRE(r.certificates.size() == 1);
  REQUIRE_FALSE(r.certificates[0].error);
  CHECK(r.certificates[0].signatureAlgorithm == "1.2.840.113549.1.1.99");
  CHECK(r.certificates[0].subject == original.certificates[0].subject);
  CHECK(r.certificates[0].notAfter == original.certificates[0].notAfter);
  CHECK(r.certificates[0].keyBits == original.certificates[0].keyBits);
  CHECK(test::message_of(r, "cert.unknown-signature-algorithm").find("1.2.840.113549.1.1.99") != std::string::npos);
  CHECK(r.twilio.x509Certificate);  // Twilio uses only the key
  CHECK_FALSE(r.findings.has_error());
}

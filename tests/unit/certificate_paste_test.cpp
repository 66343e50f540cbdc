// Certificates as people paste them: every form of one certificate gives the same certificate.
#include <doctest/doctest.h>

#include <algorithm>

#include "input/base64.hpp"
#include "report/json.hpp"
#include "test_support.hpp"

namespace {
const char* kOkta = "rsa2048_sha1_okta_selfsigned_76col.pem";
const char* kOktaSha256 =
    "0F:88:23:90:9E:DC:8E:03:6A:1B:E2:BB:65:B6:BA:5A:3C:11:25:6D:0E:0C:1F:7F:4C:30:45:10:92:99:9D:5F";

std::string cert_file(const std::string& name) { return test::read_file(test::interop_dir() + "/certs/" + name); }

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

sso::Report run(const std::string& text) { return sso::analyze(text, test::options_at_manifest_date()); }
}  // namespace

TEST_CASE("every way of pasting one certificate gives that certificate") {
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
  CHECK(*r.certificates[0].error == "DER length mismatch: header says 936 bytes, 500 present (truncated or corrupted)");
  CHECK(test::has_finding(r, "cert.invalid"));
}

TEST_CASE("every single bit flipped: decoded or refused, never a crash or a wrong fingerprint") {
  const sso::Base64Result der = sso::decode_base64(body_of(*run(cert_file(kOkta)).twilio.x509Certificate));
  REQUIRE(der.ok);
  std::size_t refused = 0, decoded = 0;
  for (std::size_t bit = 0; bit < der.bytes.size() * 8; ++bit) {
    std::string flipped = der.bytes;
    flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
    const sso::Report r = run(sso::encode_base64(flipped));
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
  const std::string entra = test::read_file(test::interop_dir() + "/metadata/entra_tenant_81c1df79.xml");
  sso::Options o = test::options_at_manifest_date();
  const sso::Report plain = sso::analyze(entra, o);
  REQUIRE(plain.idp);
  SUBCASE("the one Twilio gets") {
    o.certificate = plain.idp->signingCertificates[1].pem;
    const sso::Report r = sso::analyze(entra, o);
    CHECK(test::has_finding(r, "cert.in-metadata"));
    CHECK_FALSE(r.findings.has_error());
    REQUIRE(r.certificates.size() == 1);
  }
  SUBCASE("an older one the metadata still lists") {
    o.certificate = plain.idp->signingCertificates[0].pem;
    const sso::Report r = sso::analyze(entra, o);
    REQUIRE(test::has_finding(r, "cert.in-metadata"));
  }
  SUBCASE("one from elsewhere") {
    o.certificate = cert_file(kOkta);
    CHECK(test::has_finding(sso::analyze(entra, o), "cert.not-in-metadata"));
  }
  SUBCASE("the encryption certificate instead of the signing one") {
    const std::string adfs = test::read_file(test::interop_dir() + "/metadata/adfs_federationmetadata_java-saml.xml");
    const sso::Report a = sso::analyze(adfs, o);
    REQUIRE(a.idp);
    REQUIRE(a.idp->encryptionCertificates.size() == 1);
    o.certificate = a.idp->encryptionCertificates[0].pem;
    const sso::Report r = sso::analyze(adfs, o);
    CHECK(test::has_finding(r, "cert.encryption-only"));
    CHECK(r.findings.has_error());
  }
}

TEST_CASE("an unknown signature algorithm is named by its OID") {
  const sso::Base64Result der = sso::decode_base64(body_of(*run(cert_file(kOkta)).twilio.x509Certificate));
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
  REQUIRE(r.certificates[0].error);
  CHECK(r.certificates[0].error->find("1.2.840.113549.1.1.99") != std::string::npos);
  CHECK(test::has_finding(r, "cert.unknown-signature-algorithm"));
  CHECK(r.findings.has_error());
}

// A private key pasted by mistake is refused, and no byte of it reaches the Report.
#include <doctest/doctest.h>

#include "input/base64.hpp"
#include "report/json.hpp"
#include "cli/report_text.hpp"
#include "test_support.hpp"

namespace {
// Every 12-character run of the key's base64 text (or of the base64 of its bytes) must be absent,
// except runs that a Report shows without any key (the rsaEncryption OID, common to every RSA key
// and certificate, is one).
void check_not_echoed(const std::string& key, const std::string& out, const std::string& baseline) {
  std::string letters;
  const bool binary = key.find("-----") == std::string::npos && !sso::looks_like_base64(key);
  std::string source = binary ? sso::encode_base64(key) : key;
  if (const std::size_t at = source.find("PRIVATE KEY-----"); at != std::string::npos) {
    source = source.substr(source.rfind("-----BEGIN", at));  // a bundle: the key block and what follows
  }
  for (char c : source)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/') letters += c;
  REQUIRE(letters.size() > 100);
  for (std::size_t i = 0; i + 12 <= letters.size(); i += 3) {
    const std::string run = letters.substr(i, 12);
    if (baseline.find(run) != std::string::npos) continue;
    CHECK_MESSAGE(out.find(run) == std::string::npos, "key text echoed: " << run);
  }
}
}  // namespace

TEST_CASE("private keys of every kind are refused and never echoed") {
  const std::string dir = std::string(TESTS_DATA_DIR) + "/keys/";
  const std::string metadata = test::fixture("metadata/okta.xml");
  const std::string baseline = sso::report_json(sso::analyze(metadata, test::options_at_manifest_date())) +
                               sso::report_text(sso::analyze(metadata, test::options_at_manifest_date()));
  for (const char* file : {"rsa_pkcs1.pem", "rsa_pkcs8.pem", "rsa_pkcs8_encrypted.pem", "rsa_pkcs1_encrypted.pem",
                           "ec_sec1.pem", "ec_pkcs8.pem", "rsa_pkcs8.der", "rsa_pkcs1.der", "rsa_pkcs1_bare_base64.txt",
                           "cert_and_key_bundle.pem", "bundle.p12", "openssh_ed25519.key"}) {
    const std::string name = file;
    CAPTURE(name);
    const std::string key = test::read_file(dir + file);
    REQUIRE(key.size() > 100);
    const sso::Report r = sso::analyze(key, test::options_at_manifest_date());
    CHECK(test::has_finding(r, "input.private-key"));
    CHECK(r.discard == std::vector<std::string>{"input"});
    CHECK(r.certificates.empty());
    CHECK_FALSE(r.twilio.x509Certificate);
    check_not_echoed(key, sso::report_json(r), baseline);
    check_not_echoed(key, sso::report_text(r), baseline);
    // Given as the certificate to compare with metadata: refused the same way.
    sso::Options o = test::options_at_manifest_date();
    o.certificate = key;
    const sso::Report with_metadata = sso::analyze(metadata, o);
    CHECK(test::has_finding(with_metadata, "input.private-key"));
    CHECK(with_metadata.discard == std::vector<std::string>{"certificate"});
    check_not_echoed(key, sso::report_json(with_metadata), baseline);
  }
}

TEST_CASE("a private key inside otherwise good metadata refuses the whole input") {
  std::string text = test::fixture("metadata/okta.xml");
  const std::string key = test::read_file(std::string(TESTS_DATA_DIR) + "/keys/ec_sec1.pem");
  text.insert(text.find("<md:IDPSSODescriptor"), "<!-- " + key + " -->");
  const sso::Report r = sso::analyze(text, test::options_at_manifest_date());
  CHECK(test::has_finding(r, "input.private-key"));
  CHECK_FALSE(r.idp);
}

TEST_CASE("the private-key markers are found wherever they sit among hyphens") {
  const std::string putty = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: admin@laptop\n"
                            "Public-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIBsGJz0cW3m9Xo1pM3x8n8c3bF0r7oZt5Kc0uVw1Qe2Y\n"
                            "Private-Lines: 1\nAAAAIH0aL0q3kW5vV3x2yN9cQm1rT8uPz4sA6bD7eF8gH9iJ\nPrivate-MAC: 0a1b2c\n";
  for (const std::string& text :
       {putty, "-- metadata-v2 -" + putty, std::string("-----BEGIN RSA PRIVATE KEY------\nMIIE\n-----END RSA PRIVATE KEY-----"),
        std::string("a-b--c---d----e -----BEGIN encrypted private key-----\nMIIE\n")}) {
    CAPTURE(text);
    CHECK(test::has_finding(sso::analyze(text, test::options_at_manifest_date()), "input.private-key"));
  }
  // Hyphens everywhere, armour that is not a key's, and the PuTTY words split: not a key.
  for (const std::string& text : {std::string("<x a='2026-12-02' b='urn:x-y-z'>-----BEGIN CERTIFICATE-----</x>"),
                                  std::string("PuTTY-User-Key File"), std::string("private key ----")}) {
    CAPTURE(text);
    CHECK_FALSE(test::has_finding(sso::analyze(text, test::options_at_manifest_date()), "input.private-key"));
  }
}

// Every interop certificate against OpenSSL's values in certs/MANIFEST.tsv, field by field.
#include <doctest/doctest.h>

#include <cstdio>

#include "test_support.hpp"

namespace {
// "Feb  9 21:52:06 2016 GMT" (openssl -startdate) as ISO 8601.
std::string iso_from_openssl(const std::string& s) {
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char mon[4] = {};
  int day, h, m, sec, year;
  if (std::sscanf(s.c_str(), "%3s %d %d:%d:%d %d GMT", mon, &day, &h, &m, &sec, &year) != 6) return "?";
  for (int i = 0; i < 12; ++i)
    if (std::string(mon) == months[i]) return sso::iso8601(sso::epoch_seconds(year, i + 1, day, h, m, sec));
  return "?";
}
}  // namespace

TEST_CASE("interop certificates match OpenSSL field for field") {
  const std::string dir = test::interop_dir() + "/certs/";
  const std::vector<test::Row> rows = test::read_manifest(dir + "MANIFEST.tsv");
  REQUIRE(rows.size() == 12);
  int matched = 0;
  for (const test::Row& row : rows) {
    CAPTURE(row.at("file"));
    const sso::Report r = sso::analyze(test::read_file(dir + row.at("file")), test::options_at_manifest_date());
    CHECK(r.kind == sso::InputKind::Certificate);
    REQUIRE(r.certificates.size() == 1);
    const sso::Certificate& c = r.certificates[0];
    REQUIRE_FALSE(c.error);
    CHECK(c.subject == row.at("subject"));
    CHECK(c.issuer == row.at("issuer"));
    CHECK(c.notBefore == iso_from_openssl(row.at("notBefore")));
    CHECK(c.notAfter == iso_from_openssl(row.at("notAfter")));
    CHECK(c.serial == row.at("serial"));
    CHECK(c.signatureAlgorithm == row.at("signature_algorithm"));
    CHECK(c.sha1 == row.at("sha1_fingerprint"));
    CHECK(c.sha256 == row.at("sha256_fingerprint"));
    CHECK(c.selfSigned == (row.at("self_signed").rfind("yes", 0) == 0));
    // "RSA 2048" or "EC 256 prime256v1" (OpenSSL's curve name; we give the NIST one).
    const std::string key = row.at("key");
    CHECK(key.rfind(c.keyType + " " + std::to_string(c.keyBits), 0) == 0);
    if (key.find("prime256v1") != std::string::npos) CHECK(c.curve == "P-256");
    // The DER length, through the canonical PEM we give Twilio.
    CHECK(r.twilio.x509Certificate == c.pem);
    const bool expired = row.at("expired_as_of_2026-11-28") == "yes";
    CHECK(test::has_finding(r, "cert.expired") == expired);
    CHECK(test::has_finding(r, "cert.weak-key") == (c.keyType == "RSA" && c.keyBits < 2048));
    CHECK(test::has_finding(r, "cert.weak-signature") == (c.signatureAlgorithm.rfind("sha1", 0) == 0));
    CHECK(test::has_finding(r, "cert.ca-issued") == !c.selfSigned);
    ++matched;
  }
  MESSAGE("interop certificates matched: " << matched << " of " << rows.size());
}

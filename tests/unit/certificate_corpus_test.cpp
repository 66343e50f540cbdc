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
  if (!test::interop_present()) return;
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
    // Each field compared, and the row counted only when every field matched.
    bool row_matched = true;
    auto same = [&](bool equal, const char* field) {
      CHECK_MESSAGE(equal, field);
      row_matched &= equal;
    };
    same(c.subject == row.at("subject"), "subject");
    same(c.issuer == row.at("issuer"), "issuer");
    same(c.notBefore == iso_from_openssl(row.at("notBefore")), "notBefore");
    same(c.notAfter == iso_from_openssl(row.at("notAfter")), "notAfter");
    same(c.serial == row.at("serial"), "serial");
    same(c.signatureAlgorithm == row.at("signature_algorithm"), "signatureAlgorithm");
    same(c.sha1 == row.at("sha1_fingerprint"), "sha1");
    same(c.sha256 == row.at("sha256_fingerprint"), "sha256");
    same(c.selfSigned == (row.at("self_signed").rfind("yes", 0) == 0), "selfSigned");
    // "RSA 2048" or "EC 256 prime256v1" (OpenSSL's curve name; we give the NIST one).
    const std::string key = row.at("key");
    same(key.rfind(c.keyType + " " + std::to_string(c.keyBits), 0) == 0, "key");
    if (key.find("prime256v1") != std::string::npos) same(c.curve == "P-256", "curve");
    // The DER length, through the canonical PEM we give Twilio.
    same(r.twilio.x509Certificate == c.pem, "x509Certificate");
    const bool expired = row.at("expired_as_of_2026-11-28") == "yes";
    same(test::has_finding(r, "cert.expired") == expired, "cert.expired");
    same(test::has_finding(r, "cert.weak-key") == (c.keyType == "RSA" && c.keyBits < 2048), "cert.weak-key");
    same(test::has_finding(r, "cert.weak-signature") == (c.signatureAlgorithm.rfind("sha1", 0) == 0), "weak-signature");
    same(test::has_finding(r, "cert.ca-issued") == !c.selfSigned, "cert.ca-issued");
    if (row_matched) ++matched;
  }
  MESSAGE("interop certificates matched: " << matched << " of " << rows.size());
  CHECK(matched == 12);
}

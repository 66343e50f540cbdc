#include <doctest/doctest.h>

#include <set>

#include "report/findings.hpp"
#include "limits.hpp"
#include "test_support.hpp"

TEST_CASE("the catalogue is indexed by its enum, and its codes are unique") {
  const auto& table = sso::finding_catalogue();
  std::set<std::string> ids;
  for (std::size_t i = 0; i < table.size(); ++i) {
    CAPTURE(table[i].id);
    CHECK(static_cast<std::size_t>(table[i].code) == i);
    CHECK(ids.insert(table[i].id).second);
  }
}

TEST_CASE("the codes DESIGN.md makes part of the contract are all present") {
  std::set<std::string> ids;
  for (const auto& info : sso::finding_catalogue()) ids.insert(info.id);
  for (const char* code : {"input.empty", "input.unknown", "input.too-large", "input.private-key", "xml.malformed",
                           "xml.doctype", "metadata.no-saml2-idp", "metadata.several-idps",
                           "metadata.no-signing-certificate", "metadata.sso-post-only", "cert.invalid",
                           "cert.double-encoded", "cert.expired", "cert.not-yet-valid", "cert.expiring-soon",
                           "cert.weak-key", "cert.weak-signature", "cert.rollover"}) {
    CAPTURE(code);
    CHECK(ids.count(code) == 1);
  }
}

TEST_CASE("docs/findings.md is the catalogue as generated") {
  CHECK(test::read_file(std::string(DOCS_DIR) + "/findings.md") == sso::findings_markdown());
}

TEST_CASE("findings sort errors first, keeping their order otherwise") {
  sso::Findings f;
  f.add(sso::Code::CertWeakSignature, "a");
  f.add(sso::Code::CertExpired, "b");
  f.add(sso::Code::CertWeakKey, "c");
  f.add(sso::Code::InputEmpty, "d");
  f.sort_by_severity();
  REQUIRE(f.all().size() == 4);
  CHECK(f.all()[0].message == "b");
  CHECK(f.all()[1].message == "d");
  CHECK(f.all()[2].message == "c");
  CHECK(f.all()[3].message == "a");
  CHECK(f.has_error());
  CHECK(f.all()[0].field == "x509Certificate");
}

TEST_CASE("docs/limits.md states the limits in src/limits.hpp") {
  const std::string doc = test::read_file(std::string(DOCS_DIR) + "/limits.md");
  for (std::size_t value : {sso::limits::kMaxInputBytes, sso::limits::kMaxDepth, sso::limits::kMaxAttributesPerElement,
                            sso::limits::kMaxEntities, sso::limits::kMaxCertificatesPerDescriptor,
                            sso::limits::kMaxPastedCertificates, sso::limits::kMaxAttributes,
                            std::size_t{sso::limits::kMaxPick}}) {
    CAPTURE(value);
    CHECK(doc.find("| " + std::to_string(value)) != std::string::npos);
  }
}

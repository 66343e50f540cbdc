// Every interop response against responses/MANIFEST.tsv (../shared/interop/responses/README.md
// gives the rules): each signature's verified value, and at least one expected code as an error.
#include <doctest/doctest.h>

#include <sstream>

#include "input/base64.hpp"
#include "test_support.hpp"

TEST_CASE("interop responses match MANIFEST.tsv") {
  if (!test::interop_present()) return;
  const std::string dir = test::interop_dir() + "/responses/";
  const std::vector<test::Row> rows = test::read_manifest(dir + "MANIFEST.tsv");
  REQUIRE(rows.size() == 27);
  std::size_t matched = 0;
  for (const test::Row& row : rows) {
    const std::string file = row.at("file");
    CAPTURE(file);
    sso::Options o = test::options_at_manifest_date();
    o.certificate = test::read_file(dir + row.at("cert_file"));
    const sso::Report r = sso::analyze(test::read_file(dir + file), o);
    bool row_matched = r.kind == sso::InputKind::Response && r.response.has_value();
    REQUIRE(r.response);
    // "response:true,assertion:false" (any: the verdict depends on the design; the element counts)
    std::vector<std::string> expected;
    std::stringstream list(row.at("signatures"));
    for (std::string item; std::getline(list, item, ',');) expected.push_back(item);
    REQUIRE(r.response->signatures.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const sso::ResponseSignature& s = r.response->signatures[i];
      const std::string element = expected[i].substr(0, expected[i].find(':'));
      const std::string verified = expected[i].substr(expected[i].find(':') + 1);
      CHECK(s.element == element);
      row_matched &= s.element == element;
      if (verified != "any") {
        CHECK(s.verified == (verified == "true"));
        row_matched &= s.verified == (verified == "true");
      }
    }
    std::stringstream codes(row.at("expect_codes"));
    bool one_error = true;
    std::string code;
    if (codes >> code) {
      one_error = false;
      do one_error |= test::severity_of(r, code) == "error";
      while (codes >> code);
    } else {
      // Nothing wrong with the signatures or the structure: no finding says so.
      for (const char* c : {"signature.invalid", "signature.digest-mismatch", "signature.wrapping",
                            "signature.unsupported", "signature.untrusted-key", "response.unsigned"})
        one_error &= !test::has_finding(r, c);
    }
    CHECK_MESSAGE(one_error, row.at("expect_codes"));
    if (row_matched && one_error) ++matched;
  }
  MESSAGE("interop responses matched: " << matched << " of " << rows.size());
  CHECK(matched == rows.size());
}

// The rollover comparison, table-driven on pairs of versions of one IdP's metadata made at test
// time (tests/fixtures/signed_metadata.mjs: rotation, a second certificate added, the old one
// removed, the SSO URL moved, the entityID changed, bindings and NameID formats), and the
// certificate in Twilio against the current metadata.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace {
using Json = nlohmann::json;

sso::Report compare(const std::string& before, const std::string& after) {
  sso::Options o;
  o.previousMetadata = test::fixture(before);
  return sso::analyze(test::fixture(after), o);
}
}  // namespace

TEST_CASE("rollover: each pair's changes, findings and first step of the plan") {
  const std::string text = test::fixture("manifest.json");
  REQUIRE_MESSAGE(!text.empty(), "fixtures missing: ./build.sh test generates them");
  std::size_t pairs = 0;
  const Json all = Json::parse(text);
  for (const Json& p : all["rollover"]) {
    const std::string name = p["name"];
    CAPTURE(name);
    const sso::Report r = compare(p["before"], p["after"]);
    REQUIRE(r.rollover);
    CHECK(r.rollover->against == "metadata");
    std::vector<std::pair<std::string, std::string>> changes;
    for (const sso::RolloverChange& c : r.rollover->changes) changes.emplace_back(c.what, c.change);
    std::vector<std::pair<std::string, std::string>> expected;
    for (const Json& c : p["changes"]) expected.emplace_back(c[0], c[1]);
    CHECK(changes == expected);
    for (const Json& code : p["present"]) CHECK_MESSAGE(test::has_finding(r, code.get<std::string>()), code);
    if (p.contains("severity"))
      for (const auto& [code, severity] : p["severity"].items()) CHECK(test::severity_of(r, code) == severity.get<std::string>());
    REQUIRE_FALSE(r.rollover->plan.empty());
    // The first step starts with the first fragment and holds the others, in order.
    if (!p["plan"].is_null()) {
      const std::string& first = r.rollover->plan[0];
      std::size_t at = 0;
      for (const Json& fragment : p["plan"]) {
        const std::size_t found = first.find(fragment.get<std::string>(), at);
        CHECK_MESSAGE(found != std::string::npos, first);
        if (at == 0) CHECK_MESSAGE(found == 0, first);
        at = found == std::string::npos ? at : found + 1;
      }
    }
    // Exactly one certificate is marked as Twilio's, and it is in the older version.
    std::size_t in_twilio = 0;
    for (const sso::RolloverCertificate& c : r.rollover->certificates)
      if (c.inTwilio) {
        ++in_twilio;
        CHECK(c.before);
      }
    CHECK(in_twilio == 1);
    ++pairs;
  }
  CHECK(pairs >= 7);
}

TEST_CASE("rollover: the plan of a rollover under way names both certificates and their dates") {
  const sso::Report r = compare("rollover/second-certificate-added.before.xml", "rollover/second-certificate-added.after.xml");
  REQUIRE(r.rollover);
  REQUIRE(r.rollover->certificates.size() == 2);
  const sso::RolloverCertificate& held = r.rollover->certificates[0];
  const sso::RolloverCertificate& next = r.rollover->certificates[1];
  CHECK((held.before && held.after && held.inTwilio));
  CHECK((!next.before && next.after && !next.inTwilio));
  std::string plan;
  for (const std::string& step : r.rollover->plan) plan += step + "\n";
  CHECK(plan.find(next.notBefore.substr(0, 10)) != std::string::npos);  // from when the new one is valid
  CHECK(plan.find(held.notAfter.substr(0, 10)) != std::string::npos);   // until when the old one lasts
  CHECK(plan.find("Until the IdP switches: keep") != std::string::npos);
  // Twilio's value is still the certificate it holds: the first valid now.
  CHECK(r.twilio.x509Certificate->find(test::fixture("rollover/certs/current.pem").substr(28, 40)) != std::string::npos);
}

TEST_CASE("the certificate in Twilio against the current metadata: still published, no longer published") {
  sso::Options o;
  o.certificate = test::fixture("rollover/certs/current.pem");
  const sso::Report kept = sso::analyze(test::fixture("rollover/second-certificate-added.after.xml"), o);
  REQUIRE(kept.rollover);
  CHECK(kept.rollover->against == "certificate");
  CHECK(test::has_finding(kept, "cert.in-metadata"));
  CHECK(test::has_finding(kept, "rollover.certificate-added"));
  CHECK(kept.rollover->plan[1].find("Until the IdP switches: keep") == 0);

  const sso::Report gone = sso::analyze(test::fixture("rollover/rotated.after.xml"), o);
  REQUIRE(gone.rollover);
  CHECK(test::has_finding(gone, "cert.not-in-metadata"));
  CHECK_FALSE(test::has_finding(gone, "rollover.certificate-removed"));  // said once, by cert.not-in-metadata
  CHECK(gone.rollover->plan[0].rfind("Now: put", 0) == 0);

  const sso::Report same = sso::analyze(test::fixture("rollover/same.after.xml"), o);
  REQUIRE(same.rollover);
  CHECK(same.rollover->plan[0].find("is still published. It expires on") != std::string::npos);
}

TEST_CASE("an older version that holds no IdP is said so, not compared") {
  sso::Options o;
  o.previousMetadata = "<not-metadata/>";
  const sso::Report r = sso::analyze(test::fixture("rollover/same.after.xml"), o);
  CHECK_FALSE(r.rollover);
  CHECK(test::has_finding(r, "rollover.previous-unreadable"));
  o.previousMetadata = "<a><b></a>";
  CHECK(test::message_of(sso::analyze(test::fixture("rollover/same.after.xml"), o), "rollover.previous-unreadable")
            .find("could not be compared") != std::string::npos);
}

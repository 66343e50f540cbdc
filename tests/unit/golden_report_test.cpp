// The Report of every interop file, compared with the one recorded in tests/golden/interop/: a
// change of behaviour shows as a diff of those files, made on purpose. Fields added since the
// recording are left out of the comparison, and findings of one severity may come in another
// order (the Twilio values are now chosen after the metadata's own findings); nothing else may
// differ.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "report/json.hpp"
#include "test_support.hpp"

namespace {
using Json = nlohmann::json;

// Fields added to schema 1 after the golden files were recorded (DESIGN.md, "Added fields").
void drop_added_fields(Json& report) {
  auto drop_from_certificates = [](Json& list) {
    if (!list.is_array()) return;
    for (Json& c : list) {
      c.erase("forTwilio");
      c.erase("daysLeft");
    }
  };
  report.erase("products");
  report.erase("discard");
  if (report["twilio"].is_object()) report["twilio"].erase("singleSignOnMethod");
  drop_from_certificates(report["certificates"]);
  for (Json& f : report["findings"]) f.erase("setting");
  if (report["idp"].is_object()) {
    report["idp"].erase("vendor");
    drop_from_certificates(report["idp"]["signingCertificates"]);
    drop_from_certificates(report["idp"]["encryptionCertificates"]);
  }
}

// Errors first, as the Report sorts them; within a severity, in a fixed order.
void sort_findings(Json& report) {
  Json& findings = report["findings"];
  const auto rank = [](const Json& f) {
    const std::string s = f["severity"];
    return s == "error" ? 0 : s == "warning" ? 1 : 2;
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Json& a, const Json& b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return a.dump() < b.dump();
  });
}
}  // namespace

TEST_CASE("interop Reports are the recorded ones, but for added fields") {
  if (!test::interop_present()) return;
  namespace fs = std::filesystem;
  const fs::path golden = fs::path(TESTS_DATA_DIR).parent_path() / "golden" / "interop";
  std::size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(golden)) {
    const std::string name = entry.path().filename().string();  // "metadata-okta….xml.json"
    CAPTURE(name);
    const std::size_t dash = name.find('-');
    const std::string input = test::interop_dir() + "/" + name.substr(0, dash) + "/" +
                              name.substr(dash + 1, name.size() - dash - 1 - 5);
    REQUIRE(fs::exists(input));
    Json now = Json::parse(sso::report_json(sso::analyze(test::read_file(input), test::options_at_manifest_date())));
    Json recorded = Json::parse(test::read_file(entry.path().string()));
    drop_added_fields(now);
    sort_findings(now);
    sort_findings(recorded);
    CHECK_MESSAGE(now == recorded, Json::diff(recorded, now).dump());
    ++compared;
  }
  MESSAGE("interop Reports compared with tests/golden/interop: " << compared);
  CHECK(compared >= 36);
}

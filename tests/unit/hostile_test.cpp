// The hostile-input table (tests/hostile/generate.mjs writes it): every input ends in a Report
// with the expected findings; nothing crashes, aborts or hangs. The same files go through the
// wasm module in tests/node/hostile.test.mjs.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "report/json.hpp"
#include "test_support.hpp"

TEST_CASE("hostile inputs: the expected findings, never a crash") {
  const char* env = std::getenv("SSO_HOSTILE_DIR");
  const std::string dir = env ? env : HOSTILE_DIR;
  const std::string manifest = test::read_file(dir + "/expected.json");
  REQUIRE_MESSAGE(!manifest.empty(), "run node tests/hostile/generate.mjs " << dir << " first (./build.sh test does)");
  const nlohmann::json expected = nlohmann::json::parse(manifest, nullptr, false);
  REQUIRE(expected.is_object());
  CHECK(expected.size() >= 40);
  double slowest = 0;
  std::string slowest_name;
  for (const auto& item : expected.items()) {
    const std::string& name = item.key();  // not a structured binding: CAPTURE takes it in a lambda
    const auto& want = item.value();
    CAPTURE(name);
    const std::string input = test::read_file(dir + "/" + name + ".bin");
    const auto started = std::chrono::steady_clock::now();
    const sso::Report report = sso::analyze(input, test::options_at_manifest_date());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (seconds > slowest) {
      slowest = seconds;
      slowest_name = name;
    }
    for (const auto& code : want["codes"]) CHECK_MESSAGE(test::has_finding(report, code.get<std::string>()), code);
    CHECK(static_cast<bool>(report.idp) == want["idp"].get<bool>());
    // The Report serialises to JSON that parses again, with the same findings.
    const nlohmann::json json = nlohmann::json::parse(sso::report_json(report), nullptr, false);
    REQUIRE_FALSE(json.is_discarded());
    CHECK(json["findings"].size() == report.findings.all().size());
  }
  MESSAGE(expected.size() << " hostile inputs; slowest " << slowest_name << " in " << slowest << " s");
}

TEST_CASE("fuzz regressions: every input that once broke a target gives a Report") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(TESTS_DATA_DIR).parent_path() / "fuzz" / "regressions";
  REQUIRE(fs::is_directory(dir));
  std::size_t replayed = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    CAPTURE(entry.path().string());
    const std::string input = test::read_file(entry.path().string());
    const sso::Report report = sso::analyze(input, test::options_at_manifest_date());
    CHECK_FALSE(nlohmann::json::parse(sso::report_json(report), nullptr, false).is_discarded());
    sso::Options with_everything = test::options_at_manifest_date();
    with_everything.certificate = input.substr(0, 8192);
    with_everything.trustedDomains = {input.substr(0, 300)};
    with_everything.issuer = input.substr(0, 300);
    CHECK_FALSE(nlohmann::json::parse(sso::report_json(sso::analyze(input, with_everything)), nullptr, false).is_discarded());
    ++replayed;
  }
  MESSAGE("fuzz regressions replayed: " << replayed);
}

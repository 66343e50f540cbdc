// The Report of every interop file, compared with the one recorded in tests/golden/interop/ by
// tools/record_golden.sh: a change of behaviour shows as a diff of those files, made on purpose
// and read before it is committed. (The first recording was made before the code moved into its
// rooms; the restructuring changed no Report but for added fields and the order of findings of
// one severity. The git history of these files is the record of every change since.)
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "report/json.hpp"
#include "test_support.hpp"

TEST_CASE("interop Reports are the recorded ones") {
  if (!test::interop_present()) return;
  namespace fs = std::filesystem;
  using Json = nlohmann::json;
  const fs::path golden = fs::path(TESTS_DATA_DIR).parent_path() / "golden" / "interop";
  std::size_t compared = 0;
  for (const auto& entry : fs::directory_iterator(golden)) {
    const std::string name = entry.path().filename().string();  // "metadata-okta….xml.json"
    CAPTURE(name);
    const std::size_t dash = name.find('-');
    const std::string input = test::interop_dir() + "/" + name.substr(0, dash) + "/" +
                              name.substr(dash + 1, name.size() - dash - 1 - 5);
    REQUIRE(fs::exists(input));
    const Json now = Json::parse(sso::report_json(sso::analyze(test::read_file(input), test::options_at_manifest_date())));
    const Json recorded = Json::parse(test::read_file(entry.path().string()));
    const bool same = now == recorded;
    CHECK_MESSAGE(same, Json::diff(recorded, now).dump());
    ++compared;
  }
  MESSAGE("interop Reports compared with tests/golden/interop: " << compared);
  CHECK(compared >= 36);
}

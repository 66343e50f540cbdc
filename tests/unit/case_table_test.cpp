// The case tables of tests/cases/ (input, options, expected findings and Report values), run
// natively. tests/node/case_table.test.mjs runs the same tables through the wasm module.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "report/json.hpp"
#include "test_support.hpp"

namespace {
using Json = nlohmann::json;

std::string resolve(const std::string& spec) {
  if (spec.rfind("fixture:", 0) == 0) return test::fixture(spec.substr(8));
  if (spec.rfind("text:", 0) == 0) return spec.substr(5);
  return spec;
}

sso::Options options_from(const Json& o, const std::string& default_now) {
  sso::Options options;
  auto text = [&](const char* key, std::string& out) {
    if (o.contains(key)) out = o[key].get<std::string>();
  };
  auto optional = [&](const char* key, std::optional<std::string>& out) {
    if (o.contains(key)) out = o[key].get<std::string>();
  };
  text("product", options.product);
  text("entity", options.entity);
  text("connectionId", options.connectionId);
  text("accountSid", options.accountSid);
  text("twilioId", options.twilioId);
  optional("friendlyName", options.friendlyName);
  optional("issuer", options.issuer);
  optional("ssoUrl", options.ssoUrl);
  optional("redirectUrl", options.redirectUrl);
  if (o.contains("certificate")) options.certificate = resolve(o["certificate"].get<std::string>());
  if (o.contains("trustedDomains")) options.trustedDomains = o["trustedDomains"].get<std::vector<std::string>>();
  const std::string now = o.value("now", default_now);
  if (!now.empty()) options.now = sso::parse_xs_datetime(now);
  return options;
}

// The value at a dot path ("twilio.trustedDomains", "idpSetup.steps.1.where"), or a marker.
Json at_path(const Json& report, const std::string& path) {
  const Json* node = &report;
  std::size_t from = 0;
  while (from <= path.size()) {
    const std::size_t dot = path.find('.', from);
    const std::string key = path.substr(from, dot == std::string::npos ? std::string::npos : dot - from);
    if (node->is_array() && !key.empty() && key.find_first_not_of("0123456789") == std::string::npos &&
        std::stoul(key) < node->size()) {
      node = &(*node)[std::stoul(key)];
    } else if (node->is_object() && node->contains(key)) {
      node = &(*node)[key];
    } else {
      return Json("<no value at " + path + ">");
    }
    if (dot == std::string::npos) break;
    from = dot + 1;
  }
  return *node;
}
}  // namespace

TEST_CASE("case tables, natively") {
  namespace fs = std::filesystem;
  std::size_t cases = 0;
  for (const auto& file : fs::directory_iterator(CASES_DIR)) {
    if (file.path().extension() != ".json") continue;
    const Json table = Json::parse(test::read_file(file.path().string()));
    const std::string now = table.value("now", "");
    for (const Json& c : table["cases"]) {
      const std::string name = c["name"].get<std::string>();
      CAPTURE(name);
      const std::string input = resolve(c["input"].get<std::string>());
      REQUIRE_MESSAGE(!input.empty(), "fixtures missing: ./build.sh test generates them");
      const sso::Report report = sso::analyze(input, options_from(c.value("options", Json::object()), now));
      const Json expect = c.value("expect", Json::object()), messages = c.value("messages", Json::object()),
                 values = c.value("values", Json::object());
      // Items, not structured bindings: doctest's messages take their names in a lambda.
      for (const auto& item : expect.items())
        CHECK_MESSAGE(test::severity_of(report, item.key()) == item.value().get<std::string>(), item.key());
      for (const auto& item : messages.items())
        CHECK_MESSAGE(test::message_of(report, item.key()).find(item.value().get<std::string>()) != std::string::npos,
                      item.key());
      const Json json = Json::parse(sso::report_json(report));
      for (const auto& item : values.items()) CHECK_MESSAGE(at_path(json, item.key()) == item.value(), item.key());
      ++cases;
    }
  }
  MESSAGE("case-table rows run natively: " << cases);
  CHECK(cases >= 80);
}

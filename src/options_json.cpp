#include "options_json.hpp"

#include <nlohmann/json.hpp>

#include "clock.hpp"

namespace sso {

bool options_from_json(std::string_view text, Options& options, std::string& error) {
  if (text.empty()) return true;
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "options are not a JSON object";
    return false;
  }
  auto string_at = [&](const char* key, std::string& out) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (!it->is_string()) {
      error = std::string("option ") + key + " must be a string";
      return false;
    }
    out = it->get<std::string>();
    return true;
  };
  auto optional_at = [&](const char* key, std::optional<std::string>& out) {
    std::string value;
    const bool present = j.find(key) != j.end() && !j.at(key).is_null();
    if (!string_at(key, value)) return false;
    if (present) out = value;
    return true;
  };
  if (!string_at("entity", options.entity) || !string_at("product", options.product) ||
      !string_at("connectionId", options.connectionId) || !string_at("accountSid", options.accountSid) ||
      !string_at("certificate", options.certificate) ||
      !optional_at("friendlyName", options.friendlyName) || !optional_at("redirectUrl", options.redirectUrl) ||
      !optional_at("issuer", options.issuer) || !optional_at("ssoUrl", options.ssoUrl))
    return false;
  if (const auto it = j.find("trustedDomains"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) {
      error = "option trustedDomains must be an array of strings";
      return false;
    }
    for (const auto& d : *it) {
      if (!d.is_string()) {
        error = "option trustedDomains must be an array of strings";
        return false;
      }
      options.trustedDomains.push_back(d.get<std::string>());
    }
  }
  std::string now;
  if (!string_at("now", now)) return false;
  if (!now.empty()) {
    options.now = parse_xs_datetime(now);
    if (!options.now) {
      error = "option now must be a time such as 2026-11-28T00:00:00Z";
      return false;
    }
  }
  return true;
}

}  // namespace sso

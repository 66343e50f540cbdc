#include "wasm/options_json.hpp"

#include <cstdlib>

#include "clock.hpp"
#include "input/json_reader.hpp"

namespace sso::wasm {

namespace {
// Copies the member `key` when it is a string; false (with `error`) when it is there and is not.
bool string_field(const JsonValue& o, const char* key, std::string& out, std::string& error) {
  const JsonValue* v = o.get(key);
  if (!v || v->type == JsonValue::Type::Null) return true;
  if (!v->is_string()) {
    error = std::string("option ") + key + " must be a string";
    return false;
  }
  out = v->text;
  return true;
}

bool optional_field(const JsonValue& o, const char* key, std::optional<std::string>& out, std::string& error) {
  std::string value;
  if (!string_field(o, key, value, error)) return false;
  if (const JsonValue* v = o.get(key); v && v->is_string()) out = value;
  return true;
}
}  // namespace

bool options_from_json(std::string_view json, Options& options, std::string& error) {
  const std::optional<JsonValue> parsed = read_json(json);
  if (!parsed || !parsed->is_object()) {
    error = "the options must be an object";
    return false;
  }
  const JsonValue& o = *parsed;
  std::string now;
  if (!string_field(o, "entity", options.entity, error) || !string_field(o, "product", options.product, error) ||
      !string_field(o, "connectionId", options.connectionId, error) ||
      !string_field(o, "accountSid", options.accountSid, error) ||
      !string_field(o, "twilioId", options.twilioId, error) ||
      !string_field(o, "certificate", options.certificate, error) ||
      !string_field(o, "metadata", options.metadata, error) || !string_field(o, "signer", options.signer, error) ||
      !string_field(o, "previousMetadata", options.previousMetadata, error) ||
      !optional_field(o, "friendlyName", options.friendlyName, error) ||
      !optional_field(o, "redirectUrl", options.redirectUrl, error) ||
      !optional_field(o, "issuer", options.issuer, error) || !optional_field(o, "ssoUrl", options.ssoUrl, error) ||
      !string_field(o, "now", now, error))
    return false;
  if (const JsonValue* pick = o.get("pick"); pick && pick->type != JsonValue::Type::Null) {
    const double n = pick->type == JsonValue::Type::Number ? std::strtod(pick->text.c_str(), nullptr) : -1;
    if (pick->type != JsonValue::Type::Number || !(n >= 0 && n <= 1e6)) {
      error = "option pick must be a number from 1";
      return false;
    }
    options.pick = static_cast<std::size_t>(n);
  }
  if (const JsonValue* domains = o.get("trustedDomains"); domains && domains->type != JsonValue::Type::Null) {
    if (!domains->is_array()) {
      error = "option trustedDomains must be an array of strings";
      return false;
    }
    for (const JsonValue& d : domains->items) {
      if (!d.is_string()) {
        error = "option trustedDomains must be an array of strings";
        return false;
      }
      options.trustedDomains.push_back(d.text);
    }
  }
  if (!now.empty()) {
    options.now = parse_xs_datetime(now);
    if (!options.now) {
      error = "option now must be a time such as 2026-11-28T00:00:00Z";
      return false;
    }
  }
  return true;
}

}  // namespace sso::wasm

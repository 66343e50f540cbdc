#include "wasm/options_json.hpp"

#include "clock.hpp"
#include "input/text.hpp"
#include "input/json_reader.hpp"
#include "limits.hpp"

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
    // A whole number as JSON writes it ("2", never "2.0" or "2e0": JSON.stringify gives the first).
    const std::optional<uint32_t> n =
        pick->type == JsonValue::Type::Number ? read_decimal(pick->text, limits::kMaxPick) : std::nullopt;
    if (!n) {
      error = "option pick must be a whole number: 1 for a capture's first response, 2 for its second… (0: the first)";
      return false;
    }
    options.pick = *n;
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

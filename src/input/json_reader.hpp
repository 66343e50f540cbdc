// JSON as browser exports hold it (HAR files, SAML-tracer exports): read into a small tree, with
// a depth limit, refusing what is not JSON. Only what finding a SAMLResponse needs: strings are
// decoded (\uXXXX and surrogate pairs included), numbers kept as their text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sso {

struct JsonValue {
  enum class Type { Null, Bool, Number, String, Array, Object };
  Type type = Type::Null;
  bool boolean = false;
  std::string text;  // a string's value, or a number as written
  std::vector<JsonValue> items;
  std::vector<std::pair<std::string, JsonValue>> members;

  // The member named `key` (the first), or nullptr; nullptr also when this is not an object.
  const JsonValue* get(std::string_view key) const;
  // The member `key` when it is a string.
  std::optional<std::string> string_at(std::string_view key) const;
  bool is_array() const { return type == Type::Array; }
  bool is_object() const { return type == Type::Object; }
  bool is_string() const { return type == Type::String; }
};

// nullopt when `text` is not one JSON value (with white space around it), or nests deeper than 64.
std::optional<JsonValue> read_json(std::string_view text);

}  // namespace sso

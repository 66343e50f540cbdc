#include "input/json_reader.hpp"

#include "input/text.hpp"

namespace sso {

const JsonValue* JsonValue::get(std::string_view key) const {
  if (type != Type::Object) return nullptr;
  for (const auto& [name, value] : members)
    if (name == key) return &value;
  return nullptr;
}

std::optional<std::string> JsonValue::string_at(std::string_view key) const {
  const JsonValue* v = get(key);
  return v && v->is_string() ? std::optional<std::string>(v->text) : std::nullopt;
}

namespace {
constexpr int kMaxDepth = 64;

class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  bool document(JsonValue& out) {
    space();
    if (!value(out, 0)) return false;
    space();
    return at_ == s_.size();
  }

 private:
  void space() {
    while (at_ < s_.size() && (s_[at_] == ' ' || s_[at_] == '\t' || s_[at_] == '\n' || s_[at_] == '\r')) ++at_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  bool value(JsonValue& out, int depth) {
    if (depth > kMaxDepth || at_ >= s_.size()) return false;
    switch (s_[at_]) {
      case '{': return object(out, depth);
      case '[': return array(out, depth);
      case '"': out.type = JsonValue::Type::String; return string(out.text);
      case 't': out.type = JsonValue::Type::Bool; out.boolean = true; return literal("true");
      case 'f': out.type = JsonValue::Type::Bool; return literal("false");
      case 'n': return literal("null");
      default: return number(out);
    }
  }

  bool object(JsonValue& out, int depth) {
    out.type = JsonValue::Type::Object;
    ++at_;
    space();
    if (at_ < s_.size() && s_[at_] == '}') return ++at_, true;
    for (;;) {
      space();
      std::string key;
      if (at_ >= s_.size() || s_[at_] != '"' || !string(key)) return false;
      space();
      if (at_ >= s_.size() || s_[at_++] != ':') return false;
      space();
      out.members.emplace_back(std::move(key), JsonValue());
      if (!value(out.members.back().second, depth + 1)) return false;
      space();
      if (at_ >= s_.size()) return false;
      if (s_[at_] == '}') return ++at_, true;
      if (s_[at_++] != ',') return false;
    }
  }

  bool array(JsonValue& out, int depth) {
    out.type = JsonValue::Type::Array;
    ++at_;
    space();
    if (at_ < s_.size() && s_[at_] == ']') return ++at_, true;
    for (;;) {
      space();
      out.items.emplace_back();
      if (!value(out.items.back(), depth + 1)) return false;
      space();
      if (at_ >= s_.size()) return false;
      if (s_[at_] == ']') return ++at_, true;
      if (s_[at_++] != ',') return false;
    }
  }

  bool number(JsonValue& out) {
    const std::size_t start = at_;
    if (at_ < s_.size() && s_[at_] == '-') ++at_;
    bool digits = false;
    while (at_ < s_.size() && ((s_[at_] >= '0' && s_[at_] <= '9') || s_[at_] == '.' || s_[at_] == 'e' || s_[at_] == 'E' ||
                               s_[at_] == '+' || s_[at_] == '-')) {
      digits |= s_[at_] >= '0' && s_[at_] <= '9';
      ++at_;
    }
    out.type = JsonValue::Type::Number;
    out.text.assign(s_.substr(start, at_ - start));
    return digits;
  }

  int hex4() {
    if (at_ + 4 > s_.size()) return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[at_++];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  }

  bool string(std::string& out) {
    ++at_;  // the opening quote
    for (;;) {
      if (at_ >= s_.size()) return false;
      const char c = s_[at_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_ >= s_.size()) return false;
      const char e = s_[at_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          int cp = hex4();
          if (cp < 0) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair
            if (s_.substr(at_, 2) != "\\u") return false;
            at_ += 2;
            const int low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          append_utf8(out, static_cast<uint32_t>(cp));
          break;
        }
        default: return false;
      }
    }
  }

  std::string_view s_;
  std::size_t at_ = 0;
};
}  // namespace

std::optional<JsonValue> read_json(std::string_view text) {
  JsonValue v;
  if (!Reader(text).document(v)) return std::nullopt;
  return v;
}

}  // namespace sso

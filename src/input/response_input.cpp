#include "input/response_input.hpp"

#include <cstring>

#include "input/base64.hpp"
#include "input/json_reader.hpp"
#include "input/text.hpp"

namespace sso {

std::string_view root_local_name(std::string_view xml) {
  std::size_t at = 0;
  if (xml.substr(0, 3) == "\xEF\xBB\xBF") at = 3;
  for (;;) {
    while (at < xml.size() && is_ascii_space(xml[at])) ++at;
    if (xml.substr(at, 2) == "<?") {
      at = xml.find("?>", at);
    } else if (xml.substr(at, 4) == "<!--") {
      at = xml.find("-->", at);
    } else {
      break;
    }
    if (at == std::string_view::npos) return {};
    at += at < xml.size() && xml[at] == '?' ? 2 : 3;
  }
  // A DOCTYPE (refused later, when parsed) is stepped over here, internal subset and all.
  if (xml.substr(at, 9) == "<!DOCTYPE") {
    int brackets = 0;
    for (; at < xml.size(); ++at) {
      if (xml[at] == '[') ++brackets;
      else if (xml[at] == ']') --brackets;
      else if (xml[at] == '>' && brackets <= 0) break;
    }
    ++at;
    while (at < xml.size() && is_ascii_space(xml[at])) ++at;
  }
  if (at >= xml.size() || xml[at] != '<' || xml.substr(at, 2) == "<!") return {};
  std::size_t end = at + 1;
  while (end < xml.size() && !is_ascii_space(xml[end]) && xml[end] != '>' && xml[end] != '/') ++end;
  std::string_view qname = xml.substr(at + 1, end - at - 1);
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

namespace {
bool is_response_xml(std::string_view xml) { return root_local_name(xml) == "Response"; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX decoded; '+' a space only in a form body (where base64's own '+' arrives as %2B).
std::string percent_decoded(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += plus_is_space && s[i] == '+' ? ' ' : s[i];
  }
  return out;
}

bool is_form_encoded(std::string_view v) {
  return v.find('%') != std::string_view::npos;
}

// A SAMLResponse value (base64, perhaps URL-encoded) as XML; "" when it is not a response.
std::string decode_value(std::string_view value, bool from_form) {
  const std::string plain = is_form_encoded(value) ? percent_decoded(value, from_form) : std::string(value);
  if (!looks_like_base64(plain)) return "";
  const Base64Result bytes = decode_base64(plain);
  if (!bytes.ok || !is_response_xml(bytes.bytes)) return "";
  return bytes.bytes;
}

// The value of `name` in a form body ("a=1&SAMLResponse=…&RelayState=…"), still encoded.
std::optional<std::string_view> form_value(std::string_view body, std::string_view name) {
  std::size_t at = 0;
  while (at <= body.size()) {
    std::size_t end = body.find('&', at);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view pair = body.substr(at, end - at);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == name) return trim(pair.substr(eq + 1));
    at = end + 1;
  }
  return std::nullopt;
}

// Every POST of a HAR file (Chrome, Firefox: log.entries[].request) that carried a SAMLResponse.
void from_har(const JsonValue& har, std::vector<CapturedPost>& out) {
  const JsonValue* log = har.get("log");
  const JsonValue* entries = log ? log->get("entries") : nullptr;
  if (!entries || !entries->is_array()) return;
  for (const JsonValue& entry : entries->items) {
    const JsonValue* request = entry.get("request");
    if (!request || request->string_at("method") != "POST") continue;
    const JsonValue* post = request->get("postData");
    if (!post) continue;
    std::string xml;
    if (const JsonValue* params = post->get("params"); params && params->is_array())
      for (const JsonValue& p : params->items)
        if (p.string_at("name") == "SAMLResponse")
          if (const auto v = p.string_at("value")) xml = decode_value(*v, true);
    if (xml.empty())
      if (const auto text = post->string_at("text"))
        if (const auto v = form_value(*text, "SAMLResponse")) xml = decode_value(*v, true);
    if (!xml.empty()) out.push_back({entry.string_at("startedDateTime"), request->string_at("url"), std::move(xml)});
  }
}

// Every request of a SAML-tracer export ({"requests": [...]}) with a SAMLResponse: its decoded
// "saml" where the export kept it (its filters may have hashed the POST values), else the POST's.
void from_saml_tracer(const JsonValue& trace, std::vector<CapturedPost>& out) {
  const JsonValue* requests = trace.get("requests");
  if (!requests || !requests->is_array()) return;
  for (const JsonValue& r : requests->items) {
    std::string xml;
    if (const auto saml = r.string_at("saml"); saml && is_response_xml(*saml)) xml = *saml;
    if (const JsonValue* post = r.get("post"); xml.empty() && post && post->is_array())
      for (const JsonValue& pair : post->items)
        if (pair.is_array() && pair.items.size() == 2 && pair.items[0].is_string() &&
            pair.items[0].text == "SAMLResponse" && pair.items[1].is_string())
          xml = decode_value(pair.items[1].text, false);
    if (!xml.empty()) out.push_back({r.string_at("timestamp"), r.string_at("url"), std::move(xml)});
  }
}
}  // namespace

namespace {
std::optional<ResponseInput> read_any_form(std::string_view text, std::size_t pick);

// A response's XML as it came: without the UTF-8 byte order mark some IdPs put before it.
void strip_bom(std::string& xml) {
  if (xml.compare(0, 3, "\xEF\xBB\xBF") == 0) xml.erase(0, 3);
}
}  // namespace

std::optional<ResponseInput> read_response_input(std::string_view text, std::size_t pick) {
  std::optional<ResponseInput> found = read_any_form(text, pick);
  if (found) {
    strip_bom(found->xml);
    for (CapturedPost& c : found->captured) strip_bom(c.xml);
  }
  return found;
}

namespace {
std::optional<ResponseInput> read_any_form(std::string_view text, std::size_t pick) {
  const std::string_view t = trim(text);
  ResponseInput in;
  if (t.empty()) return std::nullopt;
  if (t.front() == '<') {
    if (!is_response_xml(t)) return std::nullopt;
    in.format = "xml";
    in.xml.assign(text);
    return in;
  }
  if (t.front() == '{') {
    const std::optional<JsonValue> json = read_json(t);
    if (!json || !json->is_object()) return std::nullopt;
    if (json->get("log")) {
      in.format = "har";
      from_har(*json, in.captured);
    } else if (json->get("requests")) {
      in.format = "saml-tracer";
      from_saml_tracer(*json, in.captured);
    } else {
      return std::nullopt;
    }
    if (in.captured.empty()) {
      in.problem = "the " + std::string(in.format == "har" ? "HAR file" : "SAML-tracer export") +
                   " holds no POST that carried a SAMLResponse";
      return in;
    }
    in.picked = pick == 0 ? 0 : pick - 1;
    if (in.picked >= in.captured.size()) {
      in.problem = "response " + std::to_string(pick) + " was asked for, and the capture holds " +
                   std::to_string(in.captured.size());
      return in;
    }
    in.xml = in.captured[in.picked].xml;
    return in;
  }
  if (const auto value = form_value(t, "SAMLResponse"); value && t.find('=') != std::string_view::npos) {
    in.format = "post-body";
    in.xml = decode_value(*value, true);
    if (in.xml.empty()) in.problem = "the SAMLResponse in the POST body is not base64 of a SAML response";
    return in;
  }
  std::string xml = decode_value(t, false);
  if (xml.empty()) return std::nullopt;
  in.format = "base64";
  in.xml = std::move(xml);
  return in;
}

}  // namespace

}  // namespace sso

// A parsed XML document that is well-formed and namespace-valid, or the reason it is not.
// pugixml parses; the checks it leaves to its users (one root, the declaration's place, declared
// prefixes, duplicate attributes, control characters, depth) are made here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "report/findings.hpp"

namespace sso {

namespace ns {
constexpr const char* kMetadata = "urn:oasis:names:tc:SAML:2.0:metadata";
constexpr const char* kDsig = "http://www.w3.org/2000/09/xmldsig#";
constexpr const char* kMdui = "urn:oasis:names:tc:SAML:metadata:ui";
constexpr const char* kXml = "http://www.w3.org/XML/1998/namespace";
}  // namespace ns

struct XmlProblem {
  Code code;
  std::string message;
};

class XmlDocument {
 public:
  // Parses `text` (UTF-8 without BOM). On failure returns the problem; the document is empty.
  std::optional<XmlProblem> parse(std::string_view text);
  pugi::xml_node root() const { return doc_.document_element(); }
  // Every md:EntityDescriptor in document order, at any depth.
  const std::vector<pugi::xml_node>& entity_descriptors() const { return entities_; }

 private:
  std::optional<XmlProblem> check_document_level(std::string_view text) const;
  std::optional<XmlProblem> check_elements(std::string_view text);
  std::optional<XmlProblem> check_and_decode_values(std::string_view text, pugi::xml_node element);

  pugi::xml_document doc_;
  std::vector<pugi::xml_node> entities_;
};

// Namespace URI of an element (its prefix resolved through its ancestors), and its local name.
std::string_view namespace_uri(pugi::xml_node element);
std::string_view local_name(pugi::xml_node element);
bool is_element(pugi::xml_node node, const char* ns_uri, const char* local);
// The value of an unprefixed attribute, or nullptr.
const char* attribute_value(pugi::xml_node element, const char* name);
// "line 3, column 7" (both 1-based) of a byte offset in text.
std::string line_column(std::string_view text, std::size_t offset);

}  // namespace sso

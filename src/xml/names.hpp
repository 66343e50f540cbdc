// Names in a parsed document as Namespaces in XML reads them: an element's namespace URI (its
// prefix resolved through its ancestors) and local name, attributes and text.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace sso {

namespace ns {
constexpr const char* kXml = "http://www.w3.org/XML/1998/namespace";
constexpr const char* kDsig = "http://www.w3.org/2000/09/xmldsig#";
}  // namespace ns

std::string_view namespace_uri(pugi::xml_node element);
// Whether namespace_uri(element) == ns_uri (without measuring either).
bool namespace_is(pugi::xml_node element, const char* ns_uri);
std::string_view local_name(pugi::xml_node element);
bool local_name_is(pugi::xml_node element, const char* local);
bool is_element(pugi::xml_node node, const char* ns_uri, const char* local);
// The value of an unprefixed attribute, or nullptr.
const char* attribute_value(pugi::xml_node element, const char* name);

// The first child element with this namespace and local name.
pugi::xml_node child_element(pugi::xml_node parent, const char* ns_uri, const char* local);
// The first child that is an element, whatever its name; null if none.
pugi::xml_node first_child_element(pugi::xml_node parent);
template <typename F>
void for_each_child_element(pugi::xml_node parent, const char* ns_uri, const char* local, F f) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (is_element(c, ns_uri, local)) f(c);
}

// The text of an element: its text and CDATA children joined. `interrupted` is set when a
// comment, processing instruction or element sits between them (text a lax reader would cut).
struct ElementText {
  std::string text;
  bool interrupted = false;
};
ElementText element_text(pugi::xml_node element);

}  // namespace sso

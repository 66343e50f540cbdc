#include "xml/names.hpp"

#include <cstring>

namespace sso {

namespace {
// The namespace URI an element's prefix (none: the default namespace) is bound to where it
// stands, as the declaring attribute's NUL-terminated value; nullptr where none is. Names and URIs
// are compared as they are read, byte by byte, without measuring them first: the walk over an
// aggregate asks this for every element, and every strlen was a call and a pass of its own.
const char* bound_uri(pugi::xml_node element) {
  const char* const qname = element.name();
  const char* colon = qname;
  while (*colon != '\0' && *colon != ':') ++colon;
  const std::size_t prefix = *colon == ':' ? static_cast<std::size_t>(colon - qname) : 0;
  if (prefix == 3 && std::strncmp(qname, "xml", 3) == 0) return ns::kXml;
  for (pugi::xml_node n = element; n && n.type() == pugi::node_element; n = n.parent()) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const char* name = a.name();
      // (The first byte alone rules out most names, without a call.)
      if (name[0] != 'x' || std::strncmp(name, "xmlns", 5) != 0) continue;
      if (prefix == 0 ? name[5] == '\0'
                      : (name[5] == ':' && std::strncmp(name + 6, qname, prefix) == 0 && name[6 + prefix] == '\0'))
        return a.value();
    }
  }
  return nullptr;
}

bool same_text(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) ++a, ++b;
  return *a == *b;
}
}  // namespace

std::string_view namespace_uri(pugi::xml_node element) {
  const char* uri = bound_uri(element);
  return uri ? std::string_view(uri) : std::string_view();
}

bool namespace_is(pugi::xml_node element, const char* ns_uri) {
  const char* uri = bound_uri(element);
  return uri ? same_text(uri, ns_uri) : *ns_uri == '\0';
}

// One walk over the name (a well-formed one has at most one colon; after the last is the local
// name), not strlen and then a search: both are calls, and names are a few bytes long.
std::string_view local_name(pugi::xml_node element) {
  const char* const qname = element.name();
  const char* local = qname;
  const char* end = qname;
  for (; *end; ++end)
    if (*end == ':') local = end + 1;
  return {local, static_cast<std::size_t>(end - local)};
}

bool local_name_is(pugi::xml_node element, const char* local) {
  const std::string_view name = local_name(element);
  std::size_t i = 0;
  for (; i < name.size(); ++i)
    if (local[i] != name[i]) return false;  // also where `local` ends first: a name holds no NUL
  return local[i] == '\0';
}

bool is_element(pugi::xml_node node, const char* ns_uri, const char* local) {
  return node.type() == pugi::node_element && local_name_is(node, local) && namespace_is(node, ns_uri);
}

const char* attribute_value(pugi::xml_node element, const char* name) {
  const pugi::xml_attribute a = element.attribute(name);
  return a ? a.value() : nullptr;
}

pugi::xml_node first_child_element(pugi::xml_node parent) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element) return c;
  return {};
}

pugi::xml_node child_element(pugi::xml_node parent, const char* ns_uri, const char* local) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (is_element(c, ns_uri, local)) return c;
  return {};
}

ElementText element_text(pugi::xml_node element) {
  ElementText out;
  bool text_seen = false, gap = false;
  for (pugi::xml_node c = element.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      if (text_seen && gap) out.interrupted = true;
      out.text += c.value();
      text_seen = true;
      gap = false;
    } else {
      gap = true;
    }
  }
  return out;
}

}  // namespace sso

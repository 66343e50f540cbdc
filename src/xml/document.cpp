#include "input/text.hpp"
#include "xml/document.hpp"

#include <cstdint>
#include <cstring>

#include "limits.hpp"

namespace sso {

namespace {
std::string_view prefix_of(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon);
}

// Namespaces in XML: a name has at most one colon, with something on both sides of it.
bool valid_qname(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ||
         (colon > 0 && colon + 1 < qname.size() && qname.find(':', colon + 1) == std::string_view::npos);
}

std::string_view after_colon(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// The first byte at or after `from` below 0x20, skipping eight bytes at a time where none is.
std::size_t first_control_candidate(std::string_view text, std::size_t from) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    // A byte under 0x20 exists where subtracting 0x20 borrows into a byte whose top bit was clear.
    if (((word - 0x2020202020202020ull) & ~word & 0x8080808080808080ull) != 0) break;
  }
  for (; i < text.size(); ++i)
    if (p[i] < 0x20) return i;
  return text.size();
}

// Where "<!" + word (DOCTYPE, ENTITY) first appears, in any case; npos if nowhere.
std::size_t find_declaration(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find("<!"); at != std::string_view::npos; at = text.find("<!", at + 2)) {
    std::size_t k = 0;
    while (k < word.size() && at + 2 + k < text.size() &&
           (text[at + 2 + k] | 0x20) == (word[k] | 0x20))
      ++k;
    if (k == word.size()) return at;
  }
  return std::string_view::npos;
}

struct Binding {
  std::string_view prefix;
  std::string_view uri;
};

// The in-scope namespace declarations while walking the tree once.
class Scope {
 public:
  void enter() { marks_.push_back(bindings_.size()); }
  void leave() {
    bindings_.resize(marks_.back());
    marks_.pop_back();
  }
  void bind(std::string_view prefix, std::string_view uri) { bindings_.push_back({prefix, uri}); }
  // nullptr: the prefix is not declared.
  const std::string_view* resolve(std::string_view prefix) const {
    for (std::size_t i = bindings_.size(); i-- > 0;)
      if (bindings_[i].prefix == prefix) return &bindings_[i].uri;
    return nullptr;
  }

 private:
  std::vector<Binding> bindings_;
  std::vector<std::size_t> marks_;
};

bool xml_char(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// Replaces the references in `raw` (the five predefined entities and character references) by
// what they stand for. With no DTD, every other reference is undefined: false, `bad` naming it.
bool decode_references(std::string_view raw, std::string& out, std::string& bad) {
  out.clear();
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    if (raw[i] != '&') {
      out += raw[i++];
      continue;
    }
    const std::size_t end = raw.find(';', i);
    const std::string_view ref = raw.substr(i + 1, end == std::string_view::npos ? 0 : end - i - 1);
    bad = std::string(raw.substr(i, std::min<std::size_t>(end == std::string_view::npos ? 12 : end - i + 1, 24)));
    if (end == std::string_view::npos || ref.empty()) return false;
    static const std::pair<std::string_view, char> kEntities[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    bool done = false;
    for (const auto& [name, c] : kEntities)
      if (ref == name) {
        out += c;
        done = true;
      }
    if (!done) {
      if (ref[0] != '#' || ref.size() < 2) return false;
      const bool hex = ref[1] == 'x';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty() || digits.size() > 8) return false;
      uint32_t cp = 0;
      for (char d : digits) {
        const int v = d >= '0' && d <= '9' ? d - '0' : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                    : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
        if (v < 0) return false;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      }
      if (!xml_char(cp)) return false;
      append_utf8(out, cp);
    }
    i = end + 1;
  }
  return true;
}

std::size_t node_offset(pugi::xml_node node) {
  const std::ptrdiff_t off = node.offset_debug();
  // offset_debug points at the name; step back over '<'.
  return off > 0 ? static_cast<std::size_t>(off - 1) : 0;
}
}  // namespace

std::string line_column(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  // Columns count characters, not bytes: skip UTF-8 continuation bytes.
  std::size_t column = 1;
  for (std::size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::optional<XmlProblem> XmlDocument::parse(std::string_view text) {
  entities_.clear();
  for (const char* word : {"DOCTYPE", "ENTITY"}) {
    const std::size_t at = find_declaration(text, word);
    if (at != std::string_view::npos) {
      doc_.reset();
      return XmlProblem{Code::XmlDoctype, std::string("The XML holds a ") + (word[0] == 'D' ? "DOCTYPE" : "entity declaration") +
                                              " at " + line_column(text, at) +
                                              ". SAML metadata never needs one, and it can make a parser read files or "
                                              "expand entities without end, so it is refused. Remove it and paste again."};
    }
  }
  // Control characters are not XML; pugixml would also stop reading at a NUL.
  for (std::size_t i = first_control_candidate(text, 0); i < text.size(); i = first_control_candidate(text, i + 1)) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      doc_.reset();
      return XmlProblem{Code::XmlMalformed, "Not well-formed XML: control character U+00" +
                                                std::string(1, "0123456789ABCDEF"[c >> 4]) + "0123456789ABCDEF"[c & 15] +
                                                " at " + line_column(text, i) + ". Paste the metadata file's text again."};
    }
  }
  // parse_fragment keeps text outside the root, which pugixml otherwise drops without a word.
  // parse_escapes is left out: check_and_decode_values() decodes references after checking them.
  const unsigned options = (pugi::parse_default & ~pugi::parse_escapes) | pugi::parse_declaration | pugi::parse_fragment;
  const pugi::xml_parse_result result = doc_.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (result.status == pugi::status_out_of_memory) {
    doc_.reset();
    return XmlProblem{Code::InputOutOfMemory, "The document needs more memory than the helper may use (1 GiB in "
                                              "the page). Paste one entity's metadata rather than the whole aggregate."};
  }
  if (!result) {
    const std::size_t at = result.offset > 0 ? static_cast<std::size_t>(result.offset) : 0;
    doc_.reset();
    return XmlProblem{Code::XmlMalformed, std::string("Not well-formed XML: ") + result.description() + " at " +
                                              line_column(text, at) +
                                              ". Copy the whole metadata file again (it may be cut short)."};
  }
  if (auto problem = check_document_level(text)) {
    doc_.reset();
    return problem;
  }
  if (auto problem = check_elements(text)) {
    doc_.reset();
    entities_.clear();
    return problem;
  }
  return std::nullopt;
}

std::optional<XmlProblem> XmlDocument::check_document_level(std::string_view text) const {
  bool root_seen = false;
  for (pugi::xml_node node = doc_.first_child(); node; node = node.next_sibling()) {
    switch (node.type()) {
      case pugi::node_declaration:
        if (node != doc_.first_child() || node_offset(node) != 1)
          return XmlProblem{Code::XmlMalformed, "Not well-formed XML: the XML declaration (<?xml ...?>) must be the very first thing, "
                                                "but it is at " + line_column(text, node_offset(node) - 1) +
                                                    ". Delete what comes before it."};
        break;
      case pugi::node_element:
        if (root_seen)
          return XmlProblem{Code::XmlMalformed, "Not well-formed XML: junk after document element at " +
                                                    line_column(text, node_offset(node)) +
                                                    ": a second root element. Paste one metadata document at a time."};
        root_seen = true;
        break;
      case pugi::node_pcdata:
      case pugi::node_cdata:
        return XmlProblem{Code::XmlMalformed, "Not well-formed XML: text outside the root element. Paste only the XML document."};
      default: break;
    }
  }
  if (!root_seen) return XmlProblem{Code::XmlMalformed, "Not well-formed XML: no root element."};
  return std::nullopt;
}

// pugixml reads values raw (parse_escapes is off), so that we can refuse what it would let pass:
// '<' in an attribute value, "]]>" in text, and references to entities no DTD declares. A value
// with references is checked, decoded and written back, so every reader sees the decoded text.
std::optional<XmlProblem> XmlDocument::check_and_decode_values(std::string_view text, pugi::xml_node node) {
  std::string decoded, bad;
  auto malformed = [&](const std::string& what) {
    return XmlProblem{Code::XmlMalformed, "Not well-formed XML: " + what + " (in <" + std::string(node.name()) + "> at " +
                                              line_column(text, node_offset(node)) + ")."};
  };
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    const char* value = a.value();
    if (std::strchr(value, '<')) return malformed(std::string("'<' in the value of attribute ") + a.name());
    if (!std::strchr(value, '&')) continue;
    if (!decode_references(value, decoded, bad))
      return malformed("the reference " + bad + " in attribute " + a.name() + " is not defined");
    a.set_value(decoded.c_str());
  }
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_pcdata) continue;
    const char* value = child.value();
    if (std::strstr(value, "]]>")) return malformed("\"]]>\" in text");
    if (!std::strchr(value, '&')) continue;
    if (!decode_references(value, decoded, bad)) return malformed("the reference " + bad + " is not defined");
    child.set_value(decoded.c_str());
  }
  return std::nullopt;
}

std::optional<XmlProblem> XmlDocument::check_elements(std::string_view text) {
  Scope scope;
  scope.bind("xml", ns::kXml);
  std::size_t depth = 0;
  pugi::xml_node node = doc_.document_element();
  while (node) {
    // Enter `node`.
    ++depth;
    if (depth > limits::kMaxDepth)
      return XmlProblem{Code::XmlTooDeep, "Elements are nested more than " + std::to_string(limits::kMaxDepth) +
                                              " deep (at " + line_column(text, node_offset(node)) +
                                              "); SAML metadata nests about 10 deep. This is not metadata we can read."};
    scope.enter();
    if (auto problem = check_and_decode_values(text, node)) return problem;
    std::size_t attributes = 0;
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
      if (++attributes > limits::kMaxAttributesPerElement)
        return XmlProblem{Code::XmlTooManyAttributes, "An element has more than " +
                                                          std::to_string(limits::kMaxAttributesPerElement) +
                                                          " attributes (at " + line_column(text, node_offset(node)) + ")."};
      const std::string_view name = a.name();
      if (name == "xmlns") {
        scope.bind("", a.value());
      } else if (name.substr(0, 6) == "xmlns:") {
        if (!*a.value())
          return XmlProblem{Code::XmlMalformed, "Not namespace-valid XML: " + std::string(name) +
                                                    " is declared empty at " + line_column(text, node_offset(node)) + "."};
        scope.bind(name.substr(6), a.value());
      }
    }
    const std::string_view qname = node.name();
    if (!valid_qname(qname))
      return XmlProblem{Code::XmlMalformed, "Not namespace-valid XML: the name <" + std::string(qname) +
                                                "> has more than one ':' or an empty part (at " +
                                                line_column(text, node_offset(node)) + ")."};
    const std::string_view prefix = prefix_of(qname);
    const std::string_view* uri = scope.resolve(prefix);
    if (!prefix.empty() && !uri)
      return XmlProblem{Code::XmlMalformed, "Not namespace-valid XML: the prefix \"" + std::string(prefix) +
                                                "\" of <" + std::string(qname) + "> is not declared (at " +
                                                line_column(text, node_offset(node)) +
                                                "). Copy the whole document, with its xmlns declarations."};
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      if (!valid_qname(name))
        return XmlProblem{Code::XmlMalformed, "Not namespace-valid XML: the attribute name " + std::string(name) +
                                                  " has more than one ':' or an empty part (at " +
                                                  line_column(text, node_offset(node)) + ")."};
      const std::string_view attr_prefix = prefix_of(name);
      if (!attr_prefix.empty() && attr_prefix != "xmlns" && !scope.resolve(attr_prefix))
        return XmlProblem{Code::XmlMalformed, "Not namespace-valid XML: the prefix \"" + std::string(attr_prefix) +
                                                  "\" of attribute " + std::string(name) + " is not declared (at " +
                                                  line_column(text, node_offset(node)) + ")."};
      for (pugi::xml_attribute b = a.next_attribute(); b; b = b.next_attribute()) {
        const std::string_view other = b.name();
        bool same = other == name;
        if (!same && !attr_prefix.empty() && attr_prefix != "xmlns" && after_colon(other) == after_colon(name) &&
            !prefix_of(other).empty() && prefix_of(other) != "xmlns") {
          const std::string_view* u1 = scope.resolve(attr_prefix);
          const std::string_view* u2 = scope.resolve(prefix_of(other));
          same = u1 && u2 && *u1 == *u2;
        }
        if (same)
          return XmlProblem{Code::XmlMalformed, "Not well-formed XML: attribute " + std::string(name) +
                                                    " appears twice on <" + std::string(qname) + "> (at " +
                                                    line_column(text, node_offset(node)) + ")."};
      }
    }
    if (uri && *uri == ns::kMetadata && after_colon(qname) == "EntityDescriptor") entities_.push_back(node);

    // Next element in document order: first child, else next sibling, else an ancestor's sibling.
    pugi::xml_node child = node.first_child();
    while (child && child.type() != pugi::node_element) child = child.next_sibling();
    if (child) {
      node = child;
      continue;
    }
    for (;;) {
      scope.leave();
      --depth;
      pugi::xml_node sibling = node.next_sibling();
      while (sibling && sibling.type() != pugi::node_element) sibling = sibling.next_sibling();
      if (sibling) {
        node = sibling;
        break;
      }
      node = node.parent();
      if (!node || node.type() != pugi::node_element) return std::nullopt;
    }
  }
  return std::nullopt;
}

std::string_view namespace_uri(pugi::xml_node element) {
  const std::string_view prefix = prefix_of(element.name());
  if (prefix == "xml") return ns::kXml;
  for (pugi::xml_node n = element; n && n.type() == pugi::node_element; n = n.parent()) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const char* name = a.name();
      if (std::strncmp(name, "xmlns", 5) != 0) continue;
      if (prefix.empty() ? name[5] == '\0'
                         : (name[5] == ':' && std::string_view(name + 6) == prefix))
        return a.value();
    }
  }
  return {};
}

std::string_view local_name(pugi::xml_node element) { return after_colon(element.name()); }

bool is_element(pugi::xml_node node, const char* ns_uri, const char* local) {
  return node.type() == pugi::node_element && local_name(node) == local && namespace_uri(node) == ns_uri;
}

const char* attribute_value(pugi::xml_node element, const char* name) {
  const pugi::xml_attribute a = element.attribute(name);
  return a ? a.value() : nullptr;
}

}  // namespace sso

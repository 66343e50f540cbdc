// A parsed XML document that is well-formed and namespace-valid, or why it is not, with the
// place (like pugixml's xml_parse_result). pugixml parses, in place; the checks it leaves to its
// users (one root, the declaration's place, declared prefixes, duplicate attributes, references,
// control characters, depth) are made here. Nothing here knows SAML.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace sso {

struct XmlParseResult {
  enum class Status { Ok, Doctype, Malformed, NotNamespaceValid, TooDeep, TooManyAttributes, OutOfMemory };
  Status status = Status::Ok;
  std::size_t offset = 0;  // byte offset in the text given to parse()
  std::size_t line = 0;    // 1-based; 0 where the problem has no place
  std::size_t column = 0;  // 1-based, in characters
  std::string description;  // what is wrong, with its place ("… at line 3, column 7")
  std::string remedy;       // what to do, in a sentence ("Delete what comes before it.")

  explicit operator bool() const { return status == Status::Ok; }
};

struct XmlParseOptions {
  // Keep text nodes of white space only, as canonicalization (XML-DSig) needs them. Off, they
  // are dropped (less memory for a large aggregate that nothing signs).
  bool keepWhitespace = false;
  // Elements to list as the checks meet them, by namespace and local name (both given, or
  // none): one walk over the tree, not a second one after parsing. In document order.
  std::string_view collectNamespace = {};
  std::string_view collectLocalName = {};
};

class XmlDocument {
 public:
  XmlDocument() = default;
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  // Parses `text` (UTF-8 without BOM) in place: terminators are written into its bytes, which
  // must stay alive and unchanged for as long as the document is used.
  XmlParseResult parse(char* text, std::size_t size, XmlParseOptions options = {});
  pugi::xml_node root() const { return doc_.document_element(); }
  const pugi::xml_document& document() const { return doc_; }
  // Whether white-space text was kept (XmlParseOptions::keepWhitespace), as a canonical form needs.
  bool keeps_whitespace() const { return keep_whitespace_; }
  // The elements XmlParseOptions::collectNamespace and collectLocalName named, in document order.
  const std::vector<pugi::xml_node>& collected() const { return collected_; }

  // Where a node starts in the text ('<' of an element), as a byte offset and as "line L, column C".
  std::size_t offset_of(pugi::xml_node node) const;
  std::string place(std::size_t offset) const;

 private:
  XmlParseResult fail(XmlParseResult::Status status, std::size_t offset, std::string what, std::string remedy);
  XmlParseResult check_document_level();
  XmlParseResult check_elements();
  XmlParseResult normalize_values(pugi::xml_node node);
  void line_and_column(std::size_t offset, std::size_t& line, std::size_t& column) const;

  pugi::xml_document doc_;
  std::string_view text_;
  bool keep_whitespace_ = false;
  std::string_view collect_namespace_, collect_local_name_;
  std::vector<pugi::xml_node> collected_;
  // What the pass before parsing saw anywhere in the text.
  struct Survey {
    bool ampersand = false;        // a reference may need replacing
    bool carriage_return = false;  // a line end may need normalizing
    bool cdata_end = false;        // "]]>", allowed only to close a CDATA section
  } survey_;
  std::vector<uint32_t> newlines_;  // offsets of the text's line feeds, recorded before parsing
};

}  // namespace sso

// Canonical XML (W3C): Canonical XML 1.0 ("inclusive") and Exclusive XML Canonicalization 1.0,
// each with or without comments, over a parsed document (kept with its white-space text). The
// canonical bytes go to a sink as they are made, so a 30 MB document is hashed without ever
// being held twice.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace sso {

enum class C14nMethod { Inclusive, InclusiveWithComments, Exclusive, ExclusiveWithComments };

namespace c14n_uri {
constexpr const char* kInclusive = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
constexpr const char* kInclusiveWithComments = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
constexpr const char* kExclusive = "http://www.w3.org/2001/10/xml-exc-c14n#";
constexpr const char* kExclusiveWithComments = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
}  // namespace c14n_uri

// The method an algorithm URI names; false when it names none of the four.
bool c14n_method_of(std::string_view uri, C14nMethod& method);
bool is_exclusive(C14nMethod method);

class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual void write(const char* data, std::size_t size) = 0;
};

class StringSink : public ByteSink {
 public:
  void write(const char* data, std::size_t size) override { text.append(data, size); }
  std::string text;
};

struct C14nRequest {
  C14nMethod method = C14nMethod::Exclusive;
  // Exclusive only: the InclusiveNamespaces PrefixList ("#default" for the default namespace).
  std::vector<std::string> inclusivePrefixes;
  // Left out with all it holds (the enveloped-signature transform); none when empty.
  pugi::xml_node excluded;
  // Comments are left out of a node-set made by a same-document reference (URI="" or "#id")
  // whatever the method says: XML-DSig 4.3.3.3. Off for SignedInfo itself.
  bool dropComments = false;
};

// Canonicalizes the subtree of `apex` (an element, or the document node for the whole document)
// into `sink`. The document's values must be as XML reads them (references and line ends
// resolved), as XmlDocument leaves them.
void canonicalize(pugi::xml_node apex, const C14nRequest& request, ByteSink& sink);

}  // namespace sso

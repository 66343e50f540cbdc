// libFuzzer target: the canonicalizer, on the whole document and on every element with an ID,
// by each of the four methods, with a PrefixList taken from the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "xml/c14n.hpp"
#include "xml/document.hpp"
#include "xml/signature.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  sso::XmlDocument doc;
  if (!doc.parse(text.data(), text.size(), {true})) return 0;
  const sso::IdIndex ids(doc.document());
  for (sso::C14nMethod method : {sso::C14nMethod::Inclusive, sso::C14nMethod::InclusiveWithComments,
                                 sso::C14nMethod::Exclusive, sso::C14nMethod::ExclusiveWithComments}) {
    sso::C14nRequest request;
    request.method = method;
    request.inclusivePrefixes = {"#default", "ds", "saml", "xs"};
    sso::StringSink whole;
    sso::canonicalize(doc.document(), request, whole);
    for (pugi::xml_node n = doc.root(); n; n = n.first_child()) {
      if (n.type() != pugi::node_element) continue;
      request.excluded = n.first_child();
      sso::StringSink part;
      sso::canonicalize(n, request, part);
    }
  }
  (void)ids.duplicates();
  return 0;
}

// libFuzzer target: the XML checks and the metadata reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "saml/metadata.hpp"
#include "xml/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  sso::XmlDocument doc;
  if (!doc.parse(text.data(), text.size(), {size % 2 == 0})) return 0;
  const std::vector<pugi::xml_node> entities = sso::entity_descriptors(doc.root());
  const sso::MetadataRead read = sso::read_metadata(entities, "");
  if (!read.saml2IdpIds.empty()) (void)sso::read_metadata(entities, read.saml2IdpIds.back());
  return 0;
}

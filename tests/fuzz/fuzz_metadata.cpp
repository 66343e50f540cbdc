// libFuzzer target: the XML checks and the metadata reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "saml/metadata.hpp"
#include "xml/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sso::XmlDocument doc;
  if (doc.parse(std::string_view(reinterpret_cast<const char*>(data), size))) return 0;
  const sso::MetadataRead read = sso::read_metadata(doc, "");
  if (!read.saml2IdpIds.empty()) (void)sso::read_metadata(doc, read.saml2IdpIds.back());
  return 0;
}

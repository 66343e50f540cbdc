#include "cli/canonicalize.hpp"

#include <sstream>

#include "xml/c14n.hpp"
#include "xml/document.hpp"
#include "xml/signature.hpp"

namespace sso::cli {

bool canonicalize_file(const CommandLine& cl, std::string& text, std::string& out, std::string& error) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"c14n", c14n_uri::kInclusive}, {"c14n-comments", c14n_uri::kInclusiveWithComments},
      {"exc-c14n", c14n_uri::kExclusive}, {"exc-c14n-comments", c14n_uri::kExclusiveWithComments}};
  std::string uri = cl.canonicalize;
  for (const auto& [name, full] : kNames)
    if (uri == name) uri = full;
  C14nRequest request;
  if (!c14n_method_of(uri, request.method)) {
    error = "unknown canonicalization " + cl.canonicalize;
    return false;
  }
  std::istringstream prefixes(cl.canonicalizePrefixes);
  for (std::string p; prefixes >> p;) request.inclusivePrefixes.push_back(p);
  XmlDocument doc;
  if (const XmlParseResult parsed = doc.parse(text.data(), text.size(), {true}); !parsed) {
    error = parsed.description;
    return false;
  }
  pugi::xml_node apex = doc.document();
  if (!cl.canonicalizeId.empty()) {
    const IdIndex ids(doc.document());
    apex = ids.unique(cl.canonicalizeId);
    if (!apex) {
      error = "no single element with ID " + cl.canonicalizeId;
      return false;
    }
  }
  StringSink sink;
  canonicalize(apex, request, sink);
  out = std::move(sink.text);
  return true;
}

}  // namespace sso::cli

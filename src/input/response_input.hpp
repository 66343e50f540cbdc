// A SAML response as admins have it after a failed login: the XML itself; base64 of it (one
// line or wrapped, URL-encoded or not, as the browser's network panel shows it); a POST body
// (SAMLResponse=…&RelayState=…); a SAML-tracer export or a browser HAR file, which may hold
// several (every POST that carried a SAMLResponse), one of which is picked.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sso {

struct CapturedPost {
  std::optional<std::string> time;  // when the browser sent it (HAR: startedDateTime)
  std::optional<std::string> url;   // where it was posted (the ACS)
  std::string xml;                  // the decoded response
};

struct ResponseInput {
  std::string xml;                    // the response picked, as XML text
  std::string format;                 // "xml", "base64", "post-body", "saml-tracer", "har"
  std::vector<CapturedPost> captured; // from an export: every response found, in order
  std::size_t picked = 0;             // index into `captured`
  std::string problem;                // set: it is one of these forms but unusable (why)
};

// Whether `text` holds a SAML response in one of the forms above; nullopt when it does not look
// like one at all (metadata, a certificate, something else). `pick` is 1-based; 0 picks the first.
std::optional<ResponseInput> read_response_input(std::string_view text, std::size_t pick);

// The local name of the document element of XML text, without parsing it all ("" if none).
std::string_view root_local_name(std::string_view xml);

}  // namespace sso

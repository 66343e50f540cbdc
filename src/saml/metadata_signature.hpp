// The signature on the root of a metadata document (an IdP's own file, or a federation aggregate
// of tens of MB): verified with the certificate the admin trusts (the federation's or the IdP's
// metadata-signing key), else checked against its own KeyInfo certificate only (intact, never
// verified). Findings say what the result means in plain words. Twilio does not read this
// signature; it tells the admin whether the file is the one its signer published.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "report/report.hpp"
#include "xml/document.hpp"
#include "xml/signature.hpp"

namespace sso {

// Whether the document element's first child element is named Signature (any prefix), read
// from the head of the text before parsing: SAML's metadata schema places a document's signature
// there, and signing tools put it there. Only then is the document parsed with its white-space
// text kept, as canonicalization needs; an aggregate of 30 MB is not searched for one.
bool signature_first_at_root(std::string_view text);

// nullopt when the document element carries no ds:Signature. One that is not its first child
// element is refused by name, never checked. `progress` (may be empty) is told the fraction of
// the document hashed.
std::optional<MetadataSignature> check_metadata_signature(const XmlDocument& doc, std::size_t document_bytes,
                                                          const std::vector<TrustedCertificate>& trusted,
                                                          const std::function<void(double)>& progress,
                                                          Findings& findings);

}  // namespace sso

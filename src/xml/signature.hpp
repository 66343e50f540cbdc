// XML signatures (XML-DSig) verified the way DESIGN.md accepts them, written for an attacker:
// one Reference, to the very element that holds the Signature (by an ID unique in the whole
// document), or "" for the document element's own signature; the enveloped-signature transform
// and one canonicalization; SHA-1/224/256/384/512; RSA PKCS#1 v1.5, RSA-PSS, ECDSA. Everything
// else is refused by name. The KeyInfo certificate is never trusted, only compared. Nothing
// here knows SAML: callers read values only from `signedElement`, the element a verified
// signature covers.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

#include "xml/c14n.hpp"

namespace sso {

namespace ns {
constexpr const char* kExcC14n = "http://www.w3.org/2001/10/xml-exc-c14n#";
}

// Every element's ID attribute in a document, with how many elements carry each value.
class IdIndex {
 public:
  explicit IdIndex(pugi::xml_node root);
  // The element with this ID when exactly one has it; the count otherwise.
  pugi::xml_node unique(std::string_view id) const;
  std::size_t count(std::string_view id) const;
  // IDs that two elements or more carry.
  std::vector<std::string> duplicates() const;

 private:
  std::unordered_map<std::string_view, std::pair<pugi::xml_node, std::size_t>> ids_;
};

// A certificate trusted to sign: its DER bytes and SHA-256 fingerprint ("AB:CD:…").
struct TrustedCertificate {
  std::string der;
  std::string sha256;
};

struct SignatureCheck {
  enum class Refusal { None, Unsupported, Wrapping, Malformed };
  Refusal refusal = Refusal::None;
  std::string reason;  // why it does not verify, or why it was refused, in plain words

  pugi::xml_node signature;
  pugi::xml_node signedElement;  // what the Reference covers (the document element for "")
  std::string referenceUri;      // as written: "#_abc" or ""
  std::string signatureAlgorithm;
  std::string digestAlgorithm;
  std::string canonicalization;  // of the Reference (its last transform)
  bool weakAlgorithm = false;    // SHA-1 digest or signature

  bool digestMatches = false;      // the canonical bytes hash to the DigestValue
  bool signedByTrusted = false;    // the SignatureValue verifies with a trusted certificate
  bool signedByKeyInfo = false;    // … with the KeyInfo certificate
  std::optional<std::string> keyInfoSha256;
  std::optional<std::string> verifiedWithSha256;
  std::optional<bool> verified;  // digest and SignatureValue with a trusted certificate; null: none given
  std::optional<bool> intact;    // digest and SignatureValue with the KeyInfo certificate; null: none there
  std::string canonical;         // the bytes the digest was taken of, when asked for
};

struct SignatureOptions {
  bool keepCanonical = false;  // fill SignatureCheck::canonical (for showing a failed digest)
  // Told how many canonical bytes of the referenced element have been hashed, every MiB.
  std::function<void(std::size_t)> onCanonicalBytes;
};

SignatureCheck verify_signature(pugi::xml_node signature, const IdIndex& ids,
                                const std::vector<TrustedCertificate>& trusted, const SignatureOptions& options = {});

}  // namespace sso

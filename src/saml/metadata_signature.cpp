#include "saml/metadata_signature.hpp"

#include <cstring>

#include "input/text.hpp"
#include "xml/names.hpp"

namespace sso {

namespace {
constexpr const char* kSigner = "signer";

std::string short_fingerprint(const std::optional<std::string>& sha256) {
  return sha256 ? " (SHA-256 " + sha256->substr(0, 11) + "…)" : "";
}

// The findings for one checked signature, in the admin's words. With a certificate to trust,
// a failure is an error (the admin asked whether this is the published file); without one, a
// warning (Twilio does not read the signature; the values may still be right).
void report_check(const SignatureCheck& c, bool trusted_given, MetadataSignature& out, Findings& findings) {
  const Severity failure = trusted_given ? Severity::Error : Severity::Warning;
  switch (c.refusal) {
    case SignatureCheck::Refusal::Wrapping:
      out.reason = "refused: " + c.reason;
      findings.add(Code::SignatureWrapping, failure,
                   "The metadata's signature is refused: " + c.reason +
                       ". What it signs is not this document as a whole, so nothing in it can be taken as signed.",
                   "", "");
      return;
    case SignatureCheck::Refusal::Unsupported:
      out.reason = "refused: " + c.reason;
      findings.add(Code::SignatureUnsupported, failure,
                   "The metadata's signature cannot be checked here: " + c.reason +
                       ". The values below are read from the document as it is.",
                   "", "");
      return;
    case SignatureCheck::Refusal::Malformed:
      out.reason = "cannot be checked: " + c.reason;
      findings.add(Code::SignatureInvalid, failure,
                   "The metadata's signature cannot be checked: " + c.reason + ".", "", "");
      return;
    case SignatureCheck::Refusal::None: break;
  }
  if (c.weakAlgorithm)
    findings.add(Code::SignatureWeakAlgorithm, Severity::Info,
                 "The metadata is signed with SHA-1 (" +
                     (c.signatureAlgorithm.find("sha1") != std::string::npos ? c.signatureAlgorithm : c.digestAlgorithm) +
                     "). Twilio does not read this signature, but service providers that import metadata may "
                     "refuse SHA-1; older NetScaler appliances sign so.",
                 "", "");
  C14nMethod method;
  if (c14n_method_of(c.canonicalization, method) && method != C14nMethod::Exclusive)
    findings.add(Code::SignatureCanonicalization, Severity::Info,
                 "The metadata is signed with " + c.canonicalization +
                     " rather than exclusive C14N; it is accepted (several federations sign so).",
                 "", "");
  if (!c.digestMatches) {
    out.reason =
        "changed after signing: its canonical bytes do not hash to the DigestValue (which part changed cannot be "
        "known: one digest covers it all)";
    findings.add(Code::SignatureDigestMismatch, failure,
                 "The metadata was changed after it was signed: its canonical bytes no longer hash to the "
                 "signature's DigestValue. One digest covers the whole document, so which entity or value "
                 "changed cannot be known from the signature. Usual causes: the file "
                     "was re-formatted (pretty-printed) or edited after download, or an editor changed its line ends "
                     "or encoding. Download it again from its source and paste it unchanged.",
                 "", "");
    return;
  }
  if (trusted_given) {
    if (c.signedByTrusted) {
      findings.add(Code::MetadataSignatureVerified, Severity::Info,
                   "The metadata's signature verifies with the certificate you trust" +
                       short_fingerprint(c.verifiedWithSha256) +
                       ": this is the document as its signer published it, unchanged.",
                   "", "");
    } else if (c.signedByKeyInfo) {
      out.reason = "unchanged since signed, but signed by a key you have not said you trust";
      findings.add(Code::SignatureUntrustedKey, Severity::Error,
                   "The metadata is unchanged since it was signed, but by another key than the certificate you "
                   "trust: its own KeyInfo certificate" +
                       short_fingerprint(c.keyInfoSha256) +
                       ". Check that you gave your federation's (or IdP's) current metadata-signing certificate.",
                   "", kSigner);
    } else {
      out.reason = "the SignatureValue does not verify with the certificate you trust";
      findings.add(Code::SignatureInvalid, Severity::Error,
                   "The metadata's SignatureValue does not verify with the certificate you trust. Check that you "
                   "gave the metadata-signing certificate of the federation or IdP that published this file.",
                   "", kSigner);
    }
    return;
  }
  if (c.keyInfoSha256 && !c.signedByKeyInfo) {
    out.reason = "the SignatureValue does not verify even with its own KeyInfo certificate";
    findings.add(Code::SignatureInvalid, Severity::Warning,
                 "The metadata's SignatureValue does not verify even with the certificate in its own KeyInfo: it "
                 "was altered or mis-signed. Download it again from its source.",
                 "", "");
    return;
  }
  findings.add(Code::SignatureNotChecked, Severity::Info,
               std::string(c.keyInfoSha256 ? "The metadata is unchanged since it was signed by the certificate in its "
                                             "own KeyInfo" + short_fingerprint(c.keyInfoSha256) +
                                                 ". Anyone can sign with a certificate of their own: "
                                           : "The metadata's digest matches, but it names no certificate, so its "
                                             "signature could not be checked: ") +
                   "to know it is your federation's or IdP's, give its metadata-signing certificate.",
               "", kSigner);
}
}  // namespace

namespace {
constexpr std::size_t kNowhere = std::string_view::npos;

// One past the end of the comment, processing instruction or CDATA section that starts at `at`
// ('<'); kNowhere for any other markup (a DOCTYPE, which the parser refuses) or an unclosed one.
std::size_t past_markup(std::string_view text, std::size_t at) {
  std::string_view close;
  std::size_t open = 0;
  if (text.compare(at, 4, "<!--") == 0) {
    open = 4, close = "-->";
  } else if (text.compare(at, 2, "<?") == 0) {
    open = 2, close = "?>";
  } else if (text.compare(at, 9, "<![CDATA[") == 0) {
    open = 9, close = "]]>";
  } else {
    return kNowhere;
  }
  const std::size_t end = text.find(close, at + open);
  return end == kNowhere ? kNowhere : end + close.size();
}

// One past the '>' of the start tag that starts at `at`, stepping over quoted attribute values.
std::size_t past_start_tag(std::string_view text, std::size_t at) {
  for (std::size_t i = at + 1;;) {
    i = text.find_first_of("\"'>", i);
    if (i == kNowhere) return kNowhere;
    if (text[i] == '>') return i + 1;
    const std::size_t quote_end = text.find(text[i], i + 1);
    if (quote_end == kNowhere) return kNowhere;
    i = quote_end + 1;
  }
}
}  // namespace

bool signature_first_at_root(std::string_view text) {
  bool in_root = false;
  for (std::size_t at = 0;;) {
    at = text.find('<', at);  // before the root only white space; inside it, text holds no '<'
    if (at == kNowhere || at + 1 >= text.size()) return false;
    const char next = text[at + 1];
    if (next == '!' || next == '?') {
      at = past_markup(text, at);
      if (at == kNowhere) return false;
    } else if (next == '/') {
      return false;  // the root closes before any child element
    } else if (!in_root) {
      at = past_start_tag(text, at);
      if (at == kNowhere || text[at - 2] == '/') return false;  // unclosed, or an empty root
      in_root = true;
    } else {
      const std::size_t name_end = text.find_first_of(" \t\r\n/>", at + 1);
      if (name_end == kNowhere) return false;
      const std::string_view qname = text.substr(at + 1, name_end - at - 1);
      const std::size_t colon = qname.find(':');
      return qname.substr(colon == kNowhere ? 0 : colon + 1) == "Signature";
    }
  }
}

std::optional<MetadataSignature> check_metadata_signature(const XmlDocument& doc, std::size_t document_bytes,
                                                          const std::vector<TrustedCertificate>& trusted,
                                                          const std::function<void(double)>& progress,
                                                          Findings& findings) {
  const pugi::xml_node root = doc.root();
  std::vector<pugi::xml_node> signatures;
  for_each_child_element(root, ns::kDsig, "Signature", [&](pugi::xml_node s) { signatures.push_back(s); });
  if (signatures.empty()) return std::nullopt;
  MetadataSignature out;
  const bool trusted_given = !trusted.empty();
  if (trusted_given) out.verified = false;
  if (signatures.size() > 1) {
    out.reason = "refused: the document element carries " + std::to_string(signatures.size()) + " signatures";
    findings.add(Code::SignatureWrapping, trusted_given ? Severity::Error : Severity::Warning,
                 "The metadata's document element carries " + std::to_string(signatures.size()) +
                     " signatures; one is accepted, so none is taken as its signature.",
                 "", "");
    return out;
  }
  const Severity failure = trusted_given ? Severity::Error : Severity::Warning;
  if (signatures[0] != first_child_element(root)) {
    out.reason = "refused: the Signature is not the first element inside the document element, where SAML's "
                 "metadata schema places it";
    findings.add(Code::SignatureUnsupported, failure,
                 std::string("The metadata's signature is not checked: it is not the first element inside <") +
                     root.name() +
                     ">, where SAML's metadata schema places it and signing tools put it. Download the file again "
                     "from its publisher; if it is made so there, ask them to sign it with a standard tool.",
                 "", "");
    return out;
  }
  if (!doc.keeps_whitespace()) {  // signature_first_at_root() and the parser disagree: never expected
    out.reason = "cannot be checked: the document was read without its white space";
    findings.add(Code::SignatureInvalid, failure,
                 "The metadata's signature cannot be checked: the document was read without its white space, "
                 "which its canonical form includes.",
                 "", "");
    return out;
  }
  const IdIndex ids(root.root());
  SignatureOptions options;
  if (progress && document_bytes > 0)
    options.onCanonicalBytes = [&](std::size_t bytes) {
      progress(std::min(1.0, static_cast<double>(bytes) / static_cast<double>(document_bytes)));
    };
  const SignatureCheck check = verify_signature(signatures[0], ids, trusted, options);
  out.referenceId = check.referenceUri.empty() ? "" : check.referenceUri.substr(1);
  out.signatureAlgorithm = check.signatureAlgorithm;
  out.digestAlgorithm = check.digestAlgorithm;
  out.keyInfoSha256 = check.keyInfoSha256;
  out.verifiedWithSha256 = check.verifiedWithSha256;
  out.verified = check.verified;
  out.intact = check.intact;
  report_check(check, trusted_given, out, findings);
  return out;
}

}  // namespace sso

#include "xml/signature.hpp"

#include <cstring>
#include <memory>

#include <mbedtls/md.h>
#include <mbedtls/pk.h>
#include <mbedtls/rsa.h>
#include <mbedtls/x509_crt.h>

#include "input/base64.hpp"
#include "x509/certificate.hpp"
#include "xml/names.hpp"

namespace sso {

IdIndex::IdIndex(pugi::xml_node root) {
  for (pugi::xml_node n = root; n;) {
    if (n.type() == pugi::node_element) {
      if (const pugi::xml_attribute id = n.attribute("ID")) {
        auto& entry = ids_[std::string_view(id.value())];
        if (entry.second++ == 0) entry.first = n;
      }
    }
    // Document order, iteratively.
    if (pugi::xml_node child = n.first_child()) {
      n = child;
      continue;
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    n = n && n != root ? n.next_sibling() : pugi::xml_node();
  }
}

pugi::xml_node IdIndex::unique(std::string_view id) const {
  const auto it = ids_.find(id);
  return it != ids_.end() && it->second.second == 1 ? it->second.first : pugi::xml_node();
}

std::size_t IdIndex::count(std::string_view id) const {
  const auto it = ids_.find(id);
  return it == ids_.end() ? 0 : it->second.second;
}

std::vector<std::string> IdIndex::duplicates() const {
  std::vector<std::string> out;
  for (const auto& [id, entry] : ids_)
    if (entry.second > 1) out.emplace_back(id);
  return out;
}

namespace {
using Refusal = SignatureCheck::Refusal;

constexpr const char* kEnveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

struct DigestAlgorithm {
  const char* uri;
  mbedtls_md_type_t md;
};
const DigestAlgorithm kDigests[] = {
    {"http://www.w3.org/2000/09/xmldsig#sha1", MBEDTLS_MD_SHA1},
    {"http://www.w3.org/2001/04/xmldsig-more#sha224", MBEDTLS_MD_SHA224},
    {"http://www.w3.org/2001/04/xmlenc#sha256", MBEDTLS_MD_SHA256},
    {"http://www.w3.org/2001/04/xmldsig-more#sha384", MBEDTLS_MD_SHA384},
    {"http://www.w3.org/2001/04/xmlenc#sha512", MBEDTLS_MD_SHA512},
};

enum class KeyFamily { Rsa, RsaPss, Ecdsa };
struct SignatureAlgorithm {
  const char* uri;
  KeyFamily family;
  mbedtls_md_type_t md;
};
const SignatureAlgorithm kSignatures[] = {
    {"http://www.w3.org/2000/09/xmldsig#rsa-sha1", KeyFamily::Rsa, MBEDTLS_MD_SHA1},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha224", KeyFamily::Rsa, MBEDTLS_MD_SHA224},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", KeyFamily::Rsa, MBEDTLS_MD_SHA256},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", KeyFamily::Rsa, MBEDTLS_MD_SHA384},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", KeyFamily::Rsa, MBEDTLS_MD_SHA512},
    {"http://www.w3.org/2007/05/xmldsig-more#sha1-rsa-MGF1", KeyFamily::RsaPss, MBEDTLS_MD_SHA1},
    {"http://www.w3.org/2007/05/xmldsig-more#sha224-rsa-MGF1", KeyFamily::RsaPss, MBEDTLS_MD_SHA224},
    {"http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", KeyFamily::RsaPss, MBEDTLS_MD_SHA256},
    {"http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1", KeyFamily::RsaPss, MBEDTLS_MD_SHA384},
    {"http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1", KeyFamily::RsaPss, MBEDTLS_MD_SHA512},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1", KeyFamily::Ecdsa, MBEDTLS_MD_SHA1},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha224", KeyFamily::Ecdsa, MBEDTLS_MD_SHA224},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", KeyFamily::Ecdsa, MBEDTLS_MD_SHA256},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", KeyFamily::Ecdsa, MBEDTLS_MD_SHA384},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", KeyFamily::Ecdsa, MBEDTLS_MD_SHA512},
};

// Algorithms refused by name: what each is, for the reason given.
struct Named {
  const char* uri;
  const char* what;
};
const Named kRefused[] = {
    {"http://www.w3.org/2000/09/xmldsig#hmac-sha1", "HMAC (a shared secret: keyed with a public certificate it is a known forgery)"},
    {"http://www.w3.org/2001/04/xmldsig-more#hmac-sha224", "HMAC (a shared secret: keyed with a public certificate it is a known forgery)"},
    {"http://www.w3.org/2001/04/xmldsig-more#hmac-sha256", "HMAC (a shared secret: keyed with a public certificate it is a known forgery)"},
    {"http://www.w3.org/2001/04/xmldsig-more#hmac-sha384", "HMAC (a shared secret: keyed with a public certificate it is a known forgery)"},
    {"http://www.w3.org/2001/04/xmldsig-more#hmac-sha512", "HMAC (a shared secret: keyed with a public certificate it is a known forgery)"},
    {"http://www.w3.org/2000/09/xmldsig#dsa-sha1", "DSA"},
    {"http://www.w3.org/2009/xmldsig11#dsa-sha256", "DSA"},
    {"http://www.w3.org/TR/1999/REC-xpath-19991116", "an XPath transform"},
    {"http://www.w3.org/2002/06/xmldsig-filter2", "an XPath Filter 2.0 transform"},
    {"http://www.w3.org/TR/1999/REC-xslt-19991116", "an XSLT transform"},
    {"http://www.w3.org/2000/09/xmldsig#base64", "a base64 transform"},
    {"http://www.w3.org/2006/12/xml-c14n11", "Canonical XML 1.1"},
    {"http://www.w3.org/2006/12/xml-c14n11#WithComments", "Canonical XML 1.1"},
};

std::string named(std::string_view uri) {
  for (const Named& n : kRefused)
    if (uri == n.uri) return std::string(n.what) + " (" + n.uri + ")";
  return uri.empty() ? std::string("an algorithm with no name") : "the algorithm " + std::string(uri);
}

bool is_dsig(pugi::xml_node n, const char* local) { return is_element(n, ns::kDsig, local); }

// The element children of `parent`, skipping white space, comments and processing instructions.
std::vector<pugi::xml_node> element_children(pugi::xml_node parent, bool& stray_text) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) out.push_back(c);
    else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) && c.value()[strspn(c.value(), " \t\r\n")])
      stray_text = true;
  }
  return out;
}

// Base64 text of an element such as DigestValue; false when a comment or anything but text cuts it
// (seen, not skipped: a reader that skipped it would read other bytes than another reader).
bool base64_text(pugi::xml_node e, std::string& bytes, std::string& why) {
  const ElementText text = element_text(e);
  bool other = false;
  for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling())
    other |= c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata;
  if (other) {
    why = std::string("the ") + std::string(local_name(e)) + " holds a comment or markup inside its text";
    return false;
  }
  const Base64Result decoded = decode_base64(text.text);
  if (!decoded.ok || decoded.bytes.empty()) {
    why = std::string("the ") + std::string(local_name(e)) + " is not base64" + (decoded.ok ? " (it is empty)" : ": " + decoded.error);
    return false;
  }
  bytes = decoded.bytes;
  return true;
}

class HashSink : public ByteSink {
 public:
  explicit HashSink(mbedtls_md_type_t md) {
    mbedtls_md_init(&ctx_);
    ok_ = mbedtls_md_setup(&ctx_, mbedtls_md_info_from_type(md), 0) == 0 && mbedtls_md_starts(&ctx_) == 0;
  }
  ~HashSink() override { mbedtls_md_free(&ctx_); }
  HashSink(const HashSink&) = delete;
  HashSink& operator=(const HashSink&) = delete;
  void write(const char* data, std::size_t size) override {
    if (ok_) ok_ = mbedtls_md_update(&ctx_, reinterpret_cast<const unsigned char*>(data), size) == 0;
    if (keep) kept.append(data, size);
    written_ += size;
    if (on_bytes && written_ - told_ >= (std::size_t{1} << 20)) {
      told_ = written_;
      on_bytes(written_);
    }
  }
  std::string finish() {
    unsigned char out[MBEDTLS_MD_MAX_SIZE];
    if (!ok_ || mbedtls_md_finish(&ctx_, out) != 0) return "";
    return std::string(reinterpret_cast<char*>(out), mbedtls_md_get_size(mbedtls_md_info_from_ctx(&ctx_)));
  }
  bool keep = false;
  std::string kept;
  std::function<void(std::size_t)> on_bytes;  // told every MiB hashed

 private:
  mbedtls_md_context_t ctx_;
  bool ok_ = false;
  std::size_t written_ = 0, told_ = 0;
};

// XML-DSig's ECDSA value is r || s; mbedTLS verifies the DER SEQUENCE of two INTEGERs.
std::string ecdsa_der(const std::string& raw) {
  if (raw.empty() || raw.size() % 2) return "";
  auto integer = [](std::string_view v) {
    std::size_t start = 0;
    while (start + 1 < v.size() && v[start] == 0) ++start;
    std::string body(v.substr(start));
    if (static_cast<unsigned char>(body[0]) & 0x80) body.insert(body.begin(), '\0');
    return std::string("\x02", 1) + static_cast<char>(body.size()) + body;
  };
  const std::string_view all(raw);
  const std::string seq = integer(all.substr(0, raw.size() / 2)) + integer(all.substr(raw.size() / 2));
  if (seq.size() > 255) return "";
  std::string out("\x30", 1);
  if (seq.size() >= 128) out += '\x81';
  out += static_cast<char>(seq.size());
  return out + seq;
}

// Whether `value` signs `hash` with the key of the certificate `der`.
bool verifies(const std::string& der, const SignatureAlgorithm& algorithm, const std::string& hash, const std::string& value) {
  mbedtls_x509_crt crt;
  mbedtls_x509_crt_init(&crt);
  struct Free {
    mbedtls_x509_crt* c;
    ~Free() { mbedtls_x509_crt_free(c); }
  } free_crt{&crt};
  if (mbedtls_x509_crt_parse_der(&crt, reinterpret_cast<const unsigned char*>(der.data()), der.size()) != 0) return false;
  const auto* h = reinterpret_cast<const unsigned char*>(hash.data());
  const auto* v = reinterpret_cast<const unsigned char*>(value.data());
  const mbedtls_pk_type_t type = mbedtls_pk_get_type(&crt.pk);
  switch (algorithm.family) {
    case KeyFamily::Rsa:
      return type == MBEDTLS_PK_RSA && mbedtls_pk_verify(&crt.pk, algorithm.md, h, hash.size(), v, value.size()) == 0;
    case KeyFamily::RsaPss: {
      if (type != MBEDTLS_PK_RSA) return false;
      mbedtls_pk_rsassa_pss_options pss{algorithm.md, static_cast<int>(hash.size())};
      return mbedtls_pk_verify_ext(MBEDTLS_PK_RSASSA_PSS, &pss, &crt.pk, algorithm.md, h, hash.size(), v,
                                   value.size()) == 0;
    }
    case KeyFamily::Ecdsa: {
      if (type != MBEDTLS_PK_ECKEY && type != MBEDTLS_PK_ECDSA) return false;
      const std::string sig = ecdsa_der(value);
      return !sig.empty() && mbedtls_pk_verify(&crt.pk, algorithm.md, h, hash.size(),
                                               reinterpret_cast<const unsigned char*>(sig.data()), sig.size()) == 0;
    }
  }
  return false;
}

// A canonicalization transform or method: its algorithm and, for the exclusive ones, the
// InclusiveNamespaces PrefixList under it.
bool read_c14n(pugi::xml_node method_element, C14nMethod& method, std::vector<std::string>& prefixes) {
  const char* algorithm = attribute_value(method_element, "Algorithm");
  if (!algorithm || !c14n_method_of(algorithm, method)) return false;
  prefixes.clear();
  const pugi::xml_node inclusive = child_element(method_element, ns::kExcC14n, "InclusiveNamespaces");
  if (inclusive && is_exclusive(method)) {
    const std::string list = attribute_value(inclusive, "PrefixList") ? attribute_value(inclusive, "PrefixList") : "";
    std::size_t pos = 0;
    while (pos < list.size()) {
      while (pos < list.size() && std::strchr(" \t\r\n", list[pos])) ++pos;
      std::size_t end = pos;
      while (end < list.size() && !std::strchr(" \t\r\n", list[end])) ++end;
      if (end > pos) prefixes.push_back(list.substr(pos, end - pos));
      pos = end;
    }
  }
  return true;
}

SignatureCheck refuse(SignatureCheck check, Refusal refusal, std::string reason) {
  check.refusal = refusal;
  check.reason = std::move(reason);
  return check;
}
}  // namespace

SignatureCheck verify_signature(pugi::xml_node signature, const IdIndex& ids,
                                const std::vector<TrustedCertificate>& trusted, const SignatureOptions& options) {
  SignatureCheck check;
  check.signature = signature;
  if (!trusted.empty()) check.verified = false;
  bool stray = false;
  const std::vector<pugi::xml_node> parts = element_children(signature, stray);
  if (parts.size() < 2 || !is_dsig(parts[0], "SignedInfo") || !is_dsig(parts[1], "SignatureValue"))
    return refuse(check, Refusal::Malformed, "the Signature lacks its SignedInfo or SignatureValue");
  for (std::size_t i = 2; i < parts.size(); ++i) {
    if (is_dsig(parts[i], "Object"))
      return refuse(check, Refusal::Unsupported, "the Signature carries a ds:Object; signed objects are not accepted");
    if (!is_dsig(parts[i], "KeyInfo") || i != 2)
      return refuse(check, Refusal::Malformed, "the Signature holds <" + std::string(parts[i].name()) + "> where none belongs");
  }
  const pugi::xml_node signed_info = parts[0];
  const std::vector<pugi::xml_node> info = element_children(signed_info, stray);
  if (info.size() < 3 || !is_dsig(info[0], "CanonicalizationMethod") || !is_dsig(info[1], "SignatureMethod"))
    return refuse(check, Refusal::Malformed, "the SignedInfo lacks its CanonicalizationMethod or SignatureMethod");
  std::size_t references = 0;
  for (std::size_t i = 2; i < info.size(); ++i) {
    if (!is_dsig(info[i], "Reference"))
      return refuse(check, Refusal::Malformed, "the SignedInfo holds <" + std::string(info[i].name()) + ">");
    ++references;
  }
  if (references != 1)
    return refuse(check, Refusal::Wrapping, "the SignedInfo has " + std::to_string(references) +
                                                " References; exactly one, to the signed element itself, is accepted");

  // SignedInfo's own canonicalization, and the signature algorithm.
  C14nMethod info_method;
  std::vector<std::string> info_prefixes;
  const char* info_algorithm = attribute_value(info[0], "Algorithm");
  if (!read_c14n(info[0], info_method, info_prefixes))
    return refuse(check, Refusal::Unsupported, "SignedInfo is canonicalized with " + named(info_algorithm ? info_algorithm : ""));
  const char* method_uri = attribute_value(info[1], "Algorithm");
  check.signatureAlgorithm = method_uri ? method_uri : "";
  const SignatureAlgorithm* algorithm = nullptr;
  for (const SignatureAlgorithm& a : kSignatures)
    if (check.signatureAlgorithm == a.uri) algorithm = &a;
  if (!algorithm || child_element(info[1], ns::kDsig, "HMACOutputLength"))
    return refuse(check, Refusal::Unsupported, "the signature uses " + named(check.signatureAlgorithm));

  // The Reference: to the element holding the Signature, by a unique ID; or "" on the root's own.
  const pugi::xml_node reference = info[2];
  const pugi::xml_attribute uri_attribute = reference.attribute("URI");
  if (!uri_attribute) return refuse(check, Refusal::Unsupported, "the Reference has no URI (an external or implied object)");
  check.referenceUri = uri_attribute.value();
  if (const char* type = attribute_value(reference, "Type")) {
    const bool manifest = std::strcmp(type, "http://www.w3.org/2000/09/xmldsig#Manifest") == 0;
    if (manifest || std::strcmp(type, "http://www.w3.org/2000/09/xmldsig#Object") == 0)
      return refuse(check, Refusal::Unsupported,
                    std::string("the Reference points to a ") + (manifest ? "ds:Manifest" : "ds:Object"));
  }
  const pugi::xml_node parent = signature.parent();
  pugi::xml_node target;
  if (check.referenceUri.empty()) {
    pugi::xml_node root_element = signature.root().first_child();
    while (root_element && root_element.type() != pugi::node_element) root_element = root_element.next_sibling();
    if (parent != root_element)
      return refuse(check, Refusal::Wrapping, "an empty Reference URI (the whole document) on a Signature that is not "
                                              "the document element's own");
    target = signature.root();
    check.signedElement = parent;
  } else if (check.referenceUri[0] == '#' && check.referenceUri.find('(') == std::string::npos) {
    const std::string_view id = std::string_view(check.referenceUri).substr(1);
    if (ids.count(id) != 1)
      return refuse(check, Refusal::Wrapping, ids.count(id) == 0 ? "the Reference " + check.referenceUri + " points to no element"
                                                                 : std::to_string(ids.count(id)) + " elements carry the ID " +
                                                                       std::string(id) + " the Reference points to");
    target = ids.unique(id);
    if (target != parent)
      return refuse(check, Refusal::Wrapping, "the Reference " + check.referenceUri + " points to <" +
                                                  std::string(target.name()) + ">, not to the element that holds the Signature");
    check.signedElement = target;
  } else {
    return refuse(check, Refusal::Unsupported, "the Reference URI \"" + check.referenceUri +
                                                   "\" is external or an XPointer; only same-document IDs are accepted");
  }

  // Transforms: enveloped-signature, then at most one canonicalization.
  const std::vector<pugi::xml_node> ref_parts = element_children(reference, stray);
  std::size_t at = 0;
  bool enveloped = false;
  C14nRequest request;
  request.method = C14nMethod::Inclusive;  // XML-DSig's default for a node-set
  request.excluded = signature;
  request.dropComments = true;
  check.canonicalization = c14n_uri::kInclusive;
  if (at < ref_parts.size() && is_dsig(ref_parts[at], "Transforms")) {
    const std::vector<pugi::xml_node> transforms = element_children(ref_parts[at], stray);
    for (std::size_t i = 0; i < transforms.size(); ++i) {
      const char* t = is_dsig(transforms[i], "Transform") ? attribute_value(transforms[i], "Algorithm") : nullptr;
      if (t && std::strcmp(t, kEnveloped) == 0 && i == 0) {
        enveloped = true;
      } else if (t && enveloped && i == 1 && read_c14n(transforms[i], request.method, request.inclusivePrefixes)) {
        check.canonicalization = t;
      } else {
        return refuse(check, Refusal::Unsupported,
                      "the Reference's transforms include " + named(t ? t : "") +
                          "; accepted are enveloped-signature followed by one canonicalization");
      }
    }
    ++at;
  }
  if (!enveloped)
    return refuse(check, Refusal::Unsupported, "the Reference has no enveloped-signature transform, so it would cover "
                                               "its own Signature");
  if (at + 2 != ref_parts.size() || !is_dsig(ref_parts[at], "DigestMethod") || !is_dsig(ref_parts[at + 1], "DigestValue"))
    return refuse(check, Refusal::Malformed, "the Reference lacks its DigestMethod or DigestValue");
  const char* digest_uri = attribute_value(ref_parts[at], "Algorithm");
  check.digestAlgorithm = digest_uri ? digest_uri : "";
  const DigestAlgorithm* digest = nullptr;
  for (const DigestAlgorithm& d : kDigests)
    if (check.digestAlgorithm == d.uri) digest = &d;
  if (!digest) return refuse(check, Refusal::Unsupported, "the digest uses " + named(check.digestAlgorithm));
  check.weakAlgorithm = digest->md == MBEDTLS_MD_SHA1 || algorithm->md == MBEDTLS_MD_SHA1;
  std::string digest_value, signature_value, why;
  if (!base64_text(ref_parts[at + 1], digest_value, why) || !base64_text(parts[1], signature_value, why))
    return refuse(check, Refusal::Malformed, why);

  // The KeyInfo certificate: described and compared, never trusted.
  std::string keyinfo_der;
  if (parts.size() > 2) {
    const pugi::xml_node data = child_element(parts[2], ns::kDsig, "X509Data");
    const pugi::xml_node cert = child_element(data, ns::kDsig, "X509Certificate");
    const Base64Result der = decode_base64(element_text(cert).text);
    if (cert && der.ok && !der.bytes.empty()) {
      keyinfo_der = der.bytes;
      check.keyInfoSha256 = sha256_fingerprint(keyinfo_der);
    }
  }

  // The digest of what the Reference covers, made as it is canonicalized.
  HashSink referenced(digest->md);
  referenced.keep = options.keepCanonical;
  referenced.on_bytes = options.onCanonicalBytes;
  canonicalize(target, request, referenced);
  check.digestMatches = referenced.finish() == digest_value;
  if (options.keepCanonical) check.canonical = std::move(referenced.kept);

  // The SignatureValue over SignedInfo's canonical form.
  C14nRequest info_request;
  info_request.method = info_method;
  info_request.inclusivePrefixes = info_prefixes;
  HashSink info_hash(algorithm->md);
  canonicalize(signed_info, info_request, info_hash);
  const std::string hash = info_hash.finish();
  // Each certificate verified once: the KeyInfo one is usually a trusted one, already tried.
  std::optional<bool> keyinfo_result;
  for (const TrustedCertificate& t : trusted) {
    const bool ok = verifies(t.der, *algorithm, hash, signature_value);
    if (t.der == keyinfo_der) keyinfo_result = ok;
    if (ok) {
      check.signedByTrusted = true;
      check.verifiedWithSha256 = t.sha256;
      break;
    }
  }
  if (!keyinfo_der.empty())
    check.signedByKeyInfo = keyinfo_result ? *keyinfo_result : verifies(keyinfo_der, *algorithm, hash, signature_value);
  if (!trusted.empty()) check.verified = check.digestMatches && check.signedByTrusted;
  if (check.verified != true) check.verifiedWithSha256.reset();  // names only what verified
  if (!keyinfo_der.empty()) check.intact = check.digestMatches && check.signedByKeyInfo;
  if (!check.digestMatches) {
    check.reason = "the signed element changed after signing: its canonical bytes do not hash to the DigestValue";
  } else if (!trusted.empty() && !check.signedByTrusted) {
    check.reason = check.signedByKeyInfo ? "it is signed by its KeyInfo certificate, which is not one you trust"
                                         : "the SignatureValue does not verify with any trusted certificate";
  } else if (trusted.empty() && !keyinfo_der.empty() && !check.signedByKeyInfo) {
    check.reason = "the SignatureValue does not verify with its own KeyInfo certificate";
  }
  return check;
}

}  // namespace sso

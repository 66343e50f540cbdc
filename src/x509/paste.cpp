#include "x509/paste.hpp"

#include <algorithm>
#include <cctype>

#include "input/base64.hpp"
#include "x509/certificate.hpp"
#include "limits.hpp"
#include "input/text.hpp"

namespace sso {

namespace {
std::size_t find_ci(std::string_view hay, std::string_view needle, std::size_t from = 0) {
  if (needle.size() > hay.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && ascii_lower(hay[i + k]) == ascii_lower(needle[k])) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

struct PemBlock {
  std::string label;  // upper case
  std::string_view body;
  bool exactArmour = false;  // BEGIN and END lines exactly as RFC 7468 writes them
};

// PEM blocks in order; armour matched without regard to case, as some vendor pages print it.
std::vector<PemBlock> pem_blocks(std::string_view text) {
  std::vector<PemBlock> blocks;
  std::size_t pos = 0;
  while ((pos = find_ci(text, "-----BEGIN ", pos)) != std::string_view::npos) {
    const std::size_t label_start = pos + 11;
    const std::size_t label_end = text.find("-----", label_start);
    if (label_end == std::string_view::npos || text.substr(label_start, label_end - label_start).find('\n') != std::string_view::npos)
      break;
    const std::string_view raw_label = text.substr(label_start, label_end - label_start);
    PemBlock block{upper(raw_label), {}};
    const std::size_t body_start = label_end + 5;
    const std::string end_marker = "-----END " + block.label + "-----";
    const std::size_t end = find_ci(text, end_marker, body_start);
    block.body = text.substr(body_start, end == std::string_view::npos ? std::string_view::npos : end - body_start);
    block.exactArmour = end != std::string_view::npos && text.substr(pos, 11) == "-----BEGIN " &&
                        raw_label == block.label && text.substr(end, end_marker.size()) == end_marker;
    blocks.push_back(block);
    if (end == std::string_view::npos) break;
    pos = end + end_marker.size();
  }
  return blocks;
}

// PKCS#1, PKCS#8 and SEC 1 keys and PKCS#12 bundles open with an INTEGER version; an encrypted
// PKCS#8 key is SEQUENCE { AlgorithmIdentifier, OCTET STRING }. A certificate is neither.
bool is_private_key_der(std::string_view der) {
  auto length_at = [&](std::size_t& i, std::size_t& len) {
    if (i >= der.size()) return false;
    const auto first = static_cast<unsigned char>(der[i++]);
    if (first < 0x80) {
      len = first;
      return true;
    }
    const int n = first & 0x7f;
    if (n == 0 || n > 4) return false;
    len = 0;
    for (int k = 0; k < n; ++k) {
      if (i >= der.size()) return false;
      len = len << 8 | static_cast<unsigned char>(der[i++]);
    }
    return true;
  };
  std::size_t i = 0, len = 0;
  if (der.size() < 4 || static_cast<unsigned char>(der[i++]) != 0x30 || !length_at(i, len) || i >= der.size())
    return false;
  const auto first_inner = static_cast<unsigned char>(der[i]);
  if (first_inner == 0x02) return true;  // INTEGER version
  if (first_inner != 0x30) return false;
  ++i;
  if (!length_at(i, len) || i + len >= der.size()) return false;
  i += len;
  return static_cast<unsigned char>(der[i]) == 0x04;  // OCTET STRING after the algorithm
}

bool is_canonical_pem(std::string_view body) {
  // "\n" then lines of 64 letters, the last one 1..64, each ended by "\n" (CRLF allowed).
  std::size_t line = 0;
  bool short_line_seen = false, first_break = true;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\r') continue;
    if (c == '\n') {
      if (line == 0 && !first_break) return false;
      first_break = false;
      if (line > 0 && (short_line_seen || line > 64)) return false;
      if (line > 0 && line < 64) short_line_seen = true;
      line = 0;
    } else {
      ++line;
    }
  }
  return line == 0;
}

Certificate from_der(std::string_view der) {
  Certificate decoded = decode_certificate(der);
  decoded.pemLabel = "CERTIFICATE";
  return decoded;
}
}  // namespace

Certificate certificate_from_base64(std::string_view base64) {
  const Base64Result bytes = decode_base64(base64);
  if (!bytes.ok) {
    Certificate bad;
    bad.error = "the base64 text does not decode: " + bytes.error;
    return bad;
  }
  const std::string_view inner = trim(bytes.bytes);
  if (find_ci(inner.substr(0, std::min<std::size_t>(inner.size(), 64)), "-----BEGIN") == 0) {
    std::vector<PemBlock> blocks = pem_blocks(inner);
    for (const PemBlock& block : blocks) {
      if (block.label != "CERTIFICATE" && block.label != "X509 CERTIFICATE") continue;
      const Base64Result der = decode_base64(block.body);
      Certificate decoded;
      if (der.ok) {
        decoded = from_der(der.bytes);
      } else {
        decoded.error = "the PEM inside the base64 does not decode: " + der.error;
      }
      decoded.doubleEncoded = true;
      return decoded;
    }
    Certificate bad;
    bad.error = "the base64 holds PEM text without a CERTIFICATE block";
    bad.doubleEncoded = true;
    return bad;
  }
  return from_der(bytes.bytes);
}

std::optional<std::string> sha256_of_base64_certificate(std::string_view base64) {
  const Base64Result bytes = decode_base64(base64);
  if (!bytes.ok) return std::nullopt;
  std::string der = bytes.bytes;
  const std::string_view inner = trim(bytes.bytes);
  if (find_ci(inner.substr(0, std::min<std::size_t>(inner.size(), 64)), "-----BEGIN") == 0) {
    der.clear();
    for (const PemBlock& block : pem_blocks(inner)) {
      if (block.label != "CERTIFICATE" && block.label != "X509 CERTIFICATE") continue;
      const Base64Result decoded = decode_base64(block.body);
      if (decoded.ok) der = decoded.bytes;
      break;
    }
  }
  if (der.empty() || !check_der_framing(der).empty()) return std::nullopt;
  return sha256_fingerprint(der);
}

std::vector<Certificate> certificates_from_paste(std::string_view text) {
  std::vector<Certificate> out;
  std::string_view inner;
  if (unwrap_x509_certificate_element(text, inner)) {
    out.push_back(certificate_from_base64(inner));
    return out;
  }
  const std::vector<PemBlock> blocks = pem_blocks(text);
  if (!blocks.empty()) {
    for (const PemBlock& block : blocks) {
      Certificate decoded;
      decoded.pemLabel = block.label;
      if (block.label != "CERTIFICATE" && block.label != "X509 CERTIFICATE" && block.label != "TRUSTED CERTIFICATE") {
        decoded.error = "a PEM block labelled \"" + block.label + "\" is not a certificate";
      } else if (const Base64Result der = decode_base64(block.body); !der.ok) {
        decoded.error = "the PEM body does not decode: " + der.error;
      } else {
        decoded = from_der(der.bytes);
        decoded.pemLabel = block.label;
        decoded.canonicalPem = block.label == "CERTIFICATE" && block.exactArmour && is_canonical_pem(block.body);
      }
      out.push_back(std::move(decoded));
      if (out.size() >= limits::kMaxPastedCertificates) break;
    }
    return out;
  }
  if (!text.empty() && static_cast<unsigned char>(text[0]) == 0x30) {
    out.push_back(from_der(text));
    out.back().fromDer = true;
    return out;
  }
  out.push_back(certificate_from_base64(text));
  return out;
}

// "… PRIVATE KEY-----" in any case, or a PuTTY key file's "PuTTY-User-Key-File": one pass over
// the hyphens ("-----" is rare in metadata and found fast), each "-----" checked for the words
// before it, so a 30 MB aggregate costs one quick pass.
bool has_private_key_marker(std::string_view text) {
  static constexpr std::string_view kWords = "private key", kPutty = "PuTTY-User-Key-File";
  static constexpr std::size_t kPuttyHyphen = 5;  // where kPutty's first '-' is
  for (std::size_t at = find_bytes(text, "-"); at != std::string_view::npos; at = find_bytes(text, "-", at + 1)) {
    if (at >= kPuttyHyphen && text.compare(at - kPuttyHyphen, kPutty.size(), kPutty) == 0) return true;
    if (text.compare(at, 5, "-----") != 0) continue;
    if (at >= kWords.size()) {
      std::size_t k = 0;
      while (k < kWords.size() && ascii_lower(text[at - kWords.size() + k]) == kWords[k]) ++k;
      if (k == kWords.size()) return true;
    }
    at += 4;  // past this "-----" (a longer run is checked again from its next hyphen)
  }
  return false;
}

bool contains_private_key(std::string_view text) {
  if (has_private_key_marker(text)) return true;
  if (is_private_key_der(text)) return true;
  if (looks_like_base64(text)) {
    const Base64Result der = decode_base64(text);
    if (der.ok && is_private_key_der(der.bytes)) return true;
  }
  return false;
}

bool unwrap_x509_certificate_element(std::string_view text, std::string_view& inner) {
  text = trim(text);
  if (text.empty() || text.front() != '<' || text.back() != '>') return false;
  const std::size_t open_end = text.find('>');
  std::string_view open = text.substr(1, open_end - 1);
  const std::size_t space = open.find_first_of(" \t\r\n");
  const std::string_view qname = open.substr(0, space);
  const std::size_t colon = qname.find(':');
  if (qname.substr(colon == std::string_view::npos ? 0 : colon + 1) != "X509Certificate") return false;
  const std::string close = "</" + std::string(qname) + ">";
  if (text.size() < open_end + 1 + close.size() || text.substr(text.size() - close.size()) != close) return false;
  inner = text.substr(open_end + 1, text.size() - close.size() - open_end - 1);
  return inner.find('<') == std::string_view::npos;
}

}  // namespace sso

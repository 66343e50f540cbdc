#include "input/text.hpp"
#include "input/input_kind.hpp"

#include <cctype>
#include <cstdint>
#include <cstring>

#include "input/base64.hpp"
#include "x509/paste.hpp"

namespace sso {

namespace {
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view skip_space(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

// UTF-16 to UTF-8; false (with the offset) on an unpaired surrogate or an odd length.
bool utf16_to_utf8(std::string_view in, bool big_endian, std::string& out, std::size_t& bad) {
  if (in.size() % 2) {
    bad = in.size() - 1;
    return false;
  }
  out.reserve(in.size());
  auto unit = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(in[i]), b = static_cast<unsigned char>(in[i + 1]);
    return static_cast<uint32_t>(big_endian ? (a << 8 | b) : (b << 8 | a));
  };
  for (std::size_t i = 0; i < in.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= in.size() || unit(i + 2) < 0xDC00 || unit(i + 2) > 0xDFFF) {
        bad = i;
        return false;
      }
      u = 0x10000 + ((u - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      bad = i;
      return false;
    }
    append_utf8(out, u);
  }
  return true;
}

// UTF-16 without a BOM shows as NULs in every other byte of ASCII text.
std::optional<bool> utf16_without_bom(std::string_view s) {
  if (s.size() < 4) return std::nullopt;
  if (s[0] == '\0' && s[1] != '\0' && s[2] == '\0' && s[3] != '\0') return true;
  if (s[0] != '\0' && s[1] == '\0' && s[2] != '\0' && s[3] == '\0') return false;
  return std::nullopt;
}

// A SEQUENCE with a long-form or indefinite (BER) length: certificate bytes, not text.
bool looks_like_der(std::string_view s) {
  const auto length = s.size() > 4 ? static_cast<unsigned char>(s[1]) : 0;
  return s.size() > 4 && static_cast<unsigned char>(s[0]) == 0x30 && length >= 0x80 && length <= 0x84;
}
}  // namespace

std::size_t invalid_utf8_offset(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Thirty-two, then eight ASCII bytes at a time: metadata is almost all ASCII.
    while (i + 32 <= n) {
      uint64_t w[4];
      std::memcpy(w, p + i, 32);
      if (((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) != 0) break;
      i += 32;
    }
    if (i >= n) break;  // the view may end exactly there: what follows is not ours to read
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    uint32_t min;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = cp << 6 | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool prepare_input(char* input, std::size_t size, PreparedInput& prepared, Findings& findings) {
  prepared.data = input;
  prepared.size = size;
  auto skip = [&](std::size_t n) {
    prepared.data += n;
    prepared.size -= n;
  };
  std::optional<bool> utf16_big_endian;
  if (starts_with(prepared.text(), "\xFE\xFF")) {
    utf16_big_endian = true;
    skip(2);
  } else if (starts_with(prepared.text(), "\xFF\xFE")) {
    utf16_big_endian = false;
    skip(2);
  } else {
    utf16_big_endian = utf16_without_bom(prepared.text());
  }
  if (utf16_big_endian) {
    std::size_t bad = 0;
    if (!utf16_to_utf8(prepared.text(), *utf16_big_endian, prepared.converted, bad)) {
      findings.add(Code::InputInvalidUtf8, "The text looks like UTF-16 but is broken at byte " + std::to_string(bad) +
                                               ". Save the file as UTF-8 and try again.");
      return false;
    }
    findings.add(Code::InputUtf16, std::string("The text was UTF-16 (") + (*utf16_big_endian ? "big" : "little") +
                                       "-endian) and was read as such; Twilio's form takes plain text, so nothing "
                                       "needs to change.");
    prepared.wasUtf16 = true;
    prepared.data = prepared.converted.data();
    prepared.size = prepared.converted.size();
  }
  if (starts_with(prepared.text(), "\xEF\xBB\xBF")) skip(3);
  if (looks_like_der(prepared.text())) {
    prepared.binary = true;
    return true;
  }
  const std::size_t bad = invalid_utf8_offset(prepared.text());
  if (bad != std::string_view::npos) {
    findings.add(Code::InputInvalidUtf8, "The text is not valid UTF-8 (first bad byte at offset " + std::to_string(bad) +
                                             "). Paste the text itself, not a binary file; if it came from a file, "
                                             "save that file as UTF-8.");
    return false;
  }
  return true;
}

InputKind detect_kind(const PreparedInput& input) {
  if (input.binary) return InputKind::Certificate;
  const std::string_view t = skip_space(input.text());
  std::string_view inner;
  if (unwrap_x509_certificate_element(t, inner)) return InputKind::Certificate;
  if (starts_with(t, "<")) return InputKind::Metadata;
  if (t.find("-----BEGIN") != std::string_view::npos || t.find("-----Begin") != std::string_view::npos ||
      t.find("-----begin") != std::string_view::npos)
    return InputKind::Certificate;
  if (looks_like_base64(t)) return InputKind::Certificate;
  return InputKind::Unknown;
}

}  // namespace sso

#include "input/text.hpp"

#include <array>
#include <cstring>

namespace sso {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string ascii_lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::size_t find_byte_by_words(std::string_view text, char c, std::size_t from) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  const uint64_t pattern = kOnes * static_cast<unsigned char>(c);
  const char* p = text.data();
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    const uint64_t x = word ^ pattern;  // a zero byte where c is
    if ((x - kOnes) & ~x & kHighs) break;
  }
  for (; i < text.size(); ++i)
    if (p[i] == c) return i;
  return std::string_view::npos;
}

namespace {
// How rare a byte is in metadata, whose bulk is base64 and markup: 0 for base64's letters, 1 for
// markup's own punctuation and white space, 2 for the rest ('!', '-', …).
int rarity_in_metadata(char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=')
    return 0;
  for (const char markup : std::string_view("<>\"':.;&#_ \t\r\n"))
    if (c == markup) return 1;
  return 2;
}

// Where `c` first appears at or after `from`: natively memchr, vectorised; in wasm, where the C
// library's memchr reads four bytes at a time and a search for "-" called it once per hyphen
// (67,000 times in a 23 MB aggregate), find_byte_by_words().
std::size_t find_byte(std::string_view text, char c, std::size_t from) {
#if defined(__EMSCRIPTEN__)
  return find_byte_by_words(text, c, from);
#else
  const void* hit = std::memchr(text.data() + from, c, text.size() - from);
  return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text.data()) : std::string_view::npos;
#endif
}
}  // namespace

std::size_t find_bytes(std::string_view text, std::string_view needle, std::size_t from) {
  constexpr std::size_t npos = std::string_view::npos;
  if (from > text.size() || needle.size() > text.size() - from) return npos;
  if (needle.empty()) return from;
  // A needle with a byte that is not base64's: from one occurrence of its rarest byte to the next
  // ('!' of "<!", not '<'). (Horspool for "-----", a fifth of the bytes read, was 10 % slower in
  // wasm than this search for every hyphen.)
  std::size_t pivot = 0;
  for (std::size_t i = 1; i < needle.size(); ++i)
    if (rarity_in_metadata(needle[i]) > rarity_in_metadata(needle[pivot])) pivot = i;
  if (rarity_in_metadata(needle[pivot]) > 0) {
    for (std::size_t at = from + pivot; at < text.size();) {
      const std::size_t hit = find_byte(text, needle[pivot], at);
      if (hit == npos) return npos;
      const std::size_t start = hit - pivot;
      if (start + needle.size() > text.size()) return npos;
      if (text.compare(start, needle.size(), needle) == 0) return start;
      at = start + pivot + 1;
    }
    return npos;
  }
  // Letters only: Horspool's skips, by how far the window's last byte is from the needle's end.
  if (needle.size() > 255) return text.find(needle, from);
  const std::size_t last = needle.size() - 1;
  std::array<uint8_t, 256> skip;
  skip.fill(static_cast<uint8_t>(needle.size()));
  for (std::size_t i = 0; i < last; ++i) skip[static_cast<unsigned char>(needle[i])] = static_cast<uint8_t>(last - i);
  for (std::size_t at = from; at + needle.size() <= text.size(); at += skip[static_cast<unsigned char>(text[at + last])])
    if (text[at + last] == needle[last] && text.compare(at, last, needle.substr(0, last)) == 0) return at;
  return npos;
}

std::optional<uint32_t> read_decimal(std::string_view digits, uint32_t max) {
  if (digits.empty()) return std::nullopt;
  uint64_t value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
    if (value > max) return std::nullopt;
  }
  return static_cast<uint32_t>(value);
}

}  // namespace sso

#include "input/base64.hpp"

#include <array>

namespace sso {

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

const std::array<signed char, 256>& decode_table() {
  static const std::array<signed char, 256> table = [] {
    std::array<signed char, 256> t{};
    t.fill(-1);
    for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
    return t;
  }();
  return table;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string describe(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x21 && u < 0x7f) return std::string("'") + c + "'";
  static const char hex[] = "0123456789ABCDEF";
  return std::string("byte 0x") + hex[u >> 4] + hex[u & 15];
}
}  // namespace

Base64Result decode_base64(std::string_view text) {
  const auto& table = decode_table();
  Base64Result result;
  // Written through a pointer into room for the most it can hold (6 bits a letter), and cut to
  // what was written on the way out: appending 3 bytes at a time took 3 % of listing the 6,000
  // real entities in wasm under Node (Chromium inlined it).
  result.bytes.resize(text.size() / 4 * 3 + 3);
  char* const begin = result.bytes.data();
  char* out = begin;
  const auto finish = [&](const char* error) {
    result.bytes.resize(static_cast<std::size_t>(out - begin));
    if (error) result.error = error;
    return std::move(result);
  };
  uint32_t acc = 0;
  int bits = 0;
  std::size_t letters = 0, padding = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Four letters at a time while the text is plain base64 on a 4-letter boundary (most of it).
    while (bits == 0 && padding == 0 && i + 4 <= text.size()) {
      const int a = table[p[i]], b = table[p[i + 1]], c = table[p[i + 2]], d = table[p[i + 3]];
      if ((a | b | c | d) < 0) break;
      const uint32_t n = static_cast<uint32_t>(a) << 18 | static_cast<uint32_t>(b) << 12 |
                         static_cast<uint32_t>(c) << 6 | static_cast<uint32_t>(d);
      out[0] = static_cast<char>(n >> 16);
      out[1] = static_cast<char>(n >> 8 & 0xff);
      out[2] = static_cast<char>(n & 0xff);
      out += 3;
      letters += 4;
      i += 4;
    }
    if (i >= text.size()) break;
    const char c = text[i];
    if (is_space(c)) continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    const int v = table[static_cast<unsigned char>(c)];
    if (v < 0 || padding) {
      const std::string error =
          (padding ? "text after the '=' padding at offset " : describe(c) + " is not base64, at offset ") + std::to_string(i);
      return finish(error.c_str());
    }
    ++letters;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *out++ = static_cast<char>((acc >> bits) & 0xff);
    }
  }
  if (letters == 0) return finish("no base64 text");
  if (letters % 4 == 1) {
    const std::string error =
        "the base64 text is cut short (" + std::to_string(letters) + " letters; a multiple of four is expected)";
    return finish(error.c_str());
  }
  if (padding > 2 || (padding && (letters + padding) % 4 != 0)) return finish("the '=' padding at the end is wrong");
  result.ok = true;
  return finish(nullptr);
}

std::string encode_base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t n = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 | static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[n >> 18];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i < bytes.size()) {
    uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[n >> 18];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool looks_like_base64(std::string_view text) {
  const auto& table = decode_table();
  bool letter = false;
  for (char c : text) {
    if (table[static_cast<unsigned char>(c)] >= 0) {
      letter = true;
    } else if (c != '=' && !is_space(c)) {
      return false;
    }
  }
  return letter;
}

}  // namespace sso

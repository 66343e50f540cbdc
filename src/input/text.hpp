// Text as the helper handles it: UTF-8 encoding, and ASCII white space and case (never the
// locale's: the C library's tolower depends on it and costs a call per byte).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sso {

void append_utf8(std::string& out, uint32_t code_point);

constexpr bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view text);  // without ASCII white space at either end
std::string ascii_lowercase(std::string_view text);
// A whole number written in ASCII digits only (no sign, space, fraction or exponent) and at most
// `max`; nothing otherwise. Written by hand: std::stoi and strtod bring printf's and long double's
// code into the wasm module, and stoi aborts on overflow where exceptions are off.
std::optional<uint32_t> read_decimal(std::string_view digits, uint32_t max);

// Where `needle` first appears in `text` at or after `from`; npos if nowhere. For passes over a
// whole input: string_view::find stops at every byte equal to the needle's first (every '<' of a
// document, every 'S' of its base64); this looks for the needle's byte rarest in metadata ("<!":
// the '!') or, for letters only, skips ahead by the needle's length (Horspool).
std::size_t find_bytes(std::string_view text, std::string_view needle, std::size_t from = 0);

// Where the byte `c` first appears at or after `from` (npos if nowhere), eight bytes a step with
// no call: what find_bytes() uses in wasm in place of the C library's memchr.
std::size_t find_byte_by_words(std::string_view text, char c, std::size_t from = 0);

}  // namespace sso

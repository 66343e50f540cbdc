// Text as the helper handles it: UTF-8 encoding, and ASCII white space and case (never the
// locale's: the C library's tolower depends on it and costs a call per byte).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sso {

void append_utf8(std::string& out, uint32_t code_point);

constexpr bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view text);  // without ASCII white space at either end
std::string ascii_lowercase(std::string_view text);

}  // namespace sso

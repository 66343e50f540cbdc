// Base64 as IdPs publish it: wrapped at any width, with white space anywhere.
#pragma once

#include <string>
#include <string_view>

namespace sso {

struct Base64Result {
  bool ok = false;
  std::string bytes;
  std::string error;  // what was wrong, with the position in the text
};

Base64Result decode_base64(std::string_view text);
std::string encode_base64(std::string_view bytes);
// True when text holds only base64 letters, '=' and white space, and at least one letter.
bool looks_like_base64(std::string_view text);

}  // namespace sso

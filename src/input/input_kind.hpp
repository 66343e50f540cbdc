// What was pasted: metadata XML, certificate text or bytes, or something else. Also turns UTF-16
// into UTF-8 and checks that text is UTF-8, since everything after works on UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "report/report.hpp"

namespace sso {

struct PreparedInput {
  char* data = nullptr;   // the text without BOM: in the caller's bytes, or in `converted`
  std::size_t size = 0;
  std::string converted;  // UTF-8 made from UTF-16 input
  bool wasUtf16 = false;
  bool binary = false;    // DER bytes: not text
  std::string_view text() const { return {data, size}; }
};

// The input as UTF-8 text (or binary DER) in `out`, pointing into `input` where no conversion
// was needed (later steps may parse it in place); false with a finding when it cannot be read.
bool prepare_input(char* input, std::size_t size, PreparedInput& out, Findings& findings);

InputKind detect_kind(const PreparedInput& input);

// Byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalid_utf8_offset(std::string_view text);

}  // namespace sso

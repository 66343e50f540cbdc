// Embind glue: bytes in (pointer and length in the module's heap), Report JSON out.
// Nothing here decides anything; nothing thrown can cross (the core never throws).
#include <emscripten/bind.h>

#include <string>
#include <string_view>

#include "analyze.hpp"
#include "options_json.hpp"
#include "report_json.hpp"

namespace {
std::string read_url(const std::string& text) { return sso::url_read_json(text); }

std::string analyze_bytes(uintptr_t pointer, std::size_t length, const std::string& options_json, int indent) {
  sso::Options options;
  std::string error;
  if (!sso::options_from_json(options_json, options, error)) return "{\"error\":\"" + error + "\"}";
  const std::string_view input(reinterpret_cast<const char*>(pointer), length);
  return sso::report_json(sso::analyze(input, options), indent);
}
}  // namespace

EMSCRIPTEN_BINDINGS(twilio_sso) {
  emscripten::function("analyzeBytes", &analyze_bytes);
  emscripten::function("readUrl", &read_url);
}

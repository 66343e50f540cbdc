// The module's boundary, as plain C functions (no Embind: its runtime cost more than the core's
// own JSON): the input and the options (a JSON object) come in as bytes in the module's heap; the
// Report comes back as JSON bytes, [4-byte length][UTF-8], in a buffer the caller frees. Nothing
// here decides anything, and nothing thrown can cross: the core never throws.
#include <emscripten.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "analyze.hpp"
#include "report/json.hpp"
#include "report/json_writer.hpp"
#include "url/public_suffix.hpp"
#include "url/url.hpp"
#include "wasm/options_json.hpp"

// Told how far a long analysis is: the API passes it on to the onProgress it was given.
EM_JS(void, sso_progress_js, (const char* stage, double fraction), {
  if (Module["onProgress"]) Module["onProgress"](UTF8ToString(stage), fraction);
});

namespace {
// The bytes of `text` in a buffer of their own, behind their length.
char* hand_over(const std::string& text) {
  const auto size = static_cast<uint32_t>(text.size());
  char* out = static_cast<char*>(std::malloc(4 + text.size()));
  if (!out) return nullptr;
  std::memcpy(out, &size, 4);
  std::memcpy(out + 4, text.data(), text.size());
  return out;
}

std::string error_json(const std::string& error) {
  sso::JsonWriter w(-1);
  w.begin_object();
  w.key("error").value(error);
  w.end_object();
  return w.take();
}
}  // namespace

extern "C" {

// Analyses `length` bytes at `input`, in place (the caller frees them afterwards, unread).
EMSCRIPTEN_KEEPALIVE char* sso_analyze(char* input, std::size_t length, const char* options, std::size_t options_length,
                                       int indent, int with_progress) {
  sso::Options parsed;
  std::string error;
  if (!sso::wasm::options_from_json(std::string_view(options, options_length), parsed, error))
    return hand_over(error_json(error));
  if (with_progress) parsed.progress = [](const char* stage, double fraction) { sso_progress_js(stage, fraction); };
  return hand_over(sso::report_json(sso::analyze_in_place(input, length, parsed), indent));
}

// The Public Suffix List's rules, as tools/generate_public_suffixes.py writes them (loaded when a
// trusted domain is first checked: they are a fifth of the module's size).
EMSCRIPTEN_KEEPALIVE void sso_set_public_suffixes(const char* rules, std::size_t length) {
  sso::provide_public_suffix_rules(std::string_view(rules, length));
}

// How the core reads one URL, as JSON (for the URL differential tests).
EMSCRIPTEN_KEEPALIVE char* sso_read_url(const char* text, std::size_t length) {
  const sso::UrlRead read = sso::read_url(std::string_view(text, length));
  sso::JsonWriter w(-1);
  w.begin_object();
  w.key("accepted").value(read.url.has_value());
  if (!read.url) {
    w.key("reason").value(read.refusal.reason);
    w.key("stricter").value(read.refusal.stricter);
  } else {
    w.key("scheme").value(read.url->scheme);
    w.key("host").value(read.url->host.ascii);
    w.key("port");
    if (read.url->port) w.value(static_cast<int64_t>(*read.url->port));
    else w.null();
  }
  w.end_object();
  return hand_over(w.take());
}

}  // extern "C"

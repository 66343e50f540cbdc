// The module's boundary, one Embind layer over four functions (the fourth, warmUp: warm_up.hpp): the input and the options (a
// JSON object) come in as bytes the caller wrote into the module's heap (addresses and lengths,
// so nothing is copied on the way); the Report comes back as JSON bytes, [4-byte length][UTF-8],
// in a buffer the caller frees. Nothing here decides anything, and nothing thrown can cross: the
// core never throws, and this layer has no try or catch.
#include <emscripten.h>
#include <emscripten/bind.h>

#include <cstdint>
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
#include "warm_up.hpp"

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

namespace {
template <typename T>
T* at(uintptr_t address) {
  return reinterpret_cast<T*>(address);
}

// Analyses `length` bytes at `input`, in place (the caller frees them afterwards, unread).
uintptr_t analyze(uintptr_t input, std::size_t length, uintptr_t options, std::size_t options_length, int indent,
                  bool with_progress) {
  sso::Options parsed;
  std::string error;
  if (!sso::wasm::options_from_json(std::string_view(at<const char>(options), options_length), parsed, error))
    return reinterpret_cast<uintptr_t>(hand_over(error_json(error)));
  if (with_progress) parsed.progress = [](const char* stage, double fraction) { sso_progress_js(stage, fraction); };
  return reinterpret_cast<uintptr_t>(hand_over(sso::report_json(sso::analyze_in_place(at<char>(input), length, parsed), indent)));
}

// The Public Suffix List's rules, as tools/generate_public_suffixes.py writes them (loaded when a
// trusted domain is first checked: they are a fifth of the module's size).
void set_public_suffixes(uintptr_t rules, std::size_t length) {
  sso::provide_public_suffix_rules(std::string_view(at<const char>(rules), length));
}

// How the core reads one URL, as JSON (for the URL differential tests).
uintptr_t read_url(uintptr_t text, std::size_t length) {
  const sso::UrlRead read = sso::read_url(std::string_view(at<const char>(text), length));
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
  return reinterpret_cast<uintptr_t>(hand_over(w.take()));
}
}  // namespace

EMSCRIPTEN_BINDINGS(twilio_sso) {
  emscripten::function("analyze", &analyze);
  emscripten::function("setPublicSuffixes", &set_public_suffixes);
  emscripten::function("readUrl", &read_url);
  emscripten::function("warmUp", +[](unsigned long entities) { sso::warm_up(entities); });
}

// libFuzzer target: analyze() as a whole, rendered both ways, with options that reach every stage.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "analyze.hpp"
#include "report/json.hpp"
#include "cli/report_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  sso::Options options;
  options.now = 1795824000;  // 2026-11-28
  options.connectionId = "JQ0123456789abcdef0123456789abcdef";
  options.trustedDomains = {"example.com", "*.example.org"};
  options.redirectUrl = "https://flex.twilio.com/x";
  // In place, in a buffer of the input's exact size (as the CLI and the wasm module call it), so
  // that reading one byte too far is caught.
  auto owned = std::make_unique<char[]>(size ? size : 1);
  if (size) std::memcpy(owned.get(), data, size);
  const sso::Report report = sso::analyze_in_place(owned.get(), size, options);
  // The Report's JSON is ASCII whatever was pasted (characters beyond it are \u escapes).
  for (const char c : sso::report_json(report))
    if (static_cast<unsigned char>(c) >= 0x80) __builtin_trap();
  (void)sso::report_text(report);
  // The same bytes as the certificate to compare with the metadata (the cross-check path).
  options.certificate = std::string(input.substr(0, 8192));
  options.issuer = std::string(input.substr(0, 256));
  (void)sso::report_json(sso::analyze(input, options));
  // Split in two: the first part an older version of the metadata to compare with (rollover),
  // and the same bytes as the certificate that signs the metadata.
  sso::Options versions;
  versions.now = options.now;
  const std::size_t half = size / 2;
  versions.previousMetadata = std::string(input.substr(0, half));
  versions.signer = std::string(input.substr(0, 8192));
  (void)sso::report_text(sso::analyze(input.substr(half), versions));
  return 0;
}

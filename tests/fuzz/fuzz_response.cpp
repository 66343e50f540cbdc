// libFuzzer target: a SAML response end to end (every input form, the signature verifier, the
// checks), with a trusted certificate and Twilio's values given, as an admin would.
#include <cstddef>
#include <cstdint>
#include <string>

#include "analyze.hpp"
#include "report/json.hpp"

namespace {
// A real certificate (its key thrown away): the fuzzer cannot forge a signature, only reach the paths.
const char* kTrusted =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBdjCCAR2gAwIBAgIUE19sGCeqwYdT5/gSGKTWLzcuk+8wCgYIKoZIzj0EAwIw\n"
    "ETEPMA0GA1UEAwwGZnV6emVyMB4XDTI2MTIwMjA2MTAzM1oXDTM2MTEyOTA2MTAz\n"
    "M1owETEPMA0GA1UEAwwGZnV6emVyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n"
    "AQDP2tp+KjkcFwpoYnoQb9OnBnBkK1dofkOzopu8iUZnL8H1TO4/Crq5PpcIOVu4\n"
    "1gWokZv7R5DCM8redKsioaNTMFEwHQYDVR0OBBYEFMVnKqJXa3OWDugJ9/3Mb5FP\n"
    "zjDpMB8GA1UdIwQYMBaAFMVnKqJXa3OWDugJ9/3Mb5FPzjDpMA8GA1UdEwEB/wQF\n"
    "MAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIgCrf8/qC+XTaE5HqVboy3s0t7iTv9e6ae\n"
    "UzVXOHQ1KBcCICAWh84vmnmR5lJP8H1h8ku17SqeMtpn4sU1zLsZNFpo\n"
    "-----END CERTIFICATE-----\n";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sso::Options options;
  options.now = 1800000000;
  options.connectionId = "JQ0123456789abcdef0123456789abcdef";
  options.certificate = kTrusted;
  options.issuer = "https://idp.example/";
  options.pick = size % 3;
  (void)sso::report_json(sso::analyze(text, options));
  return 0;
}

// Host names as browsers read them (WHATWG URL Standard), held to DNS's stricter rules where a
// browser would accept something no identity provider or Twilio could use.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sso {

enum class HostKind { Domain, IPv4, IPv6 };

struct Host {
  HostKind kind = HostKind::Domain;
  std::string ascii;    // lower case; IDN in punycode; IPv6 in brackets, serialised as WHATWG does
  bool international = false;  // the text had non-ASCII letters (ascii holds xn-- labels)
};

// "Host to ASCII" (UTS #46 / IDNA2008): implemented with libidn2 natively and with the browser's
// own URL host parser in the wasm build. Empty result: the name cannot be converted.
std::string host_to_ascii(std::string_view unicode_host);

// A domain name (no port, no brackets) checked and made ASCII. nullopt with `why` set otherwise.
std::optional<Host> read_domain(std::string_view text, std::string& why);

// The 16 bytes of an IPv6 address as WHATWG serialises it: "[2001:db8::1]".
std::string ipv6_text(const unsigned char bytes[16]);

bool is_localhost(const Host& host);

}  // namespace sso

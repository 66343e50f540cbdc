// Text read by hand: whole numbers (ports, IPv4 parts, --pick and the page's pick option), digits only,
// bounded, no overflow; and find_bytes, the search for passes over a whole input.
#include <doctest/doctest.h>

#include <cstring>

#include "input/text.hpp"
#include "url/url.hpp"

using sso::read_decimal;

TEST_CASE("read_decimal takes digits only, up to the bound") {
  CHECK(read_decimal("0", 10) == 0u);
  CHECK(read_decimal("65535", 65535) == 65535u);
  CHECK(read_decimal("000080", 65535) == 80u);
  CHECK_FALSE(read_decimal("65536", 65535));
  CHECK_FALSE(read_decimal("99999999999999999999999", 65535));  // no overflow into a small value
  CHECK_FALSE(read_decimal("", 10));
  CHECK_FALSE(read_decimal("-1", 10));
  CHECK_FALSE(read_decimal("+1", 10));
  CHECK_FALSE(read_decimal("1.0", 10));
  CHECK_FALSE(read_decimal("1e1", 100));
  CHECK_FALSE(read_decimal(" 1", 10));
}

TEST_CASE("a URL's port is read as a number and bounded") {
  const sso::UrlRead padded = sso::read_url("https://sso.example.com:00443/saml");
  REQUIRE(padded.url);
  CHECK(padded.url->port == 443);
  const sso::UrlRead high = sso::read_url("https://sso.example.com:65536/saml");
  CHECK_FALSE(high.url);
  CHECK(high.refusal.reason.find("over 65535") != std::string::npos);
  CHECK(sso::read_url("https://sso.example.com:8443/saml").url->port == 8443);
}

TEST_CASE("an IPv4 host's parts are at most 255") {
  const sso::UrlRead ip = sso::read_url("https://192.168.10.255/saml");
  REQUIRE(ip.url);
  CHECK(ip.url->host.kind == sso::HostKind::IPv4);
  const sso::UrlRead over = sso::read_url("https://192.168.10.256/saml");
  CHECK_FALSE(over.url);  // ends in a number, not an address: refused as browsers would misread it
}

TEST_CASE("find_bytes finds what string_view::find finds, from any start") {
  const std::string text = "<?xml?><!-- c --><md:EntityDescriptor>MIIC+SignatureValue/x<!DOCTYPE a>SignatureValu"
                           "<ds:SignatureValue>abc</ds:SignatureValue>-----BEGIN PRIVATE KEY-----PuTTY-User-Key-File";
  for (const std::string_view needle : {"<!", "<!DOCTYPE", "SignatureValue", "-----", "PuTTY-User-Key-File", "S", "abc",
                                        "Value>", "absent", "File", "<?xml?><!-- c -->"}) {
    for (std::size_t from = 0; from <= text.size() + 1; ++from)
      CHECK_MESSAGE(sso::find_bytes(text, needle, from) == std::string_view(text).find(needle, from), needle, " from ", from);
  }
  CHECK(sso::find_bytes("", "a") == std::string_view::npos);
  CHECK(sso::find_bytes("ab", "") == 0);
}

TEST_CASE("find_byte_by_words finds what memchr finds, at any alignment and length, bytes above 0x7F too") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += static_cast<char>((i * 37 + 11) % 256);
  for (const char c : {'\0', 'A', '-', '!', static_cast<char>(0x80), static_cast<char>(0xC3), static_cast<char>(0xFF)}) {
    for (std::size_t start = 0; start < 17; ++start) {
      for (std::size_t n = 0; start + n <= text.size(); n += (n < 40 ? 1 : 13)) {
        const void* expected = std::memchr(text.data() + start, c, n);
        CHECK_MESSAGE(sso::find_byte_by_words(text.data() + start, n, c) == expected, int(static_cast<unsigned char>(c)),
                      " from ", start, " over ", n);
      }
    }
  }
  const std::string none(1000, 'x');
  CHECK(sso::find_byte_by_words(none.data(), none.size(), '!') == nullptr);
}

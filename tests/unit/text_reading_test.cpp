// Text read by hand: whole numbers (ports, IPv4 parts, --pick and the page's pick option), digits only,
// bounded, no overflow; and find_bytes, the search for passes over a whole input.
#include <doctest/doctest.h>

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

TEST_CASE("find_byte_by_words finds what memchr finds, at every place in a word and from any start") {
  // A byte before, in and after every one of the eight places of a word, bytes just below and
  // above it (a borrow must not be taken for a match), high bytes, and ends that are no word long.
  for (const char c : {'-', '!', '\0', '\xff', 'A'}) {
    for (std::size_t size = 0; size <= 27; ++size) {
      for (std::size_t place = 0; place <= size; ++place) {
        std::string text(size, static_cast<char>(c + 1));
        for (std::size_t i = 0; i < size; i += 3) text[i] = static_cast<char>(c - 1);
        if (size > 5) text[5] = '\x80';
        if (place < size) text[place] = c;
        for (std::size_t from = 0; from <= size; ++from) {
          const std::size_t expected = std::string_view(text).find(c, from);
          CHECK_MESSAGE(sso::find_byte_by_words(text, c, from) == expected, "size ", size, " place ", place, " from ", from);
        }
      }
    }
  }
}

// The Public Suffix List as compiled in from Debian's publicsuffix package.
#include <doctest/doctest.h>

#include <string>

#include "url/public_suffix.hpp"

TEST_CASE("the Public Suffix List from Debian's package") {
  REQUIRE(sso::public_suffix_rules_available());
  CHECK(sso::public_suffix_rule_count() > 5000);
  for (const char* suffix : {"com", "co.uk", "github.io", "blogspot.com", "xn--p1ai", "ck", "anything.ck", "x.kawasaki.jp"})
    CHECK_MESSAGE(sso::is_public_suffix(suffix), std::string(suffix));
  for (const char* name : {"example.com", "example.co.uk", "me.github.io", "www.ck", "city.kawasaki.jp", "twilio.com"})
    CHECK_MESSAGE(!sso::is_public_suffix(name), std::string(name));
  CHECK(sso::public_suffix_of("a.b.example.co.uk") == "co.uk");
  CHECK(sso::public_suffix_of("www.ck") == "ck");          // the exception rule !www.ck
  CHECK(sso::public_suffix_of("foo.bar.ck") == "bar.ck");  // the wildcard rule *.ck
  CHECK(sso::public_suffix_of("example.unlistedtld") == "unlistedtld");  // the default rule
}

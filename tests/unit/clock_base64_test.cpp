#include <doctest/doctest.h>

#include "input/base64.hpp"
#include "clock.hpp"

TEST_CASE("epoch seconds and ISO 8601 round-trip, far years included") {
  CHECK(sso::epoch_seconds(1970, 1, 1, 0, 0, 0) == 0);
  CHECK(sso::iso8601(0) == "1970-01-01T00:00:00Z");
  CHECK(sso::iso8601(sso::epoch_seconds(2016, 2, 9, 21, 52, 6)) == "2016-02-09T21:52:06Z");
  CHECK(sso::iso8601(sso::epoch_seconds(3018, 12, 31, 23, 59, 59)) == "3018-12-31T23:59:59Z");
  CHECK(sso::iso8601(sso::epoch_seconds(2000, 2, 29, 12, 0, 0)) == "2000-02-29T12:00:00Z");
  CHECK(sso::epoch_seconds(2026, 11, 28, 0, 0, 0) == 1795824000);
}

TEST_CASE("xs:dateTime as metadata writes it") {
  CHECK(sso::parse_xs_datetime("2026-12-01T00:00:00Z") == sso::epoch_seconds(2026, 12, 1, 0, 0, 0));
  CHECK(sso::parse_xs_datetime("2026-12-01T00:00:00.123Z") == sso::epoch_seconds(2026, 12, 1, 0, 0, 0));
  CHECK(sso::parse_xs_datetime("2026-12-01T02:00:00+02:00") == sso::epoch_seconds(2026, 12, 1, 0, 0, 0));
  CHECK(sso::parse_xs_datetime("2026-12-01T00:00:00") == sso::epoch_seconds(2026, 12, 1, 0, 0, 0));
  CHECK_FALSE(sso::parse_xs_datetime("2026-02-30T00:00:00Z"));
  CHECK_FALSE(sso::parse_xs_datetime("2026-12-01 00:00:00Z"));
  CHECK_FALSE(sso::parse_xs_datetime("2026-12-01T00:00:00Zjunk"));
  CHECK_FALSE(sso::parse_xs_datetime(""));
}

TEST_CASE("base64 decodes through white space and says what is wrong") {
  const sso::Base64Result ok = sso::decode_base64(" TWFu\r\n ZQ==\n");
  REQUIRE(ok.ok);
  CHECK(ok.bytes == "Mane");
  CHECK(sso::decode_base64("TWFuZQ").bytes == "Mane");  // padding may be left off
  const sso::Base64Result bad = sso::decode_base64("TWF!uZQ==");
  CHECK_FALSE(bad.ok);
  CHECK(bad.error == "'!' is not base64, at offset 3");
  CHECK(sso::decode_base64("TWFuZ").error.find("cut short") != std::string::npos);
  CHECK(sso::decode_base64("TQ==TQ==").error.find("after the '=' padding") != std::string::npos);
  CHECK_FALSE(sso::decode_base64("   ").ok);
}

TEST_CASE("base64 encodes every tail length") {
  CHECK(sso::encode_base64("") == "");
  CHECK(sso::encode_base64("M") == "TQ==");
  CHECK(sso::encode_base64("Ma") == "TWE=");
  CHECK(sso::encode_base64("Man") == "TWFu");
  CHECK(sso::looks_like_base64("TWFu\nZQ=="));
  CHECK_FALSE(sso::looks_like_base64("<xml/>"));
  CHECK_FALSE(sso::looks_like_base64("  \n"));
}

// Calendar arithmetic in UTC without the C library's time zone machinery (the same in wasm).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sso {

int64_t epoch_seconds(int year, int month, int day, int hour, int minute, int second);
std::string iso8601(int64_t epoch);  // "2026-11-28T00:00:00Z"
// xs:dateTime as SAML metadata uses it: "2026-12-01T00:00:00Z", fractions and offsets allowed.
std::optional<int64_t> parse_xs_datetime(std::string_view text);

}  // namespace sso

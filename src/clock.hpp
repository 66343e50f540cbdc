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
// How far `at` is from `now`, in the largest whole unit: "4 minutes ago", "in 3 hours", "now".
std::string relative_time(int64_t at, int64_t now);
// "14:05 UTC" on the same day as now, else "2026-11-28 14:05 UTC".
std::string clock_time(int64_t at, int64_t now);

}  // namespace sso

#include "clock.hpp"


namespace sso {

namespace {
// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}
}  // namespace

int64_t epoch_seconds(int year, int month, int day, int hour, int minute, int second) {
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
         hour * 3600 + minute * 60 + second;
}

std::string iso8601(int64_t epoch) {
  int64_t days = epoch / 86400;
  int64_t rest = epoch % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  // Written by hand: printf would pull its float formatting into the wasm module.
  auto two = [](int64_t v) { return std::string{static_cast<char>('0' + v / 10 % 10), static_cast<char>('0' + v % 10)}; };
  std::string year = std::to_string(y < 0 ? -y : y);
  year.insert(0, year.size() < 4 ? 4 - year.size() : 0, '0');
  return (y < 0 ? "-" : "") + year + "-" + two(m) + "-" + two(d) + "T" + two(rest / 3600) + ":" + two(rest / 60 % 60) +
         ":" + two(rest % 60) + "Z";
}

std::optional<int64_t> parse_xs_datetime(std::string_view s) {
  // YYYY-MM-DDThh:mm:ss(.fff)?(Z|(+|-)hh:mm)?  -- years of four digits only.
  int year, month, day, hour, minute, second;
  if (s.size() < 19 || !digits(s, 0, 4, year) || s[4] != '-' || !digits(s, 5, 2, month) ||
      s[7] != '-' || !digits(s, 8, 2, day) || s[10] != 'T' || !digits(s, 11, 2, hour) ||
      s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':' || !digits(s, 17, 2, second))
    return std::nullopt;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 24 ||
      minute > 59 || second > 59 || (hour == 24 && (minute || second)))
    return std::nullopt;
  std::size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    const std::size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
  }
  int64_t offset = 0;
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, om) || oh > 14 || om > 59)
      return std::nullopt;
    offset = (s[pos] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
    pos += 6;
  }
  if (pos != s.size()) return std::nullopt;
  return epoch_seconds(year, month, day, hour, minute, second) - offset;
}

std::string relative_time(int64_t at, int64_t now) {
  const int64_t delta = at - now;
  const int64_t span = delta < 0 ? -delta : delta;
  if (span < 60) return delta == 0 ? "now" : delta < 0 ? std::to_string(span) + " seconds ago" : "in " + std::to_string(span) + " seconds";
  struct Unit {
    int64_t seconds;
    const char* name;
  };
  static const Unit kUnits[] = {{365 * 86400, "year"}, {30 * 86400, "month"}, {86400, "day"}, {3600, "hour"}, {60, "minute"}};
  for (const Unit& u : kUnits) {
    if (span < u.seconds) continue;
    const int64_t n = span / u.seconds;
    const std::string amount = std::to_string(n) + " " + u.name + (n == 1 ? "" : "s");
    return delta < 0 ? amount + " ago" : "in " + amount;
  }
  return "now";
}

std::string clock_time(int64_t at, int64_t now) {
  const std::string full = iso8601(at);  // "2026-11-28T14:05:09Z"
  const std::string hm = full.substr(11, 5) + " UTC";
  return full.substr(0, 10) == iso8601(now).substr(0, 10) ? hm : full.substr(0, 10) + " " + hm;
}

}  // namespace sso

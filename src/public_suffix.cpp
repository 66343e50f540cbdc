#include "public_suffix.hpp"

#include <unordered_set>

namespace sso {

namespace {
const std::unordered_set<std::string_view>& rules() {
  static const std::unordered_set<std::string_view> set = [] {
    std::unordered_set<std::string_view> s;
    s.reserve(kPublicSuffixRuleCount * 2);
    std::string_view all(kPublicSuffixRules);
    std::size_t pos = 0;
    while (pos < all.size()) {
      const std::size_t end = std::min(all.size(), all.find('\n', pos));
      s.insert(all.substr(pos, end - pos));
      pos = end + 1;
    }
    return s;
  }();
  return set;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}
}  // namespace

std::string public_suffix_of(std::string_view ascii_domain) {
  std::string domain = lower(ascii_domain);
  if (!domain.empty() && domain.back() == '.') domain.pop_back();
  const auto& set = rules();
  // Walk the suffixes from the longest: the first exception or rule that matches decides.
  std::size_t pos = 0;
  for (;;) {
    const std::string_view suffix = std::string_view(domain).substr(pos);
    if (set.count("!" + std::string(suffix))) {
      const std::size_t dot = suffix.find('.');
      return std::string(dot == std::string_view::npos ? suffix : suffix.substr(dot + 1));
    }
    if (set.count(suffix)) return std::string(suffix);
    const std::size_t dot = suffix.find('.');
    if (dot == std::string_view::npos) return std::string(suffix);  // the default rule "*"
    if (set.count("*." + std::string(suffix.substr(dot + 1)))) return std::string(suffix);
    pos += dot + 1;
  }
}

bool is_public_suffix(std::string_view ascii_domain) {
  std::string domain = lower(ascii_domain);
  if (!domain.empty() && domain.back() == '.') domain.pop_back();
  return !domain.empty() && public_suffix_of(domain) == domain;
}

}  // namespace sso

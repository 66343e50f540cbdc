#include "url/public_suffix.hpp"

#include <unordered_set>

#include "input/text.hpp"

namespace sso {

namespace {
// The rules as written in the list ("co.uk", "*.ck", "!www.ck"), decoded once.
const std::unordered_set<std::string>& rules() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> s;
    s.reserve(kPublicSuffixRuleCount * 2);
    const std::string_view all(kPublicSuffixRules);
    std::string key;  // reversed, as stored
    for (std::size_t pos = 0; pos < all.size();) {
      const std::size_t end = std::min(all.size(), all.find('\n', pos));
      const std::size_t shared = static_cast<std::size_t>(all[pos] - '0');
      key.resize(std::min(shared, key.size()));
      key.append(all.substr(pos + 1, end - pos - 1));
      pos = end + 1;
      const bool exception = !key.empty() && key.back() == '!';
      std::string_view labels(key.data(), key.size() - exception);
      std::string rule = exception ? "!" : "";
      for (std::size_t stop = labels.size(); stop != std::string_view::npos;) {
        const std::size_t dot = labels.rfind('.', stop - 1);
        const std::size_t from = dot == std::string_view::npos ? 0 : dot + 1;
        rule.append(labels.substr(from, stop - from));
        if (dot == std::string_view::npos || stop == 0) break;
        rule += '.';
        stop = dot;
      }
      s.insert(std::move(rule));
    }
    return s;
  }();
  return set;
}

}  // namespace

std::string public_suffix_of(std::string_view ascii_domain) {
  std::string domain = ascii_lowercase(ascii_domain);
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
    if (set.count(std::string(suffix))) return std::string(suffix);
    const std::size_t dot = suffix.find('.');
    if (dot == std::string_view::npos) return std::string(suffix);  // the default rule "*"
    if (set.count("*." + std::string(suffix.substr(dot + 1)))) return std::string(suffix);
    pos += dot + 1;
  }
}

bool is_public_suffix(std::string_view ascii_domain) {
  std::string domain = ascii_lowercase(ascii_domain);
  if (!domain.empty() && domain.back() == '.') domain.pop_back();
  return !domain.empty() && public_suffix_of(domain) == domain;
}

}  // namespace sso

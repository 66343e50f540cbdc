#include "url/public_suffix.hpp"

#include <unordered_set>

#include "input/text.hpp"

namespace sso {

#if !defined(SSO_PUBLIC_SUFFIXES_AT_RUN_TIME)
// Written by tools/generate_public_suffixes.py into the build folder.
extern const char* const kPublicSuffixRules;
#endif

namespace {
// The rules as written in the list ("co.uk", "*.ck", "!www.ck"), decoded from the front-coded text.
std::unordered_set<std::string> decode(std::string_view all) {
  std::unordered_set<std::string> s;
  s.reserve(all.size() / 4);
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
}

struct Rules {
  std::unordered_set<std::string> set;
  bool available = false;
};

Rules& rules() {
  static Rules r = [] {
    Rules built;
#if !defined(SSO_PUBLIC_SUFFIXES_AT_RUN_TIME)
    built.set = decode(kPublicSuffixRules);
    built.available = true;
#endif
    return built;
  }();
  return r;
}
}  // namespace

void provide_public_suffix_rules(std::string_view text) {
  rules().set = decode(text);
  rules().available = !rules().set.empty();
}

bool public_suffix_rules_available() { return rules().available; }

std::size_t public_suffix_rule_count() { return rules().set.size(); }

std::string public_suffix_of(std::string_view ascii_domain) {
  std::string domain = ascii_lowercase(ascii_domain);
  if (!domain.empty() && domain.back() == '.') domain.pop_back();
  const auto& set = rules().set;
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

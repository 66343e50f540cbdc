// The Public Suffix List (Debian's publicsuffix package, compiled in at build time): the names
// under which anyone can register, such as com, co.uk or github.io.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sso {

extern const std::size_t kPublicSuffixRuleCount;
// One rule a line, labels reversed ("uk.co"; "ck.www!" for the exception !www.ck), sorted and
// front-coded (tools/generate_public_suffixes.py says how).
extern const char* const kPublicSuffixRules;

// The public suffix of an ASCII domain by the list's rules (wildcards and exceptions included);
// an unlisted top-level label is a public suffix by the list's default rule "*".
std::string public_suffix_of(std::string_view ascii_domain);
bool is_public_suffix(std::string_view ascii_domain);

}  // namespace sso

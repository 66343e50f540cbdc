// The Public Suffix List (Debian's publicsuffix package): the names under which anyone can
// register, such as com, co.uk or github.io. Natively it is compiled in; the wasm module is given
// it at run time (provide_public_suffix_rules), when a trusted domain is first checked, since it
// is a fifth of the module's size.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sso {

// The rules: one a line, labels reversed ("uk.co"; "ck.www!" for the exception !www.ck), sorted
// and front-coded (tools/generate_public_suffixes.py says how). Replaces any given before.
void provide_public_suffix_rules(std::string_view rules);
// Whether the rules are there (compiled in, or provided). Without them nothing is a public suffix,
// so a caller must say that it could not check.
bool public_suffix_rules_available();
std::size_t public_suffix_rule_count();

// The public suffix of an ASCII domain by the list's rules (wildcards and exceptions included);
// an unlisted top-level label is a public suffix by the list's default rule "*".
std::string public_suffix_of(std::string_view ascii_domain);
bool is_public_suffix(std::string_view ascii_domain);

}  // namespace sso

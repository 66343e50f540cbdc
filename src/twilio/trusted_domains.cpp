#include "twilio/trusted_domains.hpp"

#include <algorithm>

#include "input/text.hpp"
#include "twilio/profiles.hpp"
#include "url/public_suffix.hpp"
#include "url/url_shapes.hpp"

namespace sso {

TrustedEntry read_trusted_entry(std::string_view raw) {
  TrustedEntry out;
  const std::string_view entry = trim(raw);
  if (entry.empty()) {
    out.refusal = "it is empty";
    return out;
  }
  if (entry.find("://") != std::string_view::npos) {
    out.wildcard = entry.find('*') != std::string_view::npos;
    const UrlRead read = read_url(entry);
    if (!read.url) {
      out.refusal = read.refusal.reason;
      return out;
    }
    const Url& url = *read.url;
    out.host = url.host;
    out.compared = url.scheme + "://" + url.host.ascii + (url.port ? ":" + std::to_string(*url.port) : "") +
                   url.pathAndQuery;
    out.url = url;
    return out;
  }
  std::string_view name = entry;
  if (name.substr(0, 2) == "*.") {
    out.wildcard = true;
    name.remove_prefix(2);
  }
  if (name.find('*') != std::string_view::npos) {
    out.refusal = "a '*' may only stand alone as the first label";
    return out;
  }
  if (name.find_first_of(":/") != std::string_view::npos) {
    out.refusal = "a host name has no port or path; write a URL such as http://localhost:3000 instead";
    return out;
  }
  std::string why;
  const std::optional<Host> host = read_domain(name, why);
  if (!host) {
    out.refusal = why;
    return out;
  }
  out.host = *host;
  out.compared = (out.wildcard ? "*." : "") + host->ascii;
  return out;
}

namespace {
// Findings for one entry; false when it is not usable.
bool check_trusted(const std::string& raw, const TrustedEntry& entry, bool legacy, Findings& findings) {
  if (entry.url) {
    if (entry.wildcard)
      findings.add(Code::TrustedDomainWildcard, legacy ? Severity::Info : Severity::Error,
                   "The trusted URL \"" + raw + "\" has a wildcard." +
                       (legacy ? " Legacy Flex SSO accepted them." : " Enhanced Flex SSO does not support wildcards: list each URL."));
  } else if (entry.wildcard && !entry.refusal.empty() && raw.find("://") != std::string::npos) {
    findings.add(Code::TrustedDomainWildcard, legacy ? Severity::Info : Severity::Error,
                 "The trusted URL \"" + raw + "\" has a wildcard." +
                     (legacy ? " Legacy Flex SSO accepted them." : " Enhanced Flex SSO does not support wildcards: list each URL."));
  }
  if (!entry.refusal.empty()) {
    findings.add(Code::TrustedDomainInvalid, "The trusted domain \"" + raw + "\" is not usable: " + entry.refusal + ".");
    return false;
  }
  if (entry.url) {
    const Url& url = *entry.url;
    if (url.port && is_blocked_port(*url.port))
      findings.add(Code::TrustedDomainBlockedPort, "The trusted URL \"" + raw + "\" uses port " +
                                                       std::to_string(*url.port) + ", which browsers refuse to open.");
    if (url.scheme == "http" && !is_localhost(url.host))
      findings.add(Code::TrustedDomainHttp, "The trusted URL \"" + raw +
                                                "\" is plain http; only localhost (for development) may be. Use https.");
    if (url.host.kind == HostKind::Domain && !is_localhost(url.host) && is_public_suffix(url.host.ascii))
      findings.add(Code::TrustedDomainPublicSuffix, "The trusted URL's host " + url.host.ascii +
                                                        " is a public suffix: anyone can register a site under it.");
    return true;
  }
  if (entry.host.kind == HostKind::Domain && !is_localhost(entry.host) && is_public_suffix(entry.host.ascii)) {
    findings.add(Code::TrustedDomainPublicSuffix,
                 "The trusted domain \"" + raw + "\" " + (entry.wildcard ? "is a wildcard over " : "is ") +
                     "the public suffix " + entry.host.ascii + ": anyone can register a site under it. List your own domain instead.");
  } else if (entry.wildcard) {
    findings.add(Code::TrustedDomainWildcard, legacy ? Severity::Info : Severity::Error,
                 "The trusted domain \"" + raw + "\" is a wildcard." +
                     (legacy ? " Legacy Flex SSO accepted them; enhanced SSO does not, so list each host when you migrate."
                             : " Enhanced Flex SSO does not support wildcards: list each host, e.g. " + entry.host.ascii + "."));
  }
  return true;
}

}  // namespace

void check_trusted_domains(const Options& options, const std::optional<Url>& redirect, Findings& findings) {
  const ProductProfile* profile = find_product(options.product);
  const bool legacy = profile && profile->wildcardDomains;
  std::vector<std::string> seen;
  bool localhost_listed = false;
  // A front end that runs the core without the Public Suffix List must have it said, never a
  // public suffix taken for a private domain in silence.
  if (!options.trustedDomains.empty() && !public_suffix_rules_available())
    findings.add(Code::TrustedDomainNotChecked,
                 "The trusted domains were not checked against the Public Suffix List, which this copy of the "
                 "helper could not load: make sure none is a public suffix (com, co.uk, github.io, …).");
  for (const std::string& raw : options.trustedDomains) {
    const TrustedEntry entry = read_trusted_entry(raw);
    if (!check_trusted(raw, entry, legacy, findings)) continue;
    localhost_listed |= entry.host.ascii == "localhost" || entry.host.ascii.rfind("127.", 0) == 0;
    if (std::find(seen.begin(), seen.end(), entry.compared) != seen.end())
      findings.add(Code::TrustedDomainDuplicate, "The trusted domain \"" + raw + "\" is listed twice.");
    seen.push_back(entry.compared);
    if (redirect && entry.host.ascii == redirect->host.ascii)
      findings.add(Code::TrustedDomainRedirectIncluded,
                   "\"" + raw + "\" is the default redirect URL's domain, which Twilio trusts anyway; listing it does "
                   "no harm.");
  }
  if (redirect && is_localhost(redirect->host) && !localhost_listed)
    findings.add(Code::TrustedDomainLocalhostMissing,
                 "For local development, also list the local URL (such as http://localhost:3000) in trusted domains.");
}


}  // namespace sso

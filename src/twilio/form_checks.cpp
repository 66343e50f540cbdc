#include "twilio/form_checks.hpp"

#include <algorithm>
#include <cctype>

#include "url/public_suffix.hpp"
#include "input/text.hpp"
#include "twilio/trusted_domains.hpp"
#include "url/url.hpp"

namespace sso {

namespace {
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_under(const std::string& host, std::string_view domain) {
  return host == domain || ends_with(host, "." + std::string(domain));
}

bool looks_like_metadata_url(const Url& url) {
  std::string path = ascii_lowercase(url.pathAndQuery.substr(0, url.pathAndQuery.find('?')));
  while (!path.empty() && path.back() == '/') path.pop_back();
  return ends_with(path, "metadata") || ends_with(path, "metadata.xml") || ends_with(path, "metadata.php") ||
         ends_with(path, "/descriptor") || ends_with(path, "federationmetadata.xml") ||
         ends_with(path, "idp_metadata.xml");
}

bool looks_like_logout_url(const Url& url) {
  const std::string path = ascii_lowercase(url.pathAndQuery);
  return path.find("logout") != std::string::npos || path.find("/slo") != std::string::npos ||
         path.find("singlelogout") != std::string::npos;
}

bool is_twilio_host(const Host& host) { return is_under(host.ascii, "twilio.com"); }

void check_sso_url(const Options& options, const Report& report, Findings& findings) {
  const TwilioValues& t = report.twilio;
  if (options.ssoUrl && t.singleSignOnUrl) {
    if (*options.ssoUrl != *t.singleSignOnUrl) {
      findings.add(Code::SsoUrlMismatch, "The single sign-on URL you have, " + *options.ssoUrl +
                                             ", differs from the one the metadata gives, " + *t.singleSignOnUrl +
                                             ". Use the metadata's in Twilio.");
    }
  }
  if (!t.singleSignOnUrl) return;
  const UrlRead read = read_url(*t.singleSignOnUrl);
  if (!read.url) {
    findings.add(Code::SsoUrlInvalid, "The single sign-on URL \"" + *t.singleSignOnUrl + "\" is not usable: " +
                                          read.refusal.reason + ". Twilio rejects malformed URLs (error 70251).");
    return;
  }
  const Url& url = *read.url;
  if (is_twilio_host(url.host)) {
    findings.add(Code::SsoUrlTwilioUrl,
                 "The single sign-on URL is a Twilio URL (" + url.host.ascii +
                     "): that is Twilio's own ACS, which goes into the identity provider. Here goes the identity "
                     "provider's login URL (its SingleSignOnService).");
    return;
  }
  if (url.scheme == "http")
    findings.add(Code::SsoUrlNotHttps, "The single sign-on URL is plain http. Users' browsers will send SAML "
                                       "requests unencrypted; use the https URL of your identity provider.");
  if (url.hasUserInfo)
    findings.add(Code::SsoUrlUserInfo, "The single sign-on URL holds a user name or password before the host. "
                                       "Remove it: credentials never belong in this URL.");
  if (url.hasFragment)
    findings.add(Code::SsoUrlFragment, "The single sign-on URL has a #fragment; Twilio appends ?SAMLRequest=… to "
                                       "the URL, which a fragment would swallow. Remove the # part.");
  if (url.host.kind != HostKind::Domain || is_localhost(url.host))
    findings.add(Code::SsoUrlLocalHost, "The single sign-on URL's host is " + url.host.ascii +
                                            ": only a browser that can reach that address can log in. Fine for a "
                                            "test on one machine; use the IdP's public host name otherwise.");
  // Some IdPs (Entra ID) use one URL for both; only a logout-only location is certain.
  bool is_slo = false, is_sso = false;
  if (report.idp) {
    for (const Endpoint& e : report.idp->sloServices) is_slo |= e.location == *t.singleSignOnUrl;
    for (const Endpoint& e : report.idp->ssoServices) is_sso |= e.location == *t.singleSignOnUrl;
  }
  is_slo &= !is_sso;
  if (is_slo || looks_like_logout_url(url))
    findings.add(Code::SsoUrlLogoutUrl, is_slo ? Severity::Error : Severity::Warning,
                 "The single sign-on URL " + std::string(is_slo ? "is the identity provider's logout URL"
                                                                : "looks like a logout URL") +
                     ". Use its SingleSignOnService location.");
  if (looks_like_metadata_url(url))
    findings.add(Code::SsoUrlMetadataUrl,
                 "The single sign-on URL looks like a metadata URL. If logins show \"This XML file does not appear "
                 "to have any style information\", this is why: use the IdP's SSO (login) URL instead.");
  if (url.host.international)
    findings.add(Code::SsoUrlInternational,
                 "The host is an international name; its ASCII form is " + url.host.ascii + ".");
}

void check_redirect_url(const Options& options, Findings& findings, std::optional<Url>& redirect) {
  if (!options.redirectUrl) return;
  const UrlRead read = read_url(*options.redirectUrl);
  if (!read.url) {
    findings.add(Code::RedirectUrlInvalid,
                        "The default redirect URL \"" + *options.redirectUrl + "\" is not usable: " + read.refusal.reason + ".");
    return;
  }
  redirect = read.url;
  if (read.url->scheme == "http" && !is_localhost(read.url->host))
    findings.add(Code::RedirectUrlNotHttps, "The default redirect URL is plain http; only localhost may be. "
                                                   "Use https.");
  findings.add(Code::RedirectUrlTrusted, "Twilio trusts the default redirect URL's domain (" +
                                                    read.url->host.ascii + ") without listing it in trusted domains.");
}

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

void check_trusted_domains(const Options& options, const std::optional<Url>& redirect, Findings& findings) {
  const bool legacy = options.product == "flex-legacy";
  std::vector<std::string> seen;
  bool localhost_listed = false;
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

void check_issuer(const Options& options, const Report& report, Findings& findings) {
  const TwilioValues& t = report.twilio;
  const std::optional<std::string> entity_id = report.idp ? std::optional<std::string>(report.idp->entityId) : std::nullopt;
  if (options.issuer) {
    const std::string& given = *options.issuer;
    if (trim(given) != given)
      findings.add(Code::IssuerWhitespace, "The issuer \"" + given + "\" has white space around it; Twilio compares the "
                                           "issuer exactly (error 70004). Remove it.");
    bool login_url = false;
    if (report.idp) {
      for (const auto* list : {&report.idp->ssoServices, &report.idp->sloServices})
        for (const Endpoint& e : *list) login_url |= e.location == trim(given);
    } else if (const UrlRead read = read_url(trim(given)); read.url) {
      // The shapes of IdPs' login URLs: Entra's login.microsoftonline.com/<tenant>/saml2, Okta's
      // …/sso/saml, Shibboleth's …/SAML2/Redirect/SSO, Google's …/o/saml2/idp, Citrix's …/saml/login.
      const std::string path = ascii_lowercase(read.url->pathAndQuery);
      login_url = read.url->host.ascii.rfind("login.", 0) == 0 || path.find("/sso") != std::string::npos ||
                  path.find("login") != std::string::npos || path.find("signon") != std::string::npos ||
                  path.find("/saml2/idp") != std::string::npos || looks_like_logout_url(*read.url);
    }
    if (login_url) {
      findings.add(Code::IssuerLoginUrl, "The issuer \"" + given + "\" is a login or logout URL, not the identity "
                                         "provider's issuer (its entity ID)." +
                                             (entity_id ? " Use " + *entity_id + "." : " Copy the IdP's entity ID."));
    } else if (entity_id && trim(given) != *entity_id) {
      const std::string g(trim(given));
      const std::string& e = *entity_id;
      std::string how = "it is a different value";
      if (g + "/" == e || g == e + "/") {
        how = "they differ only by a trailing slash";
      } else if (iequals(g, e)) {
        how = "they differ only in upper and lower case";
      } else if ((g.rfind("http://", 0) == 0 && e.rfind("https://", 0) == 0 && g.substr(7) == e.substr(8)) ||
                 (g.rfind("https://", 0) == 0 && e.rfind("http://", 0) == 0 && g.substr(8) == e.substr(7))) {
        how = "they differ only by http and https";
      }
      findings.add(Code::IssuerMismatch, "The issuer \"" + given + "\" is not the metadata's entityID \"" + e + "\": " +
                                             how + ". Twilio compares them exactly and rejects every login otherwise "
                                                   "(error 70004). Use " + e + ".");
    }
  }
  if (t.identityProviderIssuer && t.identityProviderIssuer->rfind("http://", 0) == 0)
    findings.add(Code::IssuerHttp, "The issuer starts with http://. That is normal for some identity providers "
                                   "(Okta's do): it is a name, not a link. Copy it exactly.");
}
}  // namespace

void check_form(const Options& options, const Report& report, Findings& findings) {
  check_sso_url(options, report, findings);
  std::optional<Url> redirect;
  check_redirect_url(options, findings, redirect);
  check_trusted_domains(options, redirect, findings);
  check_issuer(options, report, findings);
}

}  // namespace sso

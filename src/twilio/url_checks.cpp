#include "twilio/url_checks.hpp"

#include "url/url_shapes.hpp"

namespace sso {

namespace {
bool listed(const std::vector<Endpoint>& endpoints, const std::string& location) {
  for (const Endpoint& e : endpoints)
    if (e.location == location) return true;
  return false;
}
}  // namespace

void check_sso_url(const Options& options, const Report& report, Findings& findings) {
  const TwilioValues& t = report.twilio;
  if (options.ssoUrl && t.singleSignOnUrl && *options.ssoUrl != *t.singleSignOnUrl)
    findings.add(Code::SsoUrlMismatch, "The single sign-on URL you have, " + *options.ssoUrl +
                                           ", differs from the one the metadata gives, " + *t.singleSignOnUrl +
                                           ". Use the metadata's in Twilio.");
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
  const bool local = is_localhost(url.host);
  if (url.scheme == "http")
    findings.add(Code::SsoUrlNotHttps, local ? Severity::Warning : Severity::Error,
                 local ? "The single sign-on URL is plain http on this computer: fine for a test identity provider, "
                         "never for real users."
                       : "The single sign-on URL is plain http: users would type their passwords into a login page "
                         "anyone on the network can read or change. Use the https URL of your identity provider.");
  if (url.port && is_blocked_port(*url.port))
    findings.add(Code::SsoUrlBlockedPort, "The single sign-on URL uses port " + std::to_string(*url.port) +
                                              ", which browsers refuse to open (it belongs to another protocol). "
                                              "Use the port your identity provider's login page is served on.");
  if (url.hasUserInfo)
    findings.add(Code::SsoUrlUserInfo, "The single sign-on URL holds a user name or password before the host. "
                                       "Remove it: credentials never belong in this URL.");
  if (url.hasFragment)
    findings.add(Code::SsoUrlFragment, "The single sign-on URL has a #fragment; Twilio appends ?SAMLRequest=… to "
                                       "the URL, which a fragment would swallow. Remove the # part.");
  if (url.host.kind != HostKind::Domain || local)
    findings.add(Code::SsoUrlLocalHost, "The single sign-on URL's host is " + url.host.ascii +
                                            ": only a browser that can reach that address can log in. Fine for a "
                                            "test on one machine; use the IdP's public host name otherwise.");
  // Some IdPs (Entra ID) use one URL for both; only a logout-only location is certain.
  const bool is_slo = report.idp && listed(report.idp->sloServices, *t.singleSignOnUrl) &&
                      !listed(report.idp->ssoServices, *t.singleSignOnUrl);
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

std::optional<Url> check_redirect_url(const Options& options, const Report& report, Findings& findings) {
  if (!options.redirectUrl) return std::nullopt;
  const std::string& given = *options.redirectUrl;
  const UrlRead read = read_url(given);
  if (!read.url) {
    findings.add(Code::RedirectUrlInvalid, "The default redirect URL \"" + given + "\" is not usable: " +
                                               read.refusal.reason + ".");
    return std::nullopt;
  }
  const Url& url = *read.url;
  if (url.scheme == "http" && !is_localhost(url.host))
    findings.add(Code::RedirectUrlNotHttps, "The default redirect URL is plain http; only localhost may be. "
                                            "Use https.");
  if (url.hasUserInfo)
    findings.add(Code::RedirectUrlUserInfo,
                 "The default redirect URL holds a user name or password before the host. Twilio sends every user "
                 "there, so the credentials would reach all of them: remove them.");
  if (url.port && is_blocked_port(*url.port))
    findings.add(Code::RedirectUrlBlockedPort, "The default redirect URL uses port " + std::to_string(*url.port) +
                                                   ", which browsers refuse to open. Use the port your Flex "
                                                   "application is served on.");
  const bool is_slo = report.idp && listed(report.idp->sloServices, given);
  if (is_slo || looks_like_logout_url(url))
    findings.add(Code::RedirectUrlLogoutUrl,
                 std::string("The default redirect URL ") +
                     (is_slo ? "is your identity provider's logout URL (a SingleLogoutService of the metadata)"
                             : "looks like a logout URL") +
                     ". Twilio sends users to the default redirect URL right after they log in, so a logout URL "
                     "there logs every user straight back out. Enter where users should land instead, such as "
                     "https://flex.twilio.com/<runtime-domain> for Flex, or leave it empty.");
  findings.add(Code::RedirectUrlTrusted, "Twilio trusts the default redirect URL's domain (" + url.host.ascii +
                                             ") without listing it in trusted domains.");
  return url;
}

}  // namespace sso

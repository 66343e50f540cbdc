#include "url/url_shapes.hpp"

#include <algorithm>

#include "input/text.hpp"

namespace sso {

namespace {
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string lower_path(const Url& url) {
  std::string path = ascii_lowercase(url.pathAndQuery.substr(0, url.pathAndQuery.find('?')));
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}
}  // namespace

bool looks_like_metadata_url(const Url& url) {
  const std::string path = lower_path(url);
  return ends_with(path, "metadata") || ends_with(path, "metadata.xml") || ends_with(path, "metadata.php") ||
         ends_with(path, "/descriptor") || ends_with(path, "federationmetadata.xml") ||
         ends_with(path, "idp_metadata.xml") || contains(path, "/metadata/samlidp/") || contains(path, "/samlp/metadata/");
}

// Logout endpoints as IdPs name them: /logout, /cgi/logout (Citrix), wsignout1.0 (AD FS),
// /saml/logout, …/SLO (Shibboleth), SingleLogoutService.php (SimpleSAMLphp), logoff, signout.
bool looks_like_logout_url(const Url& url) {
  const std::string all = ascii_lowercase(url.pathAndQuery);
  const std::string path = lower_path(url);
  return contains(all, "logout") || contains(all, "logoff") || contains(all, "signout") || contains(all, "sign-out") ||
         contains(all, "wsignout") || contains(all, "singlelogout") || ends_with(path, "/slo") ||
         contains(path, "/slo/") || ends_with(path, "/slo.saml2") || contains(path, "/saml2/slo");
}

// Login endpoints: …/sso, …/saml/login (Citrix), …/sso/saml (Okta), login.microsoftonline.com/
// <tenant>/saml2 (Entra), /adfs/ls (AD FS), SSOService.php (SimpleSAMLphp), /o/saml2/idp (Google),
// /protocol/saml (Keycloak), /idp/SSO.saml2 (PingFederate), /trust/saml2/http-… (OneLogin).
bool looks_like_login_url(const Url& url) {
  if (looks_like_metadata_url(url)) return false;
  const std::string path = lower_path(url);
  const std::string& host = url.host.ascii;
  return host.rfind("login.", 0) == 0 || ends_with(path, "/sso") || contains(path, "/sso/") ||
         contains(path, "ssoservice") || ends_with(path, "/login") || contains(path, "/saml/login") ||
         contains(path, "/signon") || contains(path, "/adfs/ls") || contains(path, "/o/saml2/idp") ||
         contains(path, "/protocol/saml") || contains(path, "/sso.saml2") || contains(path, "/trust/saml2/") ||
         contains(path, "/samlp/") || looks_like_logout_url(url);
}

bool is_blocked_port(int port) {
  // https://fetch.spec.whatwg.org/#port-blocking (as of 2024: 4190 and 6679 added).
  static const int kBad[] = {0,    1,    7,    9,    11,   13,   15,   17,   19,   20,   21,   22,   23,   25,
                             37,   42,   43,   53,   69,   77,   79,   87,   95,   101,  102,  103,  104,  109,
                             110,  111,  113,  115,  117,  119,  123,  135,  137,  139,  143,  161,  179,  389,
                             427,  465,  512,  513,  514,  515,  526,  530,  531,  532,  540,  548,  554,  556,
                             563,  587,  601,  636,  989,  990,  993,  995,  1719, 1720, 1723, 2049, 3659, 4045,
                             4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080};
  return std::binary_search(std::begin(kBad), std::end(kBad), port);
}

bool is_twilio_host(const Host& host) {
  return host.ascii == "twilio.com" || ends_with(host.ascii, ".twilio.com");
}

}  // namespace sso

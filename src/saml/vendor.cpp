#include "saml/vendor.hpp"

#include "input/text.hpp"
#include "url/url.hpp"

namespace sso {

namespace {
// What a rule looks at, lower-cased: the entityID, and the host and path of each SSO/SLO
// endpoint; the signing certificates' subjects as they are.
struct Clues {
  std::string entityId;
  std::vector<std::pair<std::string, std::string>> endpoints;  // host, path and query
  std::vector<std::string> subjects;
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }
bool host_is(std::string_view host, std::string_view domain) {
  return host == domain || ends_with(host, "." + std::string(domain));
}

bool any_endpoint(const Clues& c, bool (*match)(std::string_view host, std::string_view path)) {
  for (const auto& [host, path] : c.endpoints)
    if (match(host, path)) return true;
  return false;
}
bool any_subject(const Clues& c, std::string_view part) {
  for (const std::string& s : c.subjects)
    if (contains(s, part)) return true;
  return false;
}

struct Rule {
  Vendor vendor;
  bool (*matches)(const Clues&);
};

// First match wins: the specific shapes come before the general ones (Citrix's cloud service
// before a NetScaler appliance; PingOne's hosts before PingFederate's paths). The shapes are
// those of real metadata (../shared/interop, vendors' documentation): entityIDs, endpoints and
// the certificate subjects the vendors generate.
const Rule kRules[] = {
    {{"citrix-gateway-service", "Citrix Gateway service"},
     [](const Clues& c) {
       // https://docs.citrix.com/en-us/tech-zone/learn/poc-guides/secure-access-saas-apps.html
       return starts_with(c.entityId, "https://citrix.com/") || starts_with(c.entityId, "https://cloud.com/") ||
              any_endpoint(c, [](std::string_view h, std::string_view p) {
                return host_is(h, "netscalergateway.net") || (host_is(h, "cloud.com") && contains(p, "/idp/saml/"));
              });
     }},
    {{"citrix-netscaler", "NetScaler (Citrix ADC)"},
     [](const Clues& c) {
       // The SAML IdP profile of an authentication virtual server answers at /saml/login.
       return any_endpoint(c, [](std::string_view, std::string_view p) {
         return starts_with(p, "/saml/login") || contains(p, "/metadata/samlidp/");
       });
     }},
    {{"okta", "Okta"},
     [](const Clues& c) {
       return starts_with(c.entityId, "http://www.okta.com/") || starts_with(c.entityId, "https://www.okta.com/") ||
              any_endpoint(c, [](std::string_view h, std::string_view p) {
                return (host_is(h, "okta.com") || host_is(h, "oktapreview.com") || host_is(h, "okta-emea.com")) &&
                       contains(p, "/sso/saml");
              }) ||
              (any_subject(c, "O=Okta") && any_subject(c, "OU=SSOProvider"));
     }},
    {{"entra-id", "Microsoft Entra ID"},
     [](const Clues& c) {
       return starts_with(c.entityId, "https://sts.windows.net/") ||
              any_endpoint(c, [](std::string_view h, std::string_view) {
                return h == "login.microsoftonline.com" || h == "login.microsoftonline.us" ||
                       h == "login.partner.microsoftonline.cn";
              }) ||
              any_subject(c, "CN=Microsoft Azure Federated SSO Certificate");
     }},
    {{"adfs", "AD FS"},
     [](const Clues& c) {
       return ends_with(c.entityId, "/adfs/services/trust") ||
              any_endpoint(c, [](std::string_view, std::string_view p) { return starts_with(p, "/adfs/ls"); }) ||
              any_subject(c, "CN=ADFS Signing");
     }},
    {{"google-workspace", "Google Workspace"},
     [](const Clues& c) {
       return starts_with(c.entityId, "https://accounts.google.com/o/saml2") ||
              any_endpoint(c, [](std::string_view h, std::string_view p) {
                return h == "accounts.google.com" && starts_with(p, "/o/saml2");
              });
     }},
    {{"keycloak", "Keycloak"},
     [](const Clues& c) {
       return any_endpoint(c, [](std::string_view, std::string_view p) {
         return contains(p, "/realms/") && contains(p, "/protocol/saml");
       });
     }},
    {{"pingone", "PingOne"},
     [](const Clues& c) {
       return any_endpoint(c, [](std::string_view h, std::string_view) {
                return starts_with(h, "auth.pingone.") || h == "sso.connect.pingidentity.com";
              }) ||
              any_subject(c, "CN=PingOne SSO Certificate");
     }},
    {{"pingfederate", "PingFederate"},
     [](const Clues& c) {
       return any_endpoint(c, [](std::string_view, std::string_view p) { return starts_with(p, "/idp/sso.saml2"); });
     }},
    {{"onelogin", "OneLogin"},
     [](const Clues& c) {
       return starts_with(c.entityId, "https://app.onelogin.com/saml/metadata/") ||
              any_endpoint(c, [](std::string_view h, std::string_view p) {
                return host_is(h, "onelogin.com") && starts_with(p, "/trust/saml2/");
              }) ||
              any_subject(c, "OU=OneLogin IdP");
     }},
    {{"jumpcloud", "JumpCloud"},
     [](const Clues& c) {
       return any_endpoint(c, [](std::string_view h, std::string_view) { return h == "sso.jumpcloud.com"; }) ||
              any_subject(c, "OU=JumpCloudSAMLIdP");
     }},
    {{"auth0", "Auth0"},
     [](const Clues& c) {
       return (starts_with(c.entityId, "urn:") && ends_with(c.entityId, ".auth0.com")) ||
              any_endpoint(c, [](std::string_view h, std::string_view p) {
                return host_is(h, "auth0.com") && starts_with(p, "/samlp/");
              });
     }},
    {{"aws-iam-identity-center", "AWS IAM Identity Center"},
     [](const Clues& c) {
       return any_endpoint(c, [](std::string_view h, std::string_view p) {
         return starts_with(h, "portal.sso.") && ends_with(h, ".amazonaws.com") && starts_with(p, "/saml/");
       });
     }},
    {{"duo", "Duo"},
     [](const Clues& c) {
       return any_endpoint(c, [](std::string_view h, std::string_view) { return host_is(h, "sso.duosecurity.com"); });
     }},
    {{"salesforce", "Salesforce"},
     [](const Clues& c) {
       return any_endpoint(c, [](std::string_view h, std::string_view p) {
         return starts_with(p, "/idp/endpoint/http") &&
                (host_is(h, "salesforce.com") || host_is(h, "force.com") || host_is(h, "site.com"));
       });
     }},
    {{"forgerock-am", "ForgeRock AM (OpenAM)"},
     [](const Clues& c) {
       // Hosted IdPs answer under /SSORedirect/metaAlias/<realm>/<idp>.
       return any_endpoint(c, [](std::string_view, std::string_view p) { return contains(p, "/metaalias/"); });
     }},
    {{"shibboleth", "Shibboleth"},
     [](const Clues& c) {
       return ends_with(c.entityId, "/idp/shibboleth") ||
              any_endpoint(c, [](std::string_view, std::string_view p) { return starts_with(p, "/idp/profile/saml2/"); });
     }},
    {{"simplesamlphp", "SimpleSAMLphp"},
     [](const Clues& c) {
       return ends_with(c.entityId, "/saml2/idp/metadata.php") ||
              any_endpoint(c, [](std::string_view, std::string_view p) {
                return contains(p, "/saml2/idp/ssoservice.php") || contains(p, "/module.php/saml/idp/");
              });
     }},
};

Clues clues_of(const IdentityProvider& idp) {
  Clues c;
  c.entityId = ascii_lowercase(idp.entityId);
  for (const auto* list : {&idp.ssoServices, &idp.sloServices})
    for (const Endpoint& e : *list)
      if (const UrlRead read = read_url(e.location); read.url)
        c.endpoints.emplace_back(read.url->host.ascii, ascii_lowercase(read.url->pathAndQuery));
  for (const Certificate& cert : idp.signingCertificates)
    if (!cert.error) c.subjects.push_back(cert.subject);
  return c;
}
}  // namespace

std::optional<Vendor> recognise_vendor(const IdentityProvider& idp) {
  const Clues clues = clues_of(idp);
  for (const Rule& rule : kRules)
    if (rule.matches(clues)) return rule.vendor;
  return std::nullopt;
}

const char* vendor_name(const std::string& id) {
  for (const Rule& rule : kRules)
    if (id == rule.vendor.id) return rule.vendor.name;
  return nullptr;
}

}  // namespace sso

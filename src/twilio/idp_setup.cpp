#include "twilio/idp_setup.hpp"

#include <cstring>

#include "saml/vendor.hpp"

namespace sso {

namespace {
// One vendor's labels. nullptr: not confirmed in the vendor's documentation, so the generic
// wording is used. Each row cites where its labels were read (checked 2026-12).
struct Guide {
  const char* vendor;
  const char* app;          // where the admin adds Twilio as an application
  const char* acs;          // the label of the ACS URL
  const char* audience;     // the label of the SP entity ID
  const char* attributes;   // how to send email, full_name, roles with plain names (Flex)
  const char* nameId;       // where the NameID format is set (Console: emailAddress)
  const char* signing;      // how to sign the response and the assertion with SHA-256
  const char* encryption;   // how to leave the assertion unencrypted
  const char* note;         // what else this vendor's admins trip on
  const char* sources;      // the documentation read, one address per line
};

const Guide kGeneric = {
    "", "Add a SAML 2.0 application (service provider) for Twilio.", "Assertion Consumer Service (ACS) URL",
    "Audience (SP entity ID)",
    "Send the attributes email, full_name and roles with exactly these names: no URI namespace in front, name "
    "format Basic or Unspecified.",
    "Set the NameID format to emailAddress and send the user's email address as the NameID.",
    "Sign both the SAML response and the assertion, with RSA-SHA256 (SHA-256 digests).",
    "Do not encrypt the assertion.", nullptr, ""};

const Guide kGuides[] = {
    // https://docs.citrix.com/en-us/tech-zone/learn/poc-guides/secure-access-saas-apps.html
    {"citrix-gateway-service",
     "In Citrix Cloud, Secure Private Access: Add a Web/SaaS app › Choose a template › App details › Enhanced "
     "Security › Single Sign-On (SAML).",
     "Assertion URL", "Audience", nullptr, "Name ID Format and Name ID", nullptr, nullptr,
     "Citrix's own guide for this setup calls Twilio's DEFAULT REDIRECT URL the \"IdP logoff URL\". Twilio sends "
     "users there after they log in, so a logout URL there logs them straight out: leave it empty, or use "
     "https://flex.twilio.com/<runtime-domain>.",
     "https://docs.citrix.com/en-us/tech-zone/learn/poc-guides/secure-access-saas-apps.html"},
    // https://support.citrix.com/external/article/221289/ (GUI) and the samlIdPProfile command reference.
    {"citrix-netscaler",
     "NetScaler: Security › AAA - Application Traffic › Policies › Authentication › Advanced Policies › SAML IDP: "
     "create the SAML IdP profile (add authentication samlIdPProfile).",
     "Assertion Consumer Service URL (-assertionConsumerServiceURL)", "Audience (-audience)",
     "Add Attribute1 to Attribute3 named email, full_name and roles, each with its expression and format Basic "
     "(-Attribute1 email -Attribute1Expr … -Attribute1Format Basic).",
     "Name ID Format (-NameIDFormat) and its expression (-NameIDExpr)",
     "Sign Assertion: BOTH (-signAssertion BOTH); Signing Algorithm RSA-SHA256 (-signatureAlg RSA-SHA256) and "
     "Digest Method SHA256 (-digestMethod SHA256). Older appliances default to SHA-1.",
     "Leave assertion encryption off (-encryptAssertion OFF).",
     "The Issuer Name (-samlIssuerName) is free text: enter exactly the same text as Twilio's IDENTITY PROVIDER "
     "ISSUER. A profile signs with one certificate (-samlIdPCertName): when you replace it, put the new "
     "certificate into Twilio at the same moment.",
     "https://support.citrix.com/external/article/221289/how-to-configure-saml-on-netscaler-111.html\n"
     "https://developer-docs.netscaler.com/en-us/adc-command-reference-int/current-release/authentication/"
     "authentication-samlidpprofile"},
    // https://help.okta.com/en-us/content/topics/apps/aiw-saml-reference.htm ; Twilio's Okta guide.
    {"okta", "Applications › Create App Integration › SAML 2.0.",
     "Single sign-on URL (tick \"Use this for Recipient URL and Destination URL\")", "Audience URI (SP Entity ID)",
     "Attribute Statements: add email, full_name and roles in the Name fields, exactly so.", "Name ID format",
     "Show Advanced Settings: Response Signed, Assertion Signature Signed, Signature Algorithm RSA-SHA256, "
     "Digest Algorithm SHA256.",
     "Show Advanced Settings: Assertion Encryption Unencrypted.", nullptr,
     "https://help.okta.com/en-us/content/topics/apps/aiw-saml-reference.htm\n"
     "https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta"},
    // learn.microsoft.com: add-application-portal-setup-sso, saml-claims-customization,
    // certificate-signing-options; Twilio's Entra guide.
    {"entra-id",
     "Enterprise applications › New application › Create your own application (non-gallery) › Single sign-on › "
     "SAML.",
     "Basic SAML Configuration › Reply URL (Assertion Consumer Service URL)",
     "Basic SAML Configuration › Identifier (Entity ID) (remove the default value)",
     "Attributes & Claims › Add new claim: email from user.mail, full_name from user.displayname, roles from "
     "user.assignedroles; leave Namespace empty, or the name becomes a URI Twilio does not read.",
     "Attributes & Claims › Unique User Identifier (Name ID) › Choose name identifier format",
     "SAML Signing Certificate › Signing Option: Sign SAML response and assertion; Signing Algorithm: SHA-256.",
     nullptr, nullptr,
     "https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/add-application-portal-setup-sso\n"
     "https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/certificate-signing-options\n"
     "https://learn.microsoft.com/en-us/entra/identity-platform/saml-claims-customization\n"
     "https://www.twilio.com/docs/flex/sso-configuration/azure-ad"},
    // learn.microsoft.com: create-a-relying-party-trust, create-a-rule-to-send-ldap-attributes-as-claims,
    // Set-AdfsRelyingPartyTrust.
    {"adfs",
     "AD FS Management › Relying Party Trusts › Add Relying Party Trust › Claims aware › Enter data about the "
     "relying party manually.",
     "Enable support for the SAML 2.0 WebSSO protocol › Relying party SAML 2.0 SSO service URL",
     "Configure Identifiers › Relying party trust identifier",
     "Edit Claim Issuance Policy › Add Rule › Send LDAP Attributes as Claims: type email, full_name and roles as "
     "the Outgoing Claim Type (plain names, not the claim URIs in the list).",
     nullptr,
     "In PowerShell: Set-AdfsRelyingPartyTrust -TargetName <name> -SamlResponseSignature MessageAndAssertion "
     "-SignatureAlgorithm http://www.w3.org/2001/04/xmldsig-more#rsa-sha256 (the default signs the assertion only).",
     "Add no encryption certificate to the relying party trust.", nullptr,
     "https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/operations/create-a-relying-party-trust\n"
     "https://learn.microsoft.com/en-us/windows-server/identity/ad-fs/operations/"
     "create-a-rule-to-send-ldap-attributes-as-claims"},
    // Twilio's Google guide.
    {"google-workspace", "Admin console › Apps › Web and mobile apps › Add app › Add custom SAML app.",
     "Service provider details › ACS URL", "Service provider details › Entity ID",
     "Map full_name and roles from custom user attributes (Twilio's guide adds a category \"Flex Details\"), and "
     "email from the primary email.",
     nullptr,
     "Google Workspace signs either the assertion or, with \"Signed response\", the whole response, never both: "
     "follow Twilio's Google guide for this IdP.",
     nullptr, "Twilio's guide does not use a default redirect URL with Google Workspace.",
     "https://www.twilio.com/docs/flex/sso-configuration/google"},
    // https://www.keycloak.org/docs/latest/server_admin/ (Creating a SAML client)
    {"keycloak", "Clients › Create client › Client type SAML.",
     "Advanced › Assertion Consumer Service POST Binding URL (and Valid Redirect URIs)", "Client ID", nullptr,
     "Name ID Format (with Force Name ID Format)",
     "Signature and Encryption: Sign Documents ON (the response), Sign Assertions ON, Signature Algorithm "
     "RSA_SHA256.",
     "Keys: Encrypt Assertions OFF.", nullptr, "https://www.keycloak.org/docs/latest/server_admin/"},
    // https://docs.pingidentity.com/pingone/applications/p1_edit_application_saml.html
    {"pingone", "Applications › Applications › + › SAML application › Configure.", "ACS URLs", "Entity ID",
     nullptr, nullptr, "Signing key: sign the assertion and the response, with RSA_SHA256.",
     "Leave Encryption off.", nullptr,
     "https://docs.pingidentity.com/pingone/applications/p1_edit_application_saml.html"},
    // PingFederate 13.1 administrator's reference guide.
    {"pingfederate",
     "Applications › Integrations › SP Connections: a new connection, Browser SSO › Configure Browser SSO.",
     "Assertion Consumer Service URL › Endpoint URL (binding POST)",
     "General Info › Partner's Entity ID, Issuer, Partner's Realm, or Connection ID",
     "Attribute Contract › Extend the Contract with email, full_name and roles (attribute name format Basic).",
     "Attribute Contract › SAML_SUBJECT (its subject name format)",
     "Signature Policy: Always Sign Assertion and Sign Response As Required; Digital Signature Settings: RSA "
     "SHA256.",
     nullptr, nullptr, "https://docs.pingidentity.com/pingfederate/13.1/administrators_reference_guide/"},
    // https://jumpcloud.com/support/sso-application-connector-fields
    {"jumpcloud", nullptr, "ACS URLs", "SP Entity ID", nullptr, "SAMLSubject NameID", nullptr, nullptr,
     "JumpCloud's IdP Entity ID is free text you choose: enter exactly the same text as Twilio's IDENTITY PROVIDER "
     "ISSUER, and not a placeholder.",
     "https://jumpcloud.com/support/sso-application-connector-fields"},
    // Twilio's Auth0 guide (Addons › SAML2 Web App settings).
    {"auth0", "Applications › Applications › your application › Addons › SAML2 Web App.",
     "Settings › Application Callback URL", "\"audience\" in the Settings JSON",
     "Send them with plain names (\"mappings\" in the Settings JSON, or an Action that calls "
     "api.samlResponse.setAttribute(\"email\", …)).",
     "\"nameIdentifierFormat\" in the Settings JSON",
     "Auth0 signs either the assertion or the whole response: set \"signResponse\": true (as Twilio's guide "
     "does), with \"signatureAlgorithm\": \"rsa-sha256\" and \"digestAlgorithm\": \"sha256\" (the defaults are SHA-1).",
     nullptr, nullptr, "https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/auth0"},
    // https://docs.aws.amazon.com/singlesignon/latest/userguide/customermanagedapps-set-up-your-own-app-saml2.html
    {"aws-iam-identity-center",
     "Applications › Customer managed › Add application › I have an application I want to set up › SAML 2.0.",
     "Application metadata › Application ACS URL", "Application metadata › Application SAML audience", nullptr,
     nullptr, nullptr, nullptr, nullptr,
     "https://docs.aws.amazon.com/singlesignon/latest/userguide/customermanagedapps-set-up-your-own-app-saml2.html"},
    // https://securitydocs.cisco.com/docs/csa/olh/119565.dita (Duo's Generic SAML Service Provider)
    {"duo", "Applications › Protect an Application › Generic SAML Service Provider.",
     "Service Provider › Assertion Consumer Service (ACS) URL", "Service Provider › Entity ID",
     "SAML Response › Map attributes: email, full_name and roles as the SAML Response Attribute names.",
     "SAML Response › NameID format",
     "SAML Response › Signing options: tick both Sign response and Sign assertion; Signature algorithm SHA256.",
     nullptr, nullptr, "https://securitydocs.cisco.com/docs/csa/olh/119565.dita"},
    // https://help.salesforce.com (External Client Apps, SAML); Twilio's Salesforce guide.
    {"salesforce",
     "Setup › App Manager › New Connected App › Enable SAML (new orgs: an External Client App with SAML "
     "settings, as Salesforce no longer lets most orgs create Connected Apps).",
     "ACS URL", "Entity Id", "Custom Attributes: add full_name and roles (and email).",
     "Subject Type and Name ID Format", nullptr, "Leave Encrypt SAML Response unticked.", nullptr,
     "https://www.twilio.com/docs/flex/sso-configuration/salesforce\n"
     "https://help.salesforce.com/apex/HTViewHelpDoc?id=xcloud.configure_external_client_app_saml.htm"},
    // Shibboleth IdP wiki: RelyingPartyConfiguration, SAML2SSOConfiguration.
    {"shibboleth",
     "Load Twilio's SP metadata with a MetadataProvider, and give its entity ID an override in "
     "conf/relying-party.xml with the SAML2.SSO profile.",
     "the AssertionConsumerService in Twilio's SP metadata", "Twilio's entityID in that metadata", nullptr,
     "nameIDFormatPrecedence on the SAML2.SSO profile",
     "SAML2.SSO with p:signAssertions=\"true\" (responses are signed by default), SHA-256 being the default.",
     "SAML2.SSO with p:encryptAssertions=\"false\": the IdP encrypts assertions by default, and Twilio does not "
     "decrypt.",
     nullptr, "https://shibboleth.atlassian.net/wiki/spaces/IDP4/pages/1265631694"},
    // SimpleSAMLphp's SP remote metadata reference.
    {"simplesamlphp", "Add Twilio to metadata/saml20-sp-remote.php, keyed by Twilio's entity ID.",
     "'AssertionConsumerService'", "the array key (Twilio's entity ID)",
     "'attributes.NameFormat' => 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic' (the default is uri), and "
     "an authproc such as core:AttributeMap that names them email, full_name and roles.",
     "'NameIDFormat'",
     "'saml20.sign.response' => true and 'saml20.sign.assertion' => true (the defaults), 'signature.algorithm' => "
     "'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'.",
     "'assertion.encryption' => false (the default).", nullptr,
     "https://simplesamlphp.org/docs/stable/simplesamlphp-reference-sp-remote"},
};

const Guide* guide_for(const std::optional<std::string>& vendor) {
  if (!vendor) return nullptr;
  for (const Guide& g : kGuides)
    if (*vendor == g.vendor) return &g;
  return nullptr;
}

const char* pick(const char* specific, const char* generic) { return specific ? specific : generic; }

std::vector<std::string> lines(const char* text) {
  std::vector<std::string> out;
  for (const char* p = text; *p;) {
    const char* end = std::strchr(p, '\n');
    out.emplace_back(p, end ? static_cast<std::size_t>(end - p) : std::strlen(p));
    p = end ? end + 1 : p + std::strlen(p);
  }
  return out;
}
}  // namespace

std::optional<IdpSetup> idp_setup(const Options& options, const Report& report) {
  const bool console = options.product == "console";
  const std::optional<std::string> vendor = report.idp ? report.idp->vendor : std::nullopt;
  const Guide* specific = guide_for(vendor);
  const Guide& g = specific ? *specific : kGeneric;
  const char* name = vendor ? vendor_name(*vendor) : nullptr;
  const ServiceProvider* sp = report.serviceProvider ? &*report.serviceProvider : nullptr;
  const std::string acs = sp && !sp->acsUrl.empty() ? sp->acsUrl
                          : sp                      ? "the ACS URL Twilio Console shows for the connection"
                                                    : "Twilio's ACS URL (give your Twilio id to see it)";
  const std::string audience = sp ? sp->entityId : "Twilio's entity ID (give your Twilio id to see it)";

  IdpSetup setup;
  setup.vendor = vendor;
  setup.heading = name ? std::string("In ") + name + ", in its own words" : "In your identity provider";
  auto step = [&](std::string where, std::string text) { setup.steps.push_back({std::move(where), std::move(text)}); };
  step("Application", pick(g.app, kGeneric.app));
  step(pick(g.acs, kGeneric.acs), "enter " + acs + (console ? " (also as Recipient and Destination)." : "."));
  step(pick(g.audience, kGeneric.audience), "enter " + audience + ".");
  if (console) {
    step(pick(g.nameId, "NameID format"), "emailAddress, with the user's email address: Console SSO requires it.");
  } else {
    step("Attributes", pick(g.attributes, kGeneric.attributes));
    step("roles", "one or more of admin, supervisor and agent, as several values or separated by commas.");
  }
  step("Signing", pick(g.signing, kGeneric.signing));
  step("Encryption", pick(g.encryption, kGeneric.encryption));
  if (!console)
    step("Session", "keep the session (SessionNotOnOrAfter) longer than one hour; 8 to 10 hours is usual.");
  if (g.note) step("Note", g.note);
  setup.sources = lines(g.sources);
  return setup;
}

}  // namespace sso

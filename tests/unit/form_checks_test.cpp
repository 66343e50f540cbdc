// The form's text fields: SSO URL, default redirect URL, trusted domains, issuer; and the values
// Twilio gives the IdP.
#include <doctest/doctest.h>

#include <functional>

#include "url/public_suffix.hpp"
#include "report/json.hpp"
#include "test_support.hpp"
#include "twilio/profiles.hpp"

namespace {
const char* kOktaIssuer = "http://www.okta.com/exkppsa1qwuFV4D7z0h7";

std::string okta() { return test::read_file(test::interop_dir() + "/metadata/okta_dev-513394_crewjam.xml"); }

sso::Report with(const std::function<void(sso::Options&)>& set, const std::string& input = okta()) {
  sso::Options o = test::options_at_manifest_date();
  set(o);
  return sso::analyze(input, o);
}

std::string severity_of(const sso::Report& r, const std::string& code) {
  for (const sso::Finding& f : r.findings.all())
    if (f.code == code) return sso::severity_name(f.severity);
  return "none";
}
}  // namespace

TEST_CASE("the Public Suffix List from Debian's package") {
  CHECK(sso::kPublicSuffixRuleCount > 5000);
  for (const char* suffix : {"com", "co.uk", "github.io", "blogspot.com", "xn--p1ai", "ck", "anything.ck", "x.kawasaki.jp"})
    CHECK_MESSAGE(sso::is_public_suffix(suffix), std::string(suffix));
  for (const char* name : {"example.com", "example.co.uk", "me.github.io", "www.ck", "city.kawasaki.jp", "twilio.com"})
    CHECK_MESSAGE(!sso::is_public_suffix(name), std::string(name));
  CHECK(sso::public_suffix_of("a.b.example.co.uk") == "co.uk");
  CHECK(sso::public_suffix_of("www.ck") == "ck");  // the exception rule !www.ck
  CHECK(sso::public_suffix_of("foo.bar.ck") == "bar.ck");  // the wildcard rule *.ck
  CHECK(sso::public_suffix_of("example.unlistedtld") == "unlistedtld");  // the default rule
}

TEST_CASE("trusted domains") {
  auto trusted = [](std::vector<std::string> domains, const std::string& product = "flex") {
    return with([&](sso::Options& o) {
      o.trustedDomains = domains;
      o.product = product;
    });
  };
  CHECK(severity_of(trusted({"example.com", "https://example.com/flex", "http://localhost:3000"}), "trusted-domain.invalid") == "none");
  CHECK_FALSE(trusted({"example.com", "https://example.com/flex", "http://localhost:3000"}).findings.has_error());
  CHECK(severity_of(trusted({"*.example.com"}), "trusted-domain.wildcard") == "error");
  CHECK(severity_of(trusted({"*.example.com"}, "flex-legacy"), "trusted-domain.wildcard") == "info");
  CHECK(severity_of(trusted({"*.com"}), "trusted-domain.public-suffix") == "error");
  CHECK(severity_of(trusted({"*.co.uk"}, "flex-legacy"), "trusted-domain.public-suffix") == "error");
  CHECK(severity_of(trusted({"github.io"}), "trusted-domain.public-suffix") == "error");
  CHECK(severity_of(trusted({"me.github.io"}), "trusted-domain.public-suffix") == "none");
  CHECK(severity_of(trusted({std::string(64, 'a') + ".com"}), "trusted-domain.invalid") == "error");
  CHECK(severity_of(trusted({std::string(63, 'a') + ".com"}), "trusted-domain.invalid") == "none");
  std::string long_name;
  for (int i = 0; i < 26; ++i) long_name += "abcdefghi.";
  CHECK(severity_of(trusted({long_name + "com"}), "trusted-domain.invalid") == "error");  // 263 octets
  CHECK(severity_of(trusted({"a..example.com"}), "trusted-domain.invalid") == "error");
  CHECK(severity_of(trusted({""}), "trusted-domain.invalid") == "error");
  CHECK(severity_of(trusted({"localhost:3000"}), "trusted-domain.invalid") == "error");
  CHECK(severity_of(trusted({"http://example.com"}), "trusted-domain.http") == "error");
  CHECK(severity_of(trusted({"example.com", "EXAMPLE.com"}), "trusted-domain.duplicate") == "warning");
  CHECK(severity_of(trusted({"bücher.example", "xn--bcher-kva.example"}), "trusted-domain.duplicate") == "warning");
  const sso::Report r = with([](sso::Options& o) {
    o.redirectUrl = "https://flex.twilio.com/quick-fox-1234";
    o.trustedDomains = {"flex.twilio.com"};
  });
  CHECK(severity_of(r, "trusted-domain.redirect-included") == "info");
  CHECK(severity_of(r, "redirect-url.trusted") == "info");
  CHECK(severity_of(with([](sso::Options& o) { o.redirectUrl = "http://localhost:3000/"; }),
                    "trusted-domain.localhost-missing") == "info");
  CHECK(severity_of(with([](sso::Options& o) { o.redirectUrl = "http://example.com/"; }), "redirect-url.not-https") == "error");
  CHECK(severity_of(with([](sso::Options& o) { o.redirectUrl = "flex.twilio.com"; }), "redirect-url.invalid") == "error");
}

TEST_CASE("the issuer, compared with the metadata's entityID") {
  auto issuer = [](const std::string& value) { return with([&](sso::Options& o) { o.issuer = value; }); };
  CHECK_FALSE(issuer(kOktaIssuer).findings.has_error());
  CHECK(severity_of(issuer(kOktaIssuer), "issuer.http") == "info");
  const sso::Report slash = issuer(std::string(kOktaIssuer) + "/");
  REQUIRE(severity_of(slash, "issuer.mismatch") == "error");
  CHECK(slash.findings.all()[0].message.find("trailing slash") != std::string::npos);
  CHECK(issuer("HTTP://WWW.OKTA.COM/EXKPPSA1QWUFV4D7Z0H7").findings.all()[0].message.find("upper and lower case") !=
        std::string::npos);
  CHECK(issuer("https://www.okta.com/exkppsa1qwuFV4D7z0h7").findings.all()[0].message.find("http and https") !=
        std::string::npos);
  CHECK(severity_of(issuer(std::string(" ") + kOktaIssuer), "issuer.whitespace") == "error");
  CHECK(severity_of(issuer("https://dev-513394.oktapreview.com/app/rstudioincdev513394_dev_1/exkppsa1qwuFV4D7z0h7/sso/saml"),
                    "issuer.login-url") == "error");
  // Without metadata: a login URL is recognised by its shape.
  const std::string cert = test::read_file(test::interop_dir() + "/certs/rsa2048_sha256_entra_accesscontrol.pem");
  const sso::Report r = with([](sso::Options& o) { o.issuer = "https://login.microsoftonline.com/tenant/saml2"; }, cert);
  CHECK(severity_of(r, "issuer.login-url") == "error");
  CHECK(r.twilio.identityProviderIssuer == "https://login.microsoftonline.com/tenant/saml2");
}

TEST_CASE("the single sign-on URL") {
  const std::string cert = test::read_file(test::interop_dir() + "/certs/rsa2048_sha256_entra_accesscontrol.pem");
  auto sso_url = [&](const std::string& value) { return with([&](sso::Options& o) { o.ssoUrl = value; }, cert); };
  CHECK_FALSE(sso_url("https://login.microsoftonline.com/81c1df79/saml2").findings.has(sso::Code::SsoUrlInvalid));
  CHECK(severity_of(sso_url("login.microsoftonline.com/x/saml2"), "sso-url.invalid") == "error");
  CHECK(severity_of(sso_url("https://idp.example.com/sso#x"), "sso-url.fragment") == "error");
  CHECK(severity_of(sso_url("https://u:p@idp.example.com/sso"), "sso-url.user-info") == "error");
  CHECK(severity_of(sso_url("http://idp.example.com/sso"), "sso-url.not-https") == "warning");
  CHECK(severity_of(sso_url("https://10.0.0.5/sso"), "sso-url.local-host") == "warning");
  CHECK(severity_of(sso_url("https://idp.example.com/FederationMetadata/2007-06/FederationMetadata.xml"),
                    "sso-url.metadata-url") == "warning");
  CHECK(severity_of(sso_url("https://idp.example.com/saml/logout"), "sso-url.logout-url") == "warning");
  CHECK(severity_of(sso_url("https://login.flex.us1.twilio.com/login/callback?connection=JQ0"), "sso-url.twilio-url") == "error");
  CHECK(severity_of(sso_url("https://bücher.example/sso"), "sso-url.international") == "info");
  // From metadata: the SLO location pasted as SSO URL is certain, so an error.
  const std::string adfs = test::read_file(test::interop_dir() + "/metadata/adfs_no_keydescriptor_use_passport-saml-metadata.xml");
  const sso::Report r = with([](sso::Options& o) { o.ssoUrl = "https://adfs.server.url/adfs/ls/Redirect"; }, adfs);
  CHECK_FALSE(r.findings.has(sso::Code::SsoUrlMismatch));
  CHECK(severity_of(with([](sso::Options& o) { o.ssoUrl = "https://other.example/sso"; }, adfs), "sso-url.mismatch") == "error");
}

TEST_CASE("Twilio's service-provider values from one table") {
  const std::string jq = "JQ" + std::string("0123456789abcdef0123456789ABCDEF");
  const std::string ac = "AC" + std::string("0123456789abcdef0123456789abcdef");
  const sso::Report flex = with([&](sso::Options& o) { o.connectionId = jq; });
  REQUIRE(flex.serviceProvider);
  CHECK(flex.serviceProvider->acsUrl == "https://login.flex.us1.twilio.com/login/callback?connection=" + jq);
  CHECK(flex.serviceProvider->entityId == "urn:flex:" + jq);
  const sso::Report legacy = with([&](sso::Options& o) {
    o.product = "flex-legacy";
    o.accountSid = ac;
  });
  REQUIRE(legacy.serviceProvider);
  CHECK(legacy.serviceProvider->acsUrl == "https://iam.twilio.com/v1/Accounts/" + ac + "/saml2");
  CHECK(legacy.serviceProvider->entityId == "https://iam.twilio.com/v1/Accounts/" + ac + "/saml2/metadata");
  CHECK(severity_of(legacy, "twilio.legacy-migration") == "warning");  // 2026-11-28 is past 2026-03-31
  const sso::Report before = with([&](sso::Options& o) {
    o.product = "flex-legacy";
    o.accountSid = ac;
    o.now = sso::epoch_seconds(2026, 3, 30, 0, 0, 0);
  });
  CHECK(severity_of(before, "twilio.legacy-migration") == "none");
  const sso::Report console = with([](sso::Options& o) {
    o.product = "console";
    o.connectionId = "abc_123";
  });
  REQUIRE(console.serviceProvider);
  CHECK(console.serviceProvider->entityId == "urn:console:abc_123");
  CHECK(console.serviceProvider->acsUrl.empty());
  CHECK(severity_of(console, "twilio.console-acs") == "info");
  for (const std::string& bad : {std::string("JQ123"), "JX" + jq.substr(2), jq + "0", "JQ" + std::string(32, 'g')}) {
    const sso::Report r = with([&](sso::Options& o) { o.connectionId = bad; });
    CHECK_MESSAGE(severity_of(r, "twilio.bad-id") == "error", bad);
    CHECK_FALSE(r.serviceProvider);
  }
  CHECK(severity_of(with([](sso::Options& o) { o.product = "studio"; }), "twilio.unknown-product") == "error");
  CHECK(severity_of(with([](sso::Options&) {}), "twilio.no-id") == "info");
  CHECK(sso::product_profiles().size() == 3);
}

TEST_CASE("the Report names the product's id and says what its IdP must send") {
  const sso::Report flex = with([](sso::Options&) {});
  REQUIRE(flex.product);
  CHECK(flex.product->idName == "Flex SSO connection id");
  CHECK(flex.product->idpGuidance.find("full_name") != std::string::npos);
  CHECK(flex.product->idpGuidance.find("do not encrypt") != std::string::npos);
  const sso::Report console = with([](sso::Options& o) { o.product = "console"; });
  REQUIRE(console.product);
  CHECK(console.product->idpGuidance.find("emailAddress") != std::string::npos);
  CHECK_FALSE(with([](sso::Options& o) { o.product = "studio"; }).product);
  CHECK(sso::report_json(flex).find("\"product\":{\"product\":\"flex\",\"idName\":\"Flex SSO connection id\"") !=
        std::string::npos);
}

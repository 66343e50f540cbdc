// Every interop metadata file against MANIFEST.tsv (../shared/interop/README.md gives the rules).
#include <doctest/doctest.h>

#include <map>
#include <optional>

#include "test_support.hpp"

namespace {
const char* kRedirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const char* kPost = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

std::size_t count(const std::string& cell) { return cell == "-" ? 0 : std::stoul(cell); }

std::string first_location(const std::vector<sso::Endpoint>& endpoints, const char* binding) {
  for (const sso::Endpoint& e : endpoints)
    if (e.binding == binding) return e.location;
  return "-";
}

// "INVALID" in the manifest: OpenSSL rejects the DER. Either we say why it does not decode, or
// (base64 of PEM, fp_status says so) we decoded the inner certificate and say it was double-encoded.
void check_certificate(const sso::Certificate& cert, const std::string& expected, const std::string& status,
                       const sso::Report& report) {
  if (expected != "INVALID") {
    REQUIRE_FALSE(cert.error);
    CHECK(cert.sha256 == expected);
    return;
  }
  if (status.find("double encoded") != std::string::npos) {
    const std::size_t at = status.find("sha256=");
    REQUIRE(at != std::string::npos);
    REQUIRE_FALSE(cert.error);
    CHECK(cert.sha256 == status.substr(at + 7));
    CHECK(test::has_finding(report, "cert.double-encoded"));
  } else {
    REQUIRE(cert.error);
    // The same figures as the manifest ("header says 1595 bytes, 1196 present"), in our words.
    const std::size_t from = status.find("header says"), to = status.find(" present");
    REQUIRE(from != std::string::npos);
    CHECK(cert.error->find(status.substr(from, to - from)) != std::string::npos);
    CHECK(test::has_finding(report, "cert.invalid"));
  }
}
}  // namespace

// The vendor of each interop file's chosen IdP, from what the file is (MANIFEST.tsv's idp_kind)
// and, where that disagrees with its content, the content: the "ADFS" file from
// passport-saml-metadata is OpenAM's (…/SSORedirect/metaAlias/…), the two synthetic OneLogin
// toolkit files carry OneLogin account certificates.
const std::map<std::string, std::string> kVendors = {
    {"okta_dev-513394_crewjam.xml", "okta"},
    {"onelogin_383123_python3-saml.xml", "onelogin"},
    {"adfs_no_keydescriptor_use_passport-saml-metadata.xml", "adfs"},
    {"adfs_multiline_cert_europarl_passport-saml-metadata.xml", "forgerock-am"},
    {"adfs_federationmetadata_java-saml.xml", "adfs"},
    {"entra_common_tenantid_placeholder.xml", "entra-id"},
    {"entra_tenant_81c1df79.xml", "entra-id"},
    {"google_workspace_boxyhq.xml", "google-workspace"},
    {"shibboleth_testshib_aggregate_python3-saml.xml", "shibboleth"},
    {"simplesamlphp_xenosmilus_pysaml2.xml", "simplesamlphp"},
    {"aggregate_swamid_test_pysaml2.xml", "simplesamlphp"},
    {"keycloak_utf8_bom_hide_from_discovery.xml", "keycloak"},
    {"keycloak_expired_validuntil_disabled.xml", "keycloak"},
    {"multi_signing_certs_with_duplicate_python3-saml.xml", "onelogin"},
    {"cacheduration_and_validuntil_ruby-saml.xml", "onelogin"},
};

TEST_CASE("interop metadata corpus matches MANIFEST.tsv") {
  if (!test::interop_present()) return;
  const std::string dir = test::interop_dir() + "/metadata/";
  const std::vector<test::Row> rows = test::read_manifest(dir + "MANIFEST.tsv");
  REQUIRE(rows.size() == 24);
  int matched = 0;
  for (const test::Row& row : rows) {
    const std::string file = row.at("file");
    CAPTURE(file);
    const sso::Report report = sso::analyze(test::read_file(dir + file), test::options_at_manifest_date());
    const std::string entity = row.at("expected_entityID");
    CHECK(report.bytes == std::stoul(row.at("bytes")));
    if (entity == "PARSE_ERROR") {
      CHECK_FALSE(report.idp);
      CHECK(test::has_finding(report, "xml.malformed"));
      ++matched;
      continue;
    }
    CHECK(report.entities.size() == std::stoul(row.at("n_EntityDescriptor")));
    std::size_t idps = 0, saml2 = 0;
    for (const sso::Entity& e : report.entities) {
      idps += e.idp;
      saml2 += e.saml2;
    }
    CHECK(idps == count(row.at("n_entities_with_IDPSSODescriptor")));
    CHECK(saml2 == count(row.at("n_entities_with_SAML2_IDPSSODescriptor")));
    if (entity == "NO_SAML2_IDP") {
      CHECK_FALSE(report.idp);
      CHECK(test::has_finding(report, "metadata.no-saml2-idp"));
      ++matched;
      continue;
    }
    REQUIRE(report.idp);
    const sso::IdentityProvider& idp = *report.idp;
    const auto vendor = kVendors.find(file);
    CHECK(idp.vendor == (vendor == kVendors.end() ? std::nullopt : std::optional<std::string>(vendor->second)));
    CHECK(idp.entityId == entity);
    CHECK(report.twilio.identityProviderIssuer == entity);
    CHECK(first_location(idp.ssoServices, kRedirect) == row.at("expected_sso_redirect"));
    CHECK(first_location(idp.ssoServices, kPost) == row.at("expected_sso_post"));
    CHECK(first_location(idp.sloServices, kRedirect) == row.at("slo_redirect"));
    const std::string want = row.at("WantAuthnRequestsSigned");
    CHECK(idp.wantAuthnRequestsSigned == (want == "true"));
    const std::string name_id = row.at("first_NameIDFormat");
    CHECK((idp.nameIdFormats.empty() ? std::string("-") : idp.nameIdFormats.front()) == name_id);
    const std::size_t signing = std::stoul(row.at("expected_n_signing_certs"));
    REQUIRE(idp.signingCertificates.size() == signing);
    if (signing > 0) {
      check_certificate(idp.signingCertificates.front(), row.at("expected_first_signing_cert_sha256"),
                        row.at("fp_status"), report);
    } else {
      CHECK(test::has_finding(report, "metadata.no-signing-certificate"));
      CHECK_FALSE(report.twilio.x509Certificate);
    }
    const std::size_t encryption = count(row.at("n_encryption_certs"));
    REQUIRE(idp.encryptionCertificates.size() == encryption);
    if (encryption > 0)
      check_certificate(idp.encryptionCertificates.front(), row.at("first_encryption_cert_sha256"),
                        row.at("encryption_fp_status"), report);
    // The Twilio SSO URL: Redirect first, else POST (with a finding).
    const std::string redirect = row.at("expected_sso_redirect"), post = row.at("expected_sso_post");
    if (redirect != "-") {
      CHECK(report.twilio.singleSignOnUrl == redirect);
    } else if (post != "-") {
      CHECK(report.twilio.singleSignOnUrl == post);
      CHECK(test::has_finding(report, "metadata.sso-post-only"));
    }
    ++matched;
  }
  MESSAGE("interop metadata matched: " << matched << " of " << rows.size());
  CHECK(matched == 24);
}

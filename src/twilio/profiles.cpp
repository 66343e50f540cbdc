#include "twilio/profiles.hpp"

#include <cctype>

#include "clock.hpp"

namespace sso {

namespace {
// ../shared/TWILIO.md, "What the IdP must send (Flex)".
constexpr const char* kFlexGuidance =
    "Send these attributes, not namespaced: email, full_name and roles (one or more of admin, supervisor, "
    "agent). Sign the response and the assertion with SHA-256, and do not encrypt the assertion. Set the "
    "session lifetime (SessionNotOnOrAfter) above one hour; 8 to 10 hours is usual.";
}  // namespace

const std::vector<ProductProfile>& product_profiles() {
  static const std::vector<ProductProfile> table = {
      {"flex", "Flex (single sign-on, enhanced)", "Flex SSO connection id", "JQ… (Twilio Console: Flex › Single sign-on)", "JQ",
       "https://login.flex.us1.twilio.com/login/callback?connection={id}", "urn:flex:{id}", 0, false,
       Severity::Warning, Severity::Warning, nullptr, true, kFlexGuidance},
      {"flex-legacy", "Flex (legacy SSO, set up before 2024-01-29)", "Account SID", "AC… (Twilio Console: Account info)", "AC",
       "https://iam.twilio.com/v1/Accounts/{id}/saml2", "https://iam.twilio.com/v1/Accounts/{id}/saml2/metadata",
       epoch_seconds(2026, 3, 31, 0, 0, 0), true, Severity::Warning, Severity::Warning, nullptr, true, kFlexGuidance},
      {"console", "Twilio Console (Admin Center)", "Console SSO connection id", "from Twilio Console: Admin Center › Single sign-on", "", "",
       "urn:console:{id}", 0, false, Severity::Error, Severity::Error,
       "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", false,
       "Send the user's email address as the NameID (format emailAddress). Use the ACS URL Twilio Console "
       "shows as the ACS, Recipient and Destination URL."},
  };
  return table;
}

const ProductProfile* find_product(const std::string& product) {
  for (const ProductProfile& p : product_profiles())
    if (product == p.product) return &p;
  return nullptr;
}

namespace {
bool is_sid(const std::string& id, const char* prefix) {
  if (id.size() != 34 || id.compare(0, 2, prefix) != 0) return false;
  for (std::size_t i = 2; i < id.size(); ++i)
    if (!std::isxdigit(static_cast<unsigned char>(id[i]))) return false;
  return true;
}

bool is_plain_id(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

std::string fill(const char* pattern, const std::string& id) {
  std::string out = pattern;
  const std::size_t at = out.find("{id}");
  if (at != std::string::npos) out.replace(at, 4, id);
  return out;
}
}  // namespace

std::optional<ProductInfo> product_info(const std::string& product) {
  const ProductProfile* p = find_product(product);
  if (!p) return std::nullopt;
  return ProductInfo{p->product, p->idName, p->idHint, p->idpGuidance};
}

std::vector<ProductChoice> product_catalogue() {
  std::vector<ProductChoice> out;
  for (const ProductProfile& p : product_profiles()) out.push_back({p.product, p.label, p.idName, p.idHint});
  return out;
}

const std::string& twilio_id(const Options& options, const ProductProfile& profile) {
  if (!options.twilioId.empty()) return options.twilioId;
  return std::string(profile.idPrefix) == "AC" ? options.accountSid : options.connectionId;
}

std::optional<ServiceProvider> service_provider(const Options& options, int64_t now, Findings& findings) {
  const ProductProfile* profile = find_product(options.product);
  if (!profile) {
    findings.add(Code::TwilioUnknownProduct, "The product \"" + options.product +
                                                 "\" is not one we know: choose flex (Flex, enhanced SSO), flex-legacy "
                                                 "(Flex SSO set up before 2024-01-29) or console (Console SSO).");
    return std::nullopt;
  }
  if (profile->retiredAfter && now >= profile->retiredAfter)
    findings.add(Code::TwilioLegacyMigration,
                 "Legacy Flex SSO was to be migrated to enhanced SSO by " + iso8601(profile->retiredAfter).substr(0, 10) +
                     ". Set up enhanced SSO in Twilio Console (Flex > Single sign-on), then choose the product "
                     "Flex (enhanced) and give its connection id.");
  const std::string& id = twilio_id(options, *profile);
  if (id.empty()) {
    findings.add(Code::TwilioNoId, std::string("Give your ") + profile->idName +
                                       " to get the ACS URL and entity ID to enter in your identity provider.");
    return std::nullopt;
  }
  const bool ok = *profile->idPrefix ? is_sid(id, profile->idPrefix) : is_plain_id(id);
  if (!ok) {
    findings.add(Code::TwilioBadId,
                 std::string("The ") + profile->idName + " \"" + id + "\" is not valid: " +
                     (*profile->idPrefix ? std::string("it is ") + profile->idPrefix +
                                               " followed by 32 hexadecimal digits (34 characters in all)"
                                         : std::string("it holds only letters, digits, '-' and '_'")) +
                     ". Copy it again from Twilio Console.");
    return std::nullopt;
  }
  ServiceProvider sp{profile->product, fill(profile->acsUrl, id), fill(profile->entityId, id)};
  if (sp.acsUrl.empty())
    findings.add(Code::TwilioConsoleAcs,
                 "Twilio Console shows the ACS URL on the SSO connection's page; enter it as the IdP's ACS, "
                 "Recipient and Destination URL.");
  return sp;
}

}  // namespace sso

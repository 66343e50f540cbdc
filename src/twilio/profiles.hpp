// Twilio's side of the connection: the values the admin enters in the IdP, per product, from
// one table of Twilio's published rules (../shared/TWILIO.md has the sources).
#pragma once

#include <cstdint>
#include <optional>

#include "options.hpp"
#include "report/findings.hpp"
#include "report/report.hpp"

namespace sso {

struct ProductProfile {
  const char* product;
  const char* label;      // the product as a person picks it
  const char* idName;     // what the admin calls the id
  const char* idHint;     // where the admin finds it
  const char* idPrefix;   // "JQ", "AC"; "" where Twilio documents no form
  const char* acsUrl;     // "{id}" is replaced; "" where Twilio Console shows it
  const char* entityId;
  int64_t retiredAfter;   // seconds since the epoch; 0 = not being retired
  bool wildcardDomains;   // trusted domains may be wildcards (*.example.com)
  // What a SAML response must carry: the severity of an unsigned Response and of an unsigned
  // Assertion (Console: "Twilio requires the message to be signed", and the assertion too; Flex
  // asks for both in its guides yet works with one, as Google Workspace sends one), the NameID
  // format it requires (nullptr: any), and whether Flex's attributes are needed.
  Severity unsignedMessage;
  Severity unsignedAssertion;
  const char* requiredNameIdFormat;
  bool flexAttributes;
  const char* idpGuidance;  // what the IdP must send, in one paragraph
};

const std::vector<ProductProfile>& product_profiles();
const ProductProfile* find_product(const std::string& product);

// The serviceProvider values, or nullopt (with findings saying why) when there is no valid id.
std::optional<ServiceProvider> service_provider(const Options& options, int64_t now, Findings& findings);

// The product's names and guidance for the Report; nullopt for an unknown product.
std::optional<ProductInfo> product_info(const std::string& product);

// Every product, for a front end's choice of product.
std::vector<ProductChoice> product_catalogue();

// The Twilio id for the options' product: options.twilioId, else the product's own option
// (accountSid for legacy Flex, connectionId otherwise).
const std::string& twilio_id(const Options& options, const ProductProfile& profile);

}  // namespace sso

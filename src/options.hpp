// What analyze() is told besides the pasted text: the form's other fields and Twilio ids.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sso {

struct Options {
  std::string entity;   // pick this entityID in an aggregate
  std::string product = "flex";  // flex | flex-legacy | console
  std::string connectionId;      // Flex enhanced SSO (JQ…) or Console SSO
  std::string accountSid;        // legacy Flex SSO (AC…)
  std::string twilioId;          // the id for whichever product is chosen (the page's one field)
  std::optional<std::string> friendlyName;
  std::optional<std::string> issuer;  // the issuer the admin has, to check against the metadata
  std::optional<std::string> ssoUrl;  // the SSO URL the admin has
  std::optional<std::string> redirectUrl;
  std::vector<std::string> trustedDomains;
  std::string certificate;  // a certificate to check against the metadata, or to trust a response's signature with
  std::string metadata;     // the IdP's metadata, to check a response against (its signing certificates, entityID)
  std::string signer;       // certificate(s) trusted to sign metadata (a federation's signing key)
  std::string previousMetadata;  // an older version of the IdP's metadata, to compare with (rollover)
  std::size_t pick = 0;     // which response of an export to analyse (1-based; 0: the first)
  bool showCanonical = false;  // keep the canonical bytes of a failed digest (for the expert)
  std::optional<int64_t> now;  // seconds since the epoch; the system clock when absent
  // Told how far a long analysis is: a stage ("parsing", "verifying the signature", "listing")
  // and the fraction of it done, from 0 to 1. Called a few dozen times at most.
  std::function<void(const char* stage, double fraction)> progress;
};

}  // namespace sso

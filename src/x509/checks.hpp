// What a certificate means for Twilio: is it valid now, is it strong enough, which one to use.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "x509/paste.hpp"
#include "report/findings.hpp"

namespace sso {

constexpr int64_t kExpiringSoonWarning = 30 * 86400;  // a month to plan the rollover
constexpr int64_t kExpiringSoonError = 48 * 3600;     // logins stop within two days

bool valid_at(const Certificate& cert, int64_t now);

// Findings about the one certificate that goes into Twilio's X.509 field.
void check_twilio_certificate(const Certificate& cert, int64_t now, Findings& findings);

// The index of the certificate to give Twilio among the signing certificates, or -1 if none
// decodes: the first valid now; else the one that expires last (with a finding saying so).
int choose_signing_certificate(const std::vector<Certificate>& certs, int64_t now, Findings& findings);

// The index of the pasted certificate that goes into Twilio, or -1: the first that decodes and
// is not a CA (the IdP's own certificate in a chain), else the first that decodes.
int choose_pasted_certificate(const std::vector<Certificate>& certs);

// A short label for messages: "CN=idp.example.org (SHA-256 0F:88:23:90…)".
std::string certificate_label(const Certificate& cert);

}  // namespace sso

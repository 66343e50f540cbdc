// A certificate signed with an algorithm mbedTLS does not know (OID 0.0 in a real toolkit's test
// certificate, or a newer algorithm): described from its own fields, as OpenSSL does, since
// Twilio only ever uses its public key. Its signature is not checked.
#pragma once

#include <optional>
#include <string_view>

#include "report/report.hpp"

namespace sso {

// nullopt when the TBSCertificate itself does not decode.
std::optional<Certificate> describe_with_unknown_signature(std::string_view der, const std::string& algorithm);

}  // namespace sso

// Who produced an IdP's metadata, recognised from its entityID, its endpoints and its signing
// certificate's subject: the id DESIGN.md lists ("okta", "entra-id", …) and the vendor's name.
#pragma once

#include <optional>
#include <string>

#include "report/report.hpp"

namespace sso {

struct Vendor {
  const char* id;    // "citrix-gateway-service", "okta", …
  const char* name;  // "Citrix Gateway service", "Okta", …
};

// The vendor of this IdP, or nullopt when no rule matches (many IdPs are deployed under the
// organisation's own names, with nothing to recognise).
std::optional<Vendor> recognise_vendor(const IdentityProvider& idp);

// The vendor's name by its id, or nullptr.
const char* vendor_name(const std::string& id);

}  // namespace sso

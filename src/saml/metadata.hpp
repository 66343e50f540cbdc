// SAML 2.0 metadata read by DESIGN.md's rules: every entity listed, one IdP chosen, its endpoints
// and certificates taken from the chosen IDPSSODescriptor.
#pragma once

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "report/report.hpp"
#include "x509/paste.hpp"

namespace sso {

struct MetadataRead {
  std::vector<Entity> entities;
  std::vector<std::string> saml2IdpIds;  // entityIDs of the SAML 2.0 IdPs, in document order
  std::optional<IdentityProvider> idp;
  bool entityIdTrimmed = false;
  bool certificatesCapped = false;
  std::size_t samlOneOnlyIdps = 0;  // IdPs that speak only SAML 1.x or other protocols
  std::size_t spDescriptors = 0;
};

// Every md:EntityDescriptor at or under `root`, in document order, at any depth.
std::vector<pugi::xml_node> entity_descriptors(pugi::xml_node root);

// `wanted` empty: the first SAML 2.0 IdP; otherwise the entity with that entityID. `beside`: a
// long list's second half may be read on a second thread (natively; in place in wasm), with the
// same result.
constexpr std::size_t kListBesideFrom = 512;  // entities; below, a thread costs more than it saves
MetadataRead read_metadata(const std::vector<pugi::xml_node>& entities, const std::string& wanted,
                           bool beside = false);

}  // namespace sso

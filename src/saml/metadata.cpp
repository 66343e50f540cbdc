#include "saml/metadata.hpp"

#include <cstring>

#include "clock.hpp"
#include "input/text.hpp"
#include "limits.hpp"
#include "parallel.hpp"
#include "saml/namespaces.hpp"
#include "xml/names.hpp"

namespace sso {

namespace {
constexpr const char* kSaml2Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";

bool has_token(const char* list, std::string_view token) {
  if (!list) return false;
  std::string_view s(list);
  std::size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && std::strchr(" \t\r\n", s[pos])) ++pos;
    std::size_t end = pos;
    while (end < s.size() && !std::strchr(" \t\r\n", s[end])) ++end;
    if (s.substr(pos, end - pos) == token) return true;
    pos = end;
  }
  return false;
}

std::string trimmed(std::string_view s) { return std::string(trim(s)); }


bool is_saml2_idp_descriptor(pugi::xml_node d) {
  return has_token(attribute_value(d, "protocolSupportEnumeration"), kSaml2Protocol);
}


std::string lang_of(pugi::xml_node n) {
  const char* lang = attribute_value(n, "xml:lang");
  return lang ? lang : "";
}

// The English text of the first element of a list of language variants, else the first.
std::optional<std::string> preferred_text(const std::vector<pugi::xml_node>& variants) {
  if (variants.empty()) return std::nullopt;
  for (pugi::xml_node v : variants)
    if (lang_of(v) == "en") return trimmed(element_text(v).text);
  return trimmed(element_text(variants.front()).text);
}

// The mdui:DisplayName elements of a role's Extensions, where the schema puts Extensions: the
// first child element, or the second after a ds:Signature (a role's other children, an ADFS
// role's dozens of claim types among them, are not looked through).
void ui_display_names(pugi::xml_node role, std::vector<pugi::xml_node>& names) {
  pugi::xml_node first = first_child_element(role);
  if (is_element(first, ns::kDsig, "Signature"))
    for (first = first.next_sibling(); first && first.type() != pugi::node_element;) first = first.next_sibling();
  if (!is_element(first, ns::kMetadata, "Extensions")) return;
  const pugi::xml_node ui = child_element(first, ns::kMdui, "UIInfo");
  for_each_child_element(ui, ns::kMdui, "DisplayName", [&](pugi::xml_node n) { names.push_back(n); });
}

// What one pass over an entity's children finds: its SAML 2.0 IdP role, whether it has an IdP
// and an SP role, and its display name (the first role's mdui:DisplayName, else the
// Organization's OrganizationDisplayName).
struct EntityChildren {
  pugi::xml_node saml2Idp;
  bool idp = false;
  std::size_t spDescriptors = 0;
  std::optional<std::string> name;
};

EntityChildren read_entity_children(pugi::xml_node entity) {
  EntityChildren out;
  std::vector<pugi::xml_node> names;
  pugi::xml_node organization;
  for (pugi::xml_node c = entity.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || !namespace_is(c, ns::kMetadata)) continue;
    const std::string_view local = local_name(c);
    if (local == "IDPSSODescriptor") {
      out.idp = true;
      if (!out.saml2Idp && is_saml2_idp_descriptor(c)) out.saml2Idp = c;
    } else if (local == "SPSSODescriptor") {
      ++out.spDescriptors;
    } else if (local == "Organization" && !organization) {
      organization = c;
    }
    if (names.empty()) ui_display_names(c, names);
  }
  if (names.empty())
    for_each_child_element(organization, ns::kMetadata, "OrganizationDisplayName", [&](pugi::xml_node n) { names.push_back(n); });
  out.name = preferred_text(names);
  if (out.name && out.name->empty()) out.name.reset();
  return out;
}

// The base64 text of every KeyDescriptor/KeyInfo/X509Data/X509Certificate for one `use`; past
// `most` of them, `capped` is set (and the rest not read).
std::vector<std::string> key_descriptor_certificates(pugi::xml_node descriptor, bool signing, bool& capped,
                                                     std::size_t most = limits::kMaxCertificatesPerDescriptor) {
  std::vector<std::string> out;
  for_each_child_element(descriptor, ns::kMetadata, "KeyDescriptor", [&](pugi::xml_node kd) {
    const char* use = attribute_value(kd, "use");
    const bool for_signing = !use || std::strcmp(use, "signing") == 0;
    const bool for_encryption = !use || std::strcmp(use, "encryption") == 0;
    if (signing ? !for_signing : !for_encryption) return;
    for_each_child_element(kd, ns::kDsig, "KeyInfo", [&](pugi::xml_node ki) {
      for_each_child_element(ki, ns::kDsig, "X509Data", [&](pugi::xml_node xd) {
        for_each_child_element(xd, ns::kDsig, "X509Certificate", [&](pugi::xml_node xc) {
          if (out.size() >= most) {
            capped = true;
            return;
          }
          out.push_back(element_text(xc).text);
        });
      });
    });
  });
  return out;
}

std::vector<Endpoint> endpoints(pugi::xml_node descriptor, const char* local) {
  std::vector<Endpoint> out;
  for_each_child_element(descriptor, ns::kMetadata, local, [&](pugi::xml_node e) {
    const char* binding = attribute_value(e, "Binding");
    const char* location = attribute_value(e, "Location");
    out.push_back({binding ? binding : "", location ? location : ""});
  });
  return out;
}

// validUntil of the entity, else of the nearest EntitiesDescriptor around it.
std::optional<std::string> effective_valid_until(pugi::xml_node entity) {
  for (pugi::xml_node n = entity; n && n.type() == pugi::node_element; n = n.parent()) {
    if (const char* v = attribute_value(n, "validUntil")) return std::string(v);
  }
  return std::nullopt;
}

std::optional<std::string> first_signing_sha256(pugi::xml_node idp_descriptor) {
  if (!idp_descriptor) return std::nullopt;
  bool capped = false;  // (only the first is read)
  const std::vector<std::string> certs = key_descriptor_certificates(idp_descriptor, true, capped, 1);
  if (certs.empty()) return std::nullopt;
  return sha256_of_base64_certificate(certs.front());
}

IdentityProvider describe_idp(pugi::xml_node entity, pugi::xml_node descriptor, MetadataRead& read) {
  IdentityProvider idp;
  const std::string raw_id = attribute_value(entity, "entityID") ? attribute_value(entity, "entityID") : "";
  idp.entityId = trimmed(raw_id);
  read.entityIdTrimmed = idp.entityId != raw_id;
  idp.ssoServices = endpoints(descriptor, "SingleSignOnService");
  idp.sloServices = endpoints(descriptor, "SingleLogoutService");
  for_each_child_element(descriptor, ns::kMetadata, "NameIDFormat",
                 [&](pugi::xml_node n) { idp.nameIdFormats.push_back(trimmed(element_text(n).text)); });
  const char* want = attribute_value(descriptor, "WantAuthnRequestsSigned");
  idp.wantAuthnRequestsSigned = want && (std::strcmp(want, "true") == 0 || std::strcmp(want, "1") == 0);
  idp.validUntil = effective_valid_until(entity);
  for (const std::string& text : key_descriptor_certificates(descriptor, true, read.certificatesCapped))
    idp.signingCertificates.push_back(certificate_from_base64(text));
  for (const std::string& text : key_descriptor_certificates(descriptor, false, read.certificatesCapped))
    idp.encryptionCertificates.push_back(certificate_from_base64(text));
  return idp;
}
}  // namespace

std::vector<pugi::xml_node> entity_descriptors(pugi::xml_node root) {
  std::vector<pugi::xml_node> out;
  pugi::xml_node node = root;
  while (node) {
    if (local_name_is(node, "EntityDescriptor") && namespace_is(node, ns::kMetadata)) out.push_back(node);
    pugi::xml_node next = node.first_child();
    while (next && next.type() != pugi::node_element) next = next.next_sibling();
    if (next) {
      node = next;
      continue;
    }
    while (node && node != root) {
      next = node.next_sibling();
      while (next && next.type() != pugi::node_element) next = next.next_sibling();
      if (next) break;
      node = node.parent();
    }
    node = node == root || !node ? pugi::xml_node() : next;
  }
  return out;
}

namespace {
// The entities from `begin` to `end` listed into `read` (its entities, IdP ids and counts), and the
// one `wanted` names (empty: the first SAML 2.0 IdP) among them, if it is there.
struct Listed {
  pugi::xml_node entity, descriptor;
};
Listed list_entities(const pugi::xml_node* begin, const pugi::xml_node* end, const std::string& wanted,
                     MetadataRead& read) {
  Listed chosen;
  read.entities.reserve(static_cast<std::size_t>(end - begin));
  for (const pugi::xml_node* it = begin; it != end; ++it) {
    const pugi::xml_node entity = *it;
    Entity e;
    const char* id = attribute_value(entity, "entityID");
    e.entityId = trimmed(id ? id : "");
    EntityChildren children = read_entity_children(entity);
    e.name = std::move(children.name);
    e.idp = children.idp;
    e.sp = children.spDescriptors > 0;
    read.spDescriptors += children.spDescriptors;
    const pugi::xml_node saml2_idp = children.saml2Idp;
    e.saml2 = static_cast<bool>(saml2_idp);
    if (e.idp && !e.saml2) ++read.samlOneOnlyIdps;
    e.signingSha256 = first_signing_sha256(saml2_idp);
    if (saml2_idp) {
      read.saml2IdpIds.push_back(e.entityId);
      if (!chosen.entity && (wanted.empty() || e.entityId == wanted)) chosen = {entity, saml2_idp};
    }
    read.entities.push_back(std::move(e));
  }
  return chosen;
}
}  // namespace

MetadataRead read_metadata(const std::vector<pugi::xml_node>& entities, const std::string& wanted, bool beside) {
  MetadataRead read;
  const pugi::xml_node* const begin = entities.data();
  const pugi::xml_node* const end = begin + entities.size();
  // Two halves, the second on a second thread when asked and worth it (natively: in wasm it would
  // run in place, for nothing); each half's list is its own, joined in document order, and the
  // first half's choice comes first: the same result.
  const bool halves = kRunsBeside && beside && entities.size() >= kListBesideFrom;
  Listed chosen;
  if (!halves) {
    chosen = list_entities(begin, end, wanted, read);
  } else {
    const pugi::xml_node* const middle = begin + entities.size() / 2;
    MetadataRead second;
    Listed second_chosen;
    {
      ParallelIf listing(true, true, [&] { second_chosen = list_entities(middle, end, wanted, second); });
      chosen = list_entities(begin, middle, wanted, read);
    }
    read.entities.reserve(entities.size());
    for (Entity& e : second.entities) read.entities.push_back(std::move(e));
    for (std::string& id : second.saml2IdpIds) read.saml2IdpIds.push_back(std::move(id));
    read.spDescriptors += second.spDescriptors;
    read.samlOneOnlyIdps += second.samlOneOnlyIdps;
    if (!chosen.entity) chosen = second_chosen;
  }
  if (chosen.entity) read.idp = describe_idp(chosen.entity, chosen.descriptor, read);
  return read;
}

}  // namespace sso

// The SAML 2.0 namespaces (elements are matched by these URIs, never by prefix).
#pragma once

namespace sso::ns {

constexpr const char* kMetadata = "urn:oasis:names:tc:SAML:2.0:metadata";
constexpr const char* kMdui = "urn:oasis:names:tc:SAML:metadata:ui";
constexpr const char* kProtocol = "urn:oasis:names:tc:SAML:2.0:protocol";
constexpr const char* kAssertion = "urn:oasis:names:tc:SAML:2.0:assertion";

}  // namespace sso::ns

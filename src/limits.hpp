// Limits on what is read, each reported as a finding when passed (docs/limits.md).
#pragma once

#include <cstddef>
#include <cstdint>

namespace sso::limits {

constexpr std::size_t kMaxInputBytes = 64u * 1024 * 1024;  // a large federation aggregate is ~60 MiB
constexpr std::size_t kMaxDepth = 128;                      // metadata nests about 10 deep
constexpr std::size_t kMaxAttributesPerElement = 256;
constexpr std::size_t kMaxEntities = 200000;                // eduGAIN has about 10,000
constexpr std::size_t kMaxCertificatesPerDescriptor = 100;
constexpr std::size_t kMaxPastedCertificates = 100;
constexpr std::size_t kMaxAttributes = 1000;                // SAML attributes read from one assertion
constexpr uint32_t kMaxPick = 999999;  // which response of a capture (--pick, option pick); more is a wrong option

}  // namespace sso::limits

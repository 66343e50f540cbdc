// SHA-256 of a whole buffer in one call, for certificate fingerprints: with the processor's SHA
// instructions where it has them (x86-64 natively), else mbedTLS's. Signatures' digests stay
// with mbedTLS, which streams.
#pragma once

#include <cstddef>

namespace sso {

void sha256(const unsigned char* data, std::size_t size, unsigned char digest[32]);
// Whether sha256() uses the processor's SHA instructions on this machine (for tests and benches).
bool sha256_uses_cpu_instructions();

}  // namespace sso

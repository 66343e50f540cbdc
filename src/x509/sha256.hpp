// SHA-256 of a whole buffer in one call, for certificate fingerprints: with the processor's SHA
// instructions where it has them (x86-64 natively), else our plain C++ compression function
// (sha256_portable.cpp), which in wasm is also mbedTLS's. Signatures' digests go through mbedTLS,
// which streams.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sso {

void sha256(const unsigned char* data, std::size_t size, unsigned char digest[32]);
// Whether sha256() uses the processor's SHA instructions on this machine (for tests and benches).
bool sha256_uses_cpu_instructions();

// The plain C++ SHA-256: the whole of a buffer, and the compression function over `blocks`
// blocks of 64 bytes (FIPS 180-4's state, updated in place).
void sha256_portable(const unsigned char* data, std::size_t size, unsigned char digest[32]);
void sha256_blocks(uint32_t state[8], const unsigned char* data, std::size_t blocks);

// What both ways share: the 64 round constants (16-byte aligned, for the SHA instructions), and
// a whole buffer's digest with a given compression function (the padding and the output).
extern const uint32_t kSha256Rounds[64];
using Sha256Blocks = void (*)(uint32_t state[8], const unsigned char* data, std::size_t blocks);
void sha256_with(Sha256Blocks blocks, const unsigned char* data, std::size_t size, unsigned char digest[32]);

}  // namespace sso

// SHA-256's compression function in plain C++ (FIPS 180-4, section 6.2.2), written so that a
// compiler keeps the whole state and the message schedule in registers (wasm: locals): the
// sixteen rounds of a group are spelled out, the eight working variables change roles by macro
// argument instead of being moved, and the schedule is a ring of sixteen words addressed by
// constants. In wasm it is also mbedTLS's (MBEDTLS_SHA256_PROCESS_ALT in our configuration), so
// signatures' digests and fingerprints share one function: 1.6x mbedTLS's own there, whose
// schedule lives in memory.
#include <cstdint>
#include <cstring>

#include "x509/sha256.hpp"

#define MBEDTLS_ALLOW_PRIVATE_ACCESS  // the context's state, which the block function below updates
#include <mbedtls/sha256.h>

namespace sso {

// FIPS 180-4's round constants (4.2.2), aligned for the SHA instructions' 16-byte loads.
alignas(16) const uint32_t kSha256Rounds[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

namespace {
constexpr uint32_t kInitial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
inline uint32_t big_endian(const unsigned char* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

// Round i of a group of sixteen, the constants from `k`: only d and h take new values; the next
// round names the variables one place on.
#define SSO_SHA256_ROUND(a, b, c, d, e, f, g, h, i)                                                        \
  do {                                                                                                     \
    const uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i]; \
    const uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));          \
    d += t1;                                                                                               \
    h = t1 + t2;                                                                                           \
  } while (0)

// W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16], in the ring: t-16 is slot i itself.
#define SSO_SHA256_NEXT(i)                                                                             \
  w[i] += (rotr(w[((i) + 14) & 15], 17) ^ rotr(w[((i) + 14) & 15], 19) ^ (w[((i) + 14) & 15] >> 10)) + \
          w[((i) + 9) & 15] + (rotr(w[((i) + 1) & 15], 7) ^ rotr(w[((i) + 1) & 15], 18) ^ (w[((i) + 1) & 15] >> 3))
}  // namespace

void sha256_blocks(uint32_t state[8], const unsigned char* data, std::size_t blocks) {
  for (; blocks > 0; --blocks, data += 64) {
    uint32_t w[16];
    for (int i = 0; i < 16; ++i) w[i] = big_endian(data + 4 * i);
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int group = 0; group < 4; ++group) {
      const uint32_t* k = kSha256Rounds + 16 * group;
      SSO_SHA256_ROUND(a, b, c, d, e, f, g, h, 0);
      SSO_SHA256_ROUND(h, a, b, c, d, e, f, g, 1);
      SSO_SHA256_ROUND(g, h, a, b, c, d, e, f, 2);
      SSO_SHA256_ROUND(f, g, h, a, b, c, d, e, 3);
      SSO_SHA256_ROUND(e, f, g, h, a, b, c, d, 4);
      SSO_SHA256_ROUND(d, e, f, g, h, a, b, c, 5);
      SSO_SHA256_ROUND(c, d, e, f, g, h, a, b, 6);
      SSO_SHA256_ROUND(b, c, d, e, f, g, h, a, 7);
      SSO_SHA256_ROUND(a, b, c, d, e, f, g, h, 8);
      SSO_SHA256_ROUND(h, a, b, c, d, e, f, g, 9);
      SSO_SHA256_ROUND(g, h, a, b, c, d, e, f, 10);
      SSO_SHA256_ROUND(f, g, h, a, b, c, d, e, 11);
      SSO_SHA256_ROUND(e, f, g, h, a, b, c, d, 12);
      SSO_SHA256_ROUND(d, e, f, g, h, a, b, c, 13);
      SSO_SHA256_ROUND(c, d, e, f, g, h, a, b, 14);
      SSO_SHA256_ROUND(b, c, d, e, f, g, h, a, 15);
      if (group == 3) break;  // the last group needs no more schedule
      SSO_SHA256_NEXT(0);
      SSO_SHA256_NEXT(1);
      SSO_SHA256_NEXT(2);
      SSO_SHA256_NEXT(3);
      SSO_SHA256_NEXT(4);
      SSO_SHA256_NEXT(5);
      SSO_SHA256_NEXT(6);
      SSO_SHA256_NEXT(7);
      SSO_SHA256_NEXT(8);
      SSO_SHA256_NEXT(9);
      SSO_SHA256_NEXT(10);
      SSO_SHA256_NEXT(11);
      SSO_SHA256_NEXT(12);
      SSO_SHA256_NEXT(13);
      SSO_SHA256_NEXT(14);
      SSO_SHA256_NEXT(15);
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }
}

#undef SSO_SHA256_ROUND
#undef SSO_SHA256_NEXT

void sha256_with(Sha256Blocks blocks, const unsigned char* data, std::size_t size, unsigned char digest[32]) {
  uint32_t state[8];
  std::memcpy(state, kInitial, sizeof state);
  const std::size_t whole = size / 64;
  blocks(state, data, whole);
  // The rest, then 0x80, zeros and the length in bits (big-endian): one block or two.
  unsigned char tail[128] = {};
  const std::size_t rest = size - whole * 64;
  if (rest) std::memcpy(tail, data + whole * 64, rest);
  tail[rest] = 0x80;
  const std::size_t tail_blocks = rest < 56 ? 1 : 2;
  const uint64_t bits = static_cast<uint64_t>(size) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_blocks * 64 - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  blocks(state, tail, tail_blocks);
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 4; ++j) digest[4 * i + j] = static_cast<unsigned char>(state[i] >> (24 - 8 * j));
}

void sha256_portable(const unsigned char* data, std::size_t size, unsigned char digest[32]) {
  sha256_with(&sha256_blocks, data, size, digest);
}

}  // namespace sso

#if defined(MBEDTLS_SHA256_PROCESS_ALT)
// mbedTLS's block function, replaced where our configuration says so (in wasm:
// config/twilio_sso_mbedtls_config.h): every SHA-256 there (signatures' digests, certificates' own
// signatures, fingerprints) runs the one above.
extern "C" int mbedtls_internal_sha256_process(mbedtls_sha256_context* ctx, const unsigned char data[64]) {
  sso::sha256_blocks(ctx->state, data, 1);
  return 0;
}
#endif

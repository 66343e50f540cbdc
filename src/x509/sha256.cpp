#include "x509/sha256.hpp"

#include <cstdint>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SSO_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace sso {

#if defined(SSO_SHA_NI)
namespace {

// SHA (leaf 7, EBX bit 29), SSSE3 (leaf 1, ECX bit 9) and SSE4.1 (leaf 1, ECX bit 19).
bool cpu_has_sha() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 9)) || !(c & (1u << 19))) return false;
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
  return (b & (1u << 29)) != 0;
}

// Runs the compression function over `blocks` blocks of 64 bytes. The instructions keep the
// state as two halves, {A,B,E,F} and {C,D,G,H}; each sha256rnds2 does two rounds, and the message
// schedule's next four words come from sha256msg1/msg2 over the last sixteen.
__attribute__((target("sha,sse4.1,ssse3"))) void compress(uint32_t state[8], const unsigned char* data,
                                                          std::size_t blocks) {
  const __m128i big_endian = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0]));
  __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4]));
  const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
  for (; blocks > 0; --blocks, data += 64) {
    const __m128i abef_before = abef, cdgh_before = cdgh;
    __m128i w[4];  // the message schedule's last sixteen words, four to a group
    for (int g = 0; g < 16; ++g) {
      __m128i words;
      if (g < 4) {
        words = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * g)), big_endian);
      } else {
        // W[t..t+3] from W[t-16..t-1]: groups g-4, g-3, g-2, g-1.
        const __m128i back4 = w[g % 4], back3 = w[(g + 1) % 4], back2 = w[(g + 2) % 4], back1 = w[(g + 3) % 4];
        words = _mm_sha256msg2_epu32(
            _mm_add_epi32(_mm_sha256msg1_epu32(back4, back3), _mm_alignr_epi8(back1, back2, 4)), back1);
      }
      w[g % 4] = words;
      const __m128i k = _mm_add_epi32(words, _mm_load_si128(reinterpret_cast<const __m128i*>(&kSha256Rounds[4 * g])));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, k);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(k, 0x0E));
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }
  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  dcba = _mm_blend_epi16(feba, dchg, 0xF0);
  hgfe = _mm_alignr_epi8(dchg, feba, 8);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), dcba);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), hgfe);
}

}  // namespace

bool sha256_uses_cpu_instructions() {
  static const bool has = cpu_has_sha();
  return has;
}

void sha256(const unsigned char* data, std::size_t size, unsigned char digest[32]) {
  if (sha256_uses_cpu_instructions()) return sha256_with(&compress, data, size, digest);
  sha256_portable(data, size, digest);
}

#else

bool sha256_uses_cpu_instructions() { return false; }

void sha256(const unsigned char* data, std::size_t size, unsigned char digest[32]) {
  sha256_portable(data, size, digest);
}

#endif

}  // namespace sso

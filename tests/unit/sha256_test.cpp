// The one-call SHA-256 behind certificate fingerprints, with the processor's SHA instructions
// where this machine has them, and the plain C++ one (wasm's, for every SHA-256 there): the same
// digest as mbedTLS's for every length around the block and padding edges, and FIPS 180-4's own
// examples.
#include "x509/sha256.hpp"

#include <doctest/doctest.h>
#include <mbedtls/sha256.h>

#include <cstdint>
#include <string>
#include <vector>

namespace {
std::string hex(const unsigned char* d, std::size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) (out += digits[d[i] >> 4]) += digits[d[i] & 15];
  return out;
}

using Sha256 = void (*)(const unsigned char*, std::size_t, unsigned char*);

std::string digest_of(Sha256 sha256, const std::string& text) {
  unsigned char digest[32];
  sha256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  return hex(digest, 32);
}
}  // namespace

TEST_CASE("SHA-256 for fingerprints: FIPS 180-4's examples, and mbedTLS's digest at every length") {
  const std::string path = sso::sha256_uses_cpu_instructions() ? "yes" : "no";
  MESSAGE("SHA-256 with the processor's instructions: " << path);
  for (const Sha256 which : {static_cast<Sha256>(&sso::sha256), static_cast<Sha256>(&sso::sha256_portable)}) {
    CAPTURE(which == &sso::sha256_portable ? "plain C++" : "sha256()");
    const auto ours = [which](const std::string& text) { return digest_of(which, text); };
    CHECK(ours("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(ours("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(ours("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(ours(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Bytes from a fixed generator, every length from 0 to 300 (55, 56, 63, 64 and 119, 120 are the
    // padding's edges), and some long ones.
    std::vector<std::size_t> lengths;
    for (std::size_t n = 0; n <= 300; ++n) lengths.push_back(n);
    for (std::size_t n : {1023u, 1024u, 1025u, 4096u + 55u, 65536u + 9u}) lengths.push_back(n);
    uint32_t seed = 12345;
    for (const std::size_t n : lengths) {
      std::string bytes(n, '\0');
      for (char& c : bytes) {
        seed = seed * 1103515245u + 12345u;
        c = static_cast<char>(seed >> 24);
      }
      unsigned char expected[32];
      mbedtls_sha256(reinterpret_cast<const unsigned char*>(bytes.data()), n, expected, 0);
      CHECK_MESSAGE(ours(bytes) == hex(expected, 32), "length " << n);
    }
  }
}

/* In wasm, mbedTLS's operations the helper never performs, replaced at link time by refusals.
 * The helper verifies signatures and decodes certificates; it never signs, encrypts, decrypts or
 * checks a key pair (a private key pasted by mistake is refused before mbedTLS sees it). But
 * mbedTLS's PK layer keeps, for each key type, a table of every operation, so a build that
 * verifies RSA and ECDSA signatures links RSA's private-key operation, PKCS#1 encryption and
 * decryption, ECDSA signing and the key-pair checks too, and no setting of mbedTLS 3.6 leaves them
 * out: 6.5 KB of wasm, 3.2 KB gzip of the page. CMakeLists.txt links the wasm module with
 * `--wrap` for the six functions below, so that every call to one of them is a call to its
 * `__wrap_` twin here, which refuses with MBEDTLS_ERR_PK_FEATURE_UNAVAILABLE, and the real ones
 * are never linked. The helper's own code calls none of them, nor does verification or decoding
 * (every signature and certificate test in the Node suite runs through this module). Natively
 * nothing is replaced. Same prototypes as mbedTLS's, which wasm's typed calls require. */
#include <stddef.h>

#include "mbedtls/ecdsa.h"
#include "mbedtls/ecp.h"
#include "mbedtls/pk.h"
#include "mbedtls/rsa.h"

/* Each twin declared with its original's type, so that a definition below that differs from
 * mbedTLS's prototype does not compile. */
__typeof__(mbedtls_rsa_pkcs1_sign) __wrap_mbedtls_rsa_pkcs1_sign;
__typeof__(mbedtls_rsa_pkcs1_decrypt) __wrap_mbedtls_rsa_pkcs1_decrypt;
__typeof__(mbedtls_rsa_pkcs1_encrypt) __wrap_mbedtls_rsa_pkcs1_encrypt;
__typeof__(mbedtls_rsa_check_pub_priv) __wrap_mbedtls_rsa_check_pub_priv;
__typeof__(mbedtls_ecdsa_write_signature) __wrap_mbedtls_ecdsa_write_signature;
__typeof__(mbedtls_ecp_check_pub_priv) __wrap_mbedtls_ecp_check_pub_priv;

int __wrap_mbedtls_rsa_pkcs1_sign(mbedtls_rsa_context *ctx, mbedtls_f_rng_t *f_rng, void *p_rng,
                                  mbedtls_md_type_t md_alg, unsigned int hashlen, const unsigned char *hash,
                                  unsigned char *sig) {
  (void)ctx, (void)f_rng, (void)p_rng, (void)md_alg, (void)hashlen, (void)hash, (void)sig;
  return MBEDTLS_ERR_PK_FEATURE_UNAVAILABLE;
}

int __wrap_mbedtls_rsa_pkcs1_decrypt(mbedtls_rsa_context *ctx, mbedtls_f_rng_t *f_rng, void *p_rng, size_t *olen,
                                     const unsigned char *input, unsigned char *output, size_t output_max_len) {
  (void)ctx, (void)f_rng, (void)p_rng, (void)olen, (void)input, (void)output, (void)output_max_len;
  return MBEDTLS_ERR_PK_FEATURE_UNAVAILABLE;
}

int __wrap_mbedtls_rsa_pkcs1_encrypt(mbedtls_rsa_context *ctx, mbedtls_f_rng_t *f_rng, void *p_rng, size_t ilen,
                                     const unsigned char *input, unsigned char *output) {
  (void)ctx, (void)f_rng, (void)p_rng, (void)ilen, (void)input, (void)output;
  return MBEDTLS_ERR_PK_FEATURE_UNAVAILABLE;
}

int __wrap_mbedtls_rsa_check_pub_priv(const mbedtls_rsa_context *pub, const mbedtls_rsa_context *prv) {
  (void)pub, (void)prv;
  return MBEDTLS_ERR_PK_FEATURE_UNAVAILABLE;
}

int __wrap_mbedtls_ecdsa_write_signature(mbedtls_ecdsa_context *ctx, mbedtls_md_type_t md_alg,
                                         const unsigned char *hash, size_t hlen, unsigned char *sig, size_t sig_size,
                                         size_t *slen, mbedtls_f_rng_t *f_rng, void *p_rng) {
  (void)ctx, (void)md_alg, (void)hash, (void)hlen, (void)sig, (void)sig_size, (void)slen, (void)f_rng, (void)p_rng;
  return MBEDTLS_ERR_PK_FEATURE_UNAVAILABLE;
}

int __wrap_mbedtls_ecp_check_pub_priv(const mbedtls_ecp_keypair *pub, const mbedtls_ecp_keypair *prv,
                                      mbedtls_f_rng_t *f_rng, void *p_rng) {
  (void)pub, (void)prv, (void)f_rng, (void)p_rng;
  return MBEDTLS_ERR_PK_FEATURE_UNAVAILABLE;
}

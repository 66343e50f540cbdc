/* (Named so that no file of mbedTLS's own can shadow it: #include MBEDTLS_CONFIG_FILE searches
 * mbedTLS's include folder first, which holds a default mbedtls_config.h.)
 * mbedTLS trimmed to what the helper uses: parse X.509 certificates, hash them,
 * and verify a certificate's own signature (RSA PKCS#1 v1.5 / PSS, ECDSA). No TLS,
 * no private-key operations, no randomness, no clock. */
#ifndef TWILIO_SSO_MBEDTLS_CONFIG_H
#define TWILIO_SSO_MBEDTLS_CONFIG_H

#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C /* ECDSA signature verification re-encodes (r, s) */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_OID_C
#define MBEDTLS_MD_C
#define MBEDTLS_MD5_C  /* to decode, name and flag md5WithRSAEncryption certificates */
#define MBEDTLS_SHA1_C /* fingerprints and sha1WithRSAEncryption */
#define MBEDTLS_SHA224_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA384_C
#define MBEDTLS_SHA512_C
/* SHA-512 with rolled loops in wasm (a few KB less; it is rare in SAML). SHA-256 unrolled
   natively (a 30 MB signed aggregate's digest is 20 % faster for 0.7 KB gzip); in wasm its block
   function is ours, below. */
#if defined(__EMSCRIPTEN__)
#define MBEDTLS_SHA512_SMALLER
/* SHA-256's block function is ours in wasm (src/x509/sha256_portable.cpp): its message schedule
   stays in locals, where mbedTLS's lives in memory; 1.6x as fast there. */
#define MBEDTLS_SHA256_PROCESS_ALT
#endif
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_PKCS1_V21
#define MBEDTLS_ECP_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ECP_DP_SECP192R1_ENABLED
#define MBEDTLS_ECP_DP_SECP224R1_ENABLED
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#define MBEDTLS_ECP_DP_SECP521R1_ENABLED
#define MBEDTLS_ECP_DP_SECP256K1_ENABLED
#define MBEDTLS_ECP_DP_BP256R1_ENABLED
#define MBEDTLS_ECP_DP_BP384R1_ENABLED
#define MBEDTLS_ECP_DP_BP512R1_ENABLED
/* No precomputed multiples of each curve's generator: they speed up signing and key exchange,
   which the helper never does, and cost 25 KB of tables (21 KB gzip, an eighth of the page).
   Without them an ECDSA P-256 verification in wasm is 1.4x slower; the NIST curves' fast
   reduction (1 KB gzip) more than makes up for it: 2x faster than with the tables alone. */
#define MBEDTLS_ECP_FIXED_POINT_OPTIM 0
#define MBEDTLS_ECP_NIST_OPTIM
#define MBEDTLS_X509_USE_C
#define MBEDTLS_X509_CRT_PARSE_C
#define MBEDTLS_X509_RSASSA_PSS_SUPPORT
/* No x509_crt_info() and no OID descriptions ("RSA with SHA-256"): the helper names algorithms
   and attributes itself (src/x509). */
#define MBEDTLS_X509_REMOVE_INFO

#endif

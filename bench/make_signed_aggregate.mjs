// A federation-sized signed aggregate for the benchmark: bench/generate_aggregate.py's aggregate
// given an ID and a signature (enveloped, exclusive C14N, RSA-2048 SHA-256) by xmlsec1 with a
// fresh key, as federations sign theirs.
// Usage: node bench/make_signed_aggregate.mjs IN.xml OUT.xml SIGNER.pem
import { readFileSync, writeFileSync } from 'node:fs';
import { selfSignedCertificate } from '../tests/fixtures/openssl.mjs';
import { signDocument, template } from '../tests/fixtures/signed_metadata.mjs';

const [source, out, signerOut] = process.argv.slice(2);
const key = selfSignedCertificate({ subject: '/C=US/O=Benchmark Federation/CN=metadata-signer.bench.example' });
const text = readFileSync(source, 'utf8');
const open = text.indexOf('<md:EntitiesDescriptor');
const close = text.indexOf('>', open) + 1;
const unsigned = `${text.slice(0, close - 1)} ID="_bench-aggregate">\n${template('#_bench-aggregate', {})}${text.slice(close)}`;
writeFileSync(out, signDocument(unsigned, key));
writeFileSync(signerOut, key.pem);

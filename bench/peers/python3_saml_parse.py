"""Peer: python3-saml's metadata parser (OneLogin_Saml2_IdPMetadataParser.parse). It reads the
first IdP of a document only; it has no listing of an aggregate. Usage: python3_saml_parse.py FILE [REPS]
Prints microseconds per call."""
import sys
import time

from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser

xml = open(sys.argv[1], 'rb').read()
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 1
OneLogin_Saml2_IdPMetadataParser.parse(xml)
start = time.perf_counter()
for _ in range(reps):
    OneLogin_Saml2_IdPMetadataParser.parse(xml)
print(f'{(time.perf_counter() - start) / reps * 1e6:.2f}')

"""Peer: lxml lists every EntityDescriptor with its first IdP signing certificate's SHA-256,
the same listing the helper's Report gives. Usage: lxml_list.py FILE"""
import base64
import hashlib
import sys

from lxml import etree

MD = '{urn:oasis:names:tc:SAML:2.0:metadata}'
DS = '{http://www.w3.org/2000/09/xmldsig#}'
tree = etree.parse(sys.argv[1], etree.XMLParser(resolve_entities=False, huge_tree=True))
listed = 0
for entity in tree.iter(MD + 'EntityDescriptor'):
    fingerprint = None
    for idp in entity.findall(MD + 'IDPSSODescriptor'):
        if 'urn:oasis:names:tc:SAML:2.0:protocol' not in idp.get('protocolSupportEnumeration', '').split():
            continue
        for kd in idp.findall(MD + 'KeyDescriptor'):
            if kd.get('use') not in (None, 'signing'):
                continue
            cert = kd.find(f'{DS}KeyInfo/{DS}X509Data/{DS}X509Certificate')
            if cert is not None and fingerprint is None:
                fingerprint = hashlib.sha256(base64.b64decode(''.join(cert.text.split()))).hexdigest()
        break
    listed += 1
print(listed)

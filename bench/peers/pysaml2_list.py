"""Peer: pysaml2's metadata store loads the file and lists every entity with its IdP signing
certificates. Usage: pysaml2_list.py FILE"""
import sys

from saml2.attribute_converter import ac_factory
from saml2.mdstore import MetaDataFile

md = MetaDataFile(ac_factory(), sys.argv[1])
md.load()
listed = 0
for entity_id in md.keys():
    md.certs(entity_id, 'idpsso', 'signing')
    listed += 1
print(listed)

"""Peer: lxml computing what a metadata signature's digest needs, in one process: parse, take the
document element's Signature out (the enveloped transform), exclusive C14N, SHA-256. No
signature check and no listing. Usage: lxml_c14n_digest.py FILE   (prints the base64 digest)"""
import base64
import hashlib
import sys

from lxml import etree

DS = 'http://www.w3.org/2000/09/xmldsig#'
doc = etree.parse(sys.argv[1])
root = doc.getroot()
signature = root.find(f'{{{DS}}}Signature')
if signature is not None:
    previous = signature.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or '') + (signature.tail or '')
    else:
        root.text = (root.text or '') + (signature.tail or '')
    root.remove(signature)
print(base64.b64encode(hashlib.sha256(etree.tostring(root, method='c14n', exclusive=True)).digest()).decode())

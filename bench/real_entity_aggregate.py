#!/usr/bin/python3
"""An aggregate of real entities for the benchmarks: every EntityDescriptor of the interop corpus's
metadata (IdPs and SPs from ADFS, Entra, Okta, Shibboleth, Keycloak, federations…, with their
KeyDescriptors, mdui, extensions and long names), repeated in turn up to N entities, each renamed
(its entityID given a suffix) and its certificates made distinct (bytes flipped in the signature),
entity-level signatures left out. Seeded, so every run builds the same file.
Usage: real_entity_aggregate.py ENTITIES OUT.xml   (exit 2 without the interop corpus)"""
import base64
import copy
import os
import random
import sys

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
INTEROP = os.environ.get('SSO_INTEROP_DIR', os.path.join(HERE, '..', '..', 'shared', 'interop'))
MD = 'urn:oasis:names:tc:SAML:2.0:metadata'
DS = 'http://www.w3.org/2000/09/xmldsig#'


def pool():
    folder = os.path.join(INTEROP, 'metadata')
    entities = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.xml') or name.startswith('broken_'):
            continue
        try:
            root = etree.parse(os.path.join(folder, name), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        except etree.XMLSyntaxError:
            continue
        found = [root] if root.tag == f'{{{MD}}}EntityDescriptor' else root.iter(f'{{{MD}}}EntityDescriptor')
        for entity in found:
            if entity.get('entityID'):
                entities.append(entity)
    return entities


def distinct(text, rng):
    data = bytearray(base64.b64decode(''.join(text.split())))
    for _ in range(4):
        data[len(data) - 1 - rng.randrange(16)] ^= 1 << rng.randrange(8)
    body = base64.b64encode(bytes(data)).decode()
    return '\n' + '\n'.join(body[i:i + 64] for i in range(0, len(body), 64)) + '\n'


def main(count, out):
    if not os.path.exists(os.path.join(INTEROP, 'metadata', 'MANIFEST.tsv')):
        print(f'interop corpus: not present at {INTEROP}', file=sys.stderr)
        return 2
    rng = random.Random(20261202)
    entities = pool()
    with open(out, 'w', encoding='utf-8') as f:
        f.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<md:EntitiesDescriptor xmlns:md="{MD}" '
                'Name="urn:example:benchmark:real-entities">\n')
        for i in range(count):
            entity = copy.deepcopy(entities[i % len(entities)])
            entity.set('entityID', f"{entity.get('entityID')}-{i}")
            if entity.get('ID'):
                entity.set('ID', f"{entity.get('ID')}-{i}")
            for signature in entity.findall(f'{{{DS}}}Signature'):
                entity.remove(signature)
            for cert in entity.iter(f'{{{DS}}}X509Certificate'):
                try:
                    cert.text = distinct(cert.text or '', rng)
                except (ValueError, IndexError):
                    pass  # not base64 (a test file's oddity): kept as it is
            f.write(etree.tostring(entity, encoding='unicode'))
            f.write('\n')
        f.write('</md:EntitiesDescriptor>\n')
    print(f'{count} entities from a pool of {len(entities)}: {os.path.getsize(out)} bytes')
    return 0


if __name__ == '__main__':
    sys.exit(main(int(sys.argv[1]), sys.argv[2]))

"""A seeded federation aggregate for the benchmarks: N entities, about 40 % IdPs, shaped like
eduGAIN's (UI info, organisation, contacts, several endpoints, signing and encryption keys) with
real certificates from ../shared/interop/certs, each made distinct by flipping bytes in its
signature so no two entities share a fingerprint.
Usage: generate_aggregate.py ENTITIES OUT.xml [SEED]"""
import base64
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CERTS = os.path.join(os.environ.get('SSO_INTEROP_DIR', os.path.join(HERE, '..', '..', 'shared', 'interop')), 'certs')


def load_certificates():
    ders = []
    for name in sorted(os.listdir(CERTS)):
        if name == 'MANIFEST.tsv':
            continue
        text = open(os.path.join(CERTS, name), encoding='latin-1').read()
        if 'BEGIN CERTIFICATE' in text:
            text = text.split('-----BEGIN CERTIFICATE-----')[1].split('-----END CERTIFICATE-----')[0]
        ders.append(base64.b64decode(''.join(text.split())))
    return ders


def distinct(der, rng):
    data = bytearray(der)
    for _ in range(4):
        data[len(data) - 1 - rng.randrange(16)] ^= 1 << rng.randrange(8)
    body = base64.b64encode(bytes(data)).decode()
    return '\n'.join(body[i:i + 64] for i in range(0, len(body), 64))


def key(use, cert):
    return (f'<md:KeyDescriptor use="{use}"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n{cert}\n'
            '</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n')


def organization(i, kind):
    return (f'<md:Organization><md:OrganizationName xml:lang="en">Example {kind} {i}</md:OrganizationName>'
            f'<md:OrganizationDisplayName xml:lang="en">Example {kind} number {i}</md:OrganizationDisplayName>'
            f'<md:OrganizationURL xml:lang="en">https://www.example{i}.org/</md:OrganizationURL></md:Organization>\n'
            f'<md:ContactPerson contactType="technical"><md:GivenName>Admin {i}</md:GivenName>'
            f'<md:EmailAddress>mailto:it{i}@example{i}.org</md:EmailAddress></md:ContactPerson>\n')


def ui(i, kind):
    return ('<md:Extensions><mdui:UIInfo>'
            f'<mdui:DisplayName xml:lang="en">Example {kind} {i}</mdui:DisplayName>'
            f'<mdui:DisplayName xml:lang="sv">Exempel {kind} {i}</mdui:DisplayName>'
            f'<mdui:Description xml:lang="en">The {kind} of example organisation {i}, for benchmarks.</mdui:Description>'
            f'<mdui:Logo height="16" width="16">https://www.example{i}.org/logo.png</mdui:Logo>'
            f'<mdui:InformationURL xml:lang="en">https://www.example{i}.org/about/identity</mdui:InformationURL>'
            f'<mdui:PrivacyStatementURL xml:lang="en">https://www.example{i}.org/privacy</mdui:PrivacyStatementURL>'
            '</mdui:UIInfo></md:Extensions>\n')


def idp(i, signing, encryption, next_signing):
    base = f'https://idp.example{i}.org/idp/profile'
    return (f'<md:EntityDescriptor entityID="https://idp.example{i}.org/idp/shibboleth">\n'
            '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n'
            + ui(i, 'IdP') + key('signing', signing) + (key('signing', next_signing) if next_signing else '')
            + key('encryption', encryption)
            + f'<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{base}/SAML2/Redirect/SLO"/>\n'
            '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>\n'
            '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>\n'
            f'<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="{base}/SAML2/POST/SSO"/>\n'
            f'<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{base}/SAML2/Redirect/SSO"/>\n'
            f'<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="{base}/SAML2/SOAP/ECP"/>\n'
            '</md:IDPSSODescriptor>\n' + organization(i, 'IdP') + '</md:EntityDescriptor>\n')


def sp(i, signing):
    base = f'https://sp.example{i}.org/Shibboleth.sso'
    return (f'<md:EntityDescriptor entityID="https://sp.example{i}.org/shibboleth">\n'
            '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">\n'
            + ui(i, 'service') + key('signing', signing)
            + ''.join(f'<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-{b}" '
                      f'Location="{base}/SAML2/{b}" index="{n}"/>\n' for n, b in enumerate(['POST', 'Artifact', 'POST-SimpleSign']))
            + '<md:AttributeConsumingService index="1"><md:ServiceName xml:lang="en">Service</md:ServiceName>'
            '<md:RequestedAttribute FriendlyName="mail" Name="urn:oid:0.9.2342.19200300.100.1.3"/>'
            '<md:RequestedAttribute FriendlyName="displayName" Name="urn:oid:2.16.840.1.113730.3.1.241"/>'
            '<md:RequestedAttribute FriendlyName="eduPersonPrincipalName" Name="urn:oid:1.3.6.1.4.1.5923.1.1.1.6"/>'
            '<md:RequestedAttribute FriendlyName="eduPersonScopedAffiliation" Name="urn:oid:1.3.6.1.4.1.5923.1.1.1.9"/>'
            '<md:RequestedAttribute FriendlyName="givenName" Name="urn:oid:2.5.4.42"/>'
            '<md:RequestedAttribute FriendlyName="sn" Name="urn:oid:2.5.4.4"/>'
            '</md:AttributeConsumingService>\n</md:SPSSODescriptor>\n' + organization(i, 'service') + '</md:EntityDescriptor>\n')


def main(count, out, seed=20261128):
    rng = random.Random(seed)
    ders = load_certificates()
    with open(out, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<md:EntitiesDescriptor '
                'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" '
                'xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" Name="urn:example:benchmark" '
                'validUntil="2030-01-01T00:00:00Z">\n')
        for i in range(count):
            if rng.random() < 0.4:
                rollover = distinct(rng.choice(ders), rng) if rng.random() < 0.3 else None
                f.write(idp(i, distinct(rng.choice(ders), rng), distinct(rng.choice(ders), rng), rollover))
            else:
                f.write(sp(i, distinct(rng.choice(ders), rng)) if rng.random() < 0.5 else
                        sp(i, distinct(rng.choice(ders), rng)).replace('<md:AssertionConsumerService',
                                                                      key('encryption', distinct(rng.choice(ders), rng))
                                                                      + '<md:AssertionConsumerService', 1))
        f.write('</md:EntitiesDescriptor>\n')


if __name__ == '__main__':
    main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 20261128)

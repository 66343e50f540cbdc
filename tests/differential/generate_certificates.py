"""Certificates for the OpenSSL differential test: every key type, hash, validity and name shape
we want to see described exactly as `openssl x509` describes it. Written to a folder, one PEM each."""
import datetime
import warnings
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import NameOID

UTC = datetime.timezone.utc


def when(year, month=1, day=1):
    return datetime.datetime(year, month, day, 12, 34, 56, tzinfo=UTC)


def name(*attrs):
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in attrs])


def build(path, key, subject, issuer=None, signer=None, hash_alg=hashes.SHA256(), start=when(2024), end=when(2034),
          serial=0x1234, ca=False):
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer or subject)
               .public_key(key.public_key()).serial_number(serial).not_valid_before(start).not_valid_after(end))
    if ca:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
    cert = builder.sign(signer or key, hash_alg)
    with open(path, 'wb') as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))


def main(out):
    warnings.simplefilter("ignore")
    os.makedirs(out, exist_ok=True)
    keys = {
        'rsa1024': rsa.generate_private_key(65537, 1024),
        'rsa2048': rsa.generate_private_key(65537, 2048),
        'rsa3072': rsa.generate_private_key(65537, 3072),
        'rsa4096': rsa.generate_private_key(65537, 4096),
        'p256': ec.generate_private_key(ec.SECP256R1()),
        'p384': ec.generate_private_key(ec.SECP384R1()),
        'p521': ec.generate_private_key(ec.SECP521R1()),
    }
    validities = {'current': (when(2024), when(2034)), 'expired': (when(2001), when(2002, 6, 30)),
                  'future': (when(2030), when(2031)), 'long': (when(1990), when(2120)),
                  'utc1950': (when(1950), when(2049, 12, 31))}
    hash_sets = {'rsa': [hashes.MD5(), hashes.SHA1(), hashes.SHA224(), hashes.SHA256(), hashes.SHA384(), hashes.SHA512()],
                 'ec': [hashes.SHA1(), hashes.SHA256(), hashes.SHA384(), hashes.SHA512()]}
    serial = 1
    for key_name, key in keys.items():
        for hash_alg in hash_sets['rsa' if key_name.startswith('rsa') else 'ec']:
            for valid_name, (start, end) in validities.items():
                if valid_name != 'current' and hash_alg.name not in ('sha1', 'sha256'):
                    continue
                serial = serial * 7919 % (1 << 159) + 1
                build(f'{out}/{key_name}_{hash_alg.name}_{valid_name}.pem', key,
                      name((NameOID.COMMON_NAME, f'{key_name} {hash_alg.name} {valid_name}'),
                           (NameOID.ORGANIZATION_NAME, 'Example')),
                      hash_alg=hash_alg, start=start, end=end, serial=serial)
    key = keys['rsa2048']
    shapes = {
        'escapes': name((NameOID.COMMON_NAME, 'a,b+c"d\\e<f>g;h'), (NameOID.ORGANIZATION_NAME, '#lead')),
        'spaces': name((NameOID.COMMON_NAME, ' lead and trail '), (NameOID.COUNTRY_NAME, 'US')),
        'utf8': name((NameOID.COMMON_NAME, 'Université de Genève 日本'), (NameOID.LOCALITY_NAME, 'Zürich')),
        'email_dc': name((NameOID.DOMAIN_COMPONENT, 'org'), (NameOID.DOMAIN_COMPONENT, 'example'),
                         (NameOID.EMAIL_ADDRESS, 'idp@example.org'), (NameOID.USER_ID, 'u1'),
                         (NameOID.SERIAL_NUMBER, '42'), (NameOID.STREET_ADDRESS, '1 Main St'),
                         (NameOID.TITLE, 'IdP'), (NameOID.GIVEN_NAME, 'Ada'), (NameOID.SURNAME, 'Lovelace')),
        'multivalued': x509.Name([x509.RelativeDistinguishedName([
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, 'Ops'),
            x509.NameAttribute(NameOID.COMMON_NAME, 'multi')]),
            x509.RelativeDistinguishedName([x509.NameAttribute(NameOID.COUNTRY_NAME, 'SE')])]),
        'bmpstring': x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, 'BMP Ω name', _type=_ASN1Type.BMPString)]),
        'unknown_oid': x509.Name([x509.NameAttribute(x509.ObjectIdentifier('1.2.3.4.5'), 'odd'),
                                  x509.NameAttribute(NameOID.COMMON_NAME, 'unknown attr')]),
        'control': name((NameOID.COMMON_NAME, 'tab\there')),
        'empty_subject': x509.Name([]),
    }
    for shape, subject in shapes.items():
        build(f'{out}/name_{shape}.pem', key, subject, issuer=name((NameOID.COMMON_NAME, 'Issuer CA')))
    ca_key = keys['rsa4096']
    ca_name = name((NameOID.COMMON_NAME, 'Example Root CA'), (NameOID.ORGANIZATION_NAME, 'Example'))
    build(f'{out}/ca_root.pem', ca_key, ca_name, ca=True, hash_alg=hashes.SHA384())
    build(f'{out}/ca_issued_rsa.pem', keys['rsa2048'], name((NameOID.COMMON_NAME, 'idp.example.org')),
          issuer=ca_name, signer=ca_key)
    build(f'{out}/ca_issued_ec.pem', keys['p256'], name((NameOID.COMMON_NAME, 'ec.example.org')),
          issuer=ca_name, signer=ca_key)
    build(f'{out}/serial_high_bit.pem', key, name((NameOID.COMMON_NAME, 'high')), serial=0x80 << 64)
    build(f'{out}/unsupported_ed25519.pem', ed25519.Ed25519PrivateKey.generate(),
          name((NameOID.COMMON_NAME, 'ed25519')), hash_alg=None)


if __name__ == '__main__':
    main(sys.argv[1])

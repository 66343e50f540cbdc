"""Differential test: every field of our Report for a certificate equals what Debian's OpenSSL
prints for it. Certificates come from generate_certificates.py (a fresh set each run) and the
interop folder. Prints one line per difference and a closing `N passed, N failed`."""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, 'build', 'native', 'twilio-sso')

# Deliberate differences, each explained: mbedTLS has no Ed25519 in X.509, so such a certificate
# is reported as undecodable, naming the key algorithm's OID.
UNSUPPORTED = {'unsupported_ed25519.pem': '1.3.101.112'}


def openssl(*args, stdin=None):
    return subprocess.run(['openssl', *args], input=stdin, capture_output=True, check=False).stdout.decode()


def iso(openssl_date):
    return datetime.datetime.strptime(openssl_date, '%b %d %H:%M:%S %Y GMT').strftime('%Y-%m-%dT%H:%M:%SZ')


def expected_fields(path):
    info = openssl('x509', '-in', path, '-noout', '-subject', '-issuer', '-serial', '-startdate', '-enddate',
                   '-nameopt', 'RFC2253')
    fields = dict(line.split('=', 1) for line in info.splitlines() if '=' in line)
    text = openssl('x509', '-in', path, '-noout', '-text')
    bits = re.search(r'Public-Key: \((\d+) bit\)', text)
    curve = re.search(r'NIST CURVE: (P-\d+)', text)
    verify = subprocess.run(['openssl', 'verify', '-check_ss_sig', '-no_check_time', '-CAfile', path, path],
                            capture_output=True, check=False)
    return {
        'subject': fields['subject'], 'issuer': fields['issuer'], 'serial': fields['serial'],
        'notBefore': iso(fields['notBefore']), 'notAfter': iso(fields['notAfter']),
        'keyType': 'EC' if 'id-ecPublicKey' in text else 'RSA',
        'keyBits': int(bits.group(1)), 'curve': curve.group(1) if curve else None,
        'signatureAlgorithm': re.search(r'Signature Algorithm: (\S+)', text).group(1),
        'sha1': openssl('x509', '-in', path, '-noout', '-fingerprint', '-sha1').strip().split('=', 1)[1],
        'sha256': openssl('x509', '-in', path, '-noout', '-fingerprint', '-sha256').strip().split('=', 1)[1],
        'selfSigned': verify.returncode == 0,
        'ca': 'CA:TRUE' in text,
        'pem': openssl('x509', '-in', path, '-outform', 'PEM').strip(),
    }


def ours(path):
    out = subprocess.run([CLI, '--json', path], capture_output=True, check=False).stdout
    report = json.loads(out)
    certs = report['certificates']
    cert = certs[0] if len(certs) == 1 else {'error': f'{len(certs)} certificates'}
    cert['findings'] = [f['code'] for f in report['findings']]
    return cert


def main():
    interop = os.environ.get('SSO_INTEROP_DIR', os.path.join(ROOT, '..', 'shared', 'interop'))
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(['/usr/bin/python3', os.path.join(os.path.dirname(__file__), 'generate_certificates.py'),
                        folder], check=True)
        paths = sorted(os.path.join(folder, f) for f in os.listdir(folder))
        if os.path.isfile(os.path.join(interop, 'certs', 'MANIFEST.tsv')):
            paths += sorted(os.path.join(interop, 'certs', f) for f in os.listdir(os.path.join(interop, 'certs'))
                            if f != 'MANIFEST.tsv' and not f.endswith('.b64'))
        else:
            print('interop corpus: not present, skipped (generated certificates only)')
        passed = failed = 0
        for path in paths:
            name = os.path.basename(path)
            got = ours(path)
            if name in UNSUPPORTED:
                ok = UNSUPPORTED[name] in got.get('error', '')
                problems = [] if ok else [f'expected an error naming {UNSUPPORTED[name]}, got {got}']
            else:
                want = expected_fields(path)
                problems = [f'{k}: ours {got.get(k)!r} openssl {v!r}' for k, v in want.items() if got.get(k) != v]
                weak = want['signatureAlgorithm'].startswith(('md5', 'sha1')) or want['signatureAlgorithm'] == 'ecdsa-with-SHA1'
                if weak != ('cert.weak-signature' in got['findings']):
                    problems.append(f'cert.weak-signature expected {weak}, findings {got["findings"]}')
            if problems:
                failed += 1
                print(f'FAIL {name}')
                for p in problems:
                    print(f'     {p}')
            else:
                passed += 1
        generated = sum(1 for p in paths if p.startswith(folder))
        print(f'differential: {generated} generated and {len(paths) - generated} interop certificates')
        print(f'{passed} passed, {failed} failed')
        return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

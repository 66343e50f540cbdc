#!/usr/bin/python3
"""python3-saml (Debian's python3-onelogin-saml2) as a peer on the responses the fixtures sign with
xmlsec1 (build/fixtures/responses): OneLogin_Saml2_Response.is_valid, trusting the same
certificate, against our verdict on the signatures and the structure (no signature.* or
response.unsigned error). Where the two disagree the case must be listed in DISAGREEMENTS, with
who is right and why; anything else fails. Prints one line per case and `N passed, N failed`."""
import base64
import json
import os
import subprocess
import sys

from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
FIXTURES = os.environ.get('SSO_FIXTURES_DIR', os.path.join(ROOT, 'build', 'fixtures'))
CLI = os.path.join(ROOT, 'build', 'native', 'twilio-sso')
JQ = 'JQ0123456789abcdef0123456789abcdef'
ISSUER = 'https://idp.fixture-corp.com/saml2/idp'

# case: (python3-saml's verdict, ours, who is right and why)
DISAGREEMENTS = {
    'comment-in-nameid-keeps-digest': (
        True, False,
        'ours: the signature holds (comments are not signed), but the NameID carries a comment; '
        'python3-saml accepts it, and a reader that stops at the comment reads another name '
        '(CVE-2017-11428). We read the whole text and refuse it (nameid.comment).'),
}
SIGNATURE_CODES = ('signature.invalid', 'signature.digest-mismatch', 'signature.wrapping', 'signature.unsupported',
                   'signature.untrusted-key', 'response.unsigned', 'nameid.comment')


def python3_saml_valid(xml, cert_pem):
    cert = ''.join(line for line in cert_pem.splitlines() if 'CERTIFICATE' not in line)
    settings = OneLogin_Saml2_Settings({
        'strict': False,
        'sp': {'entityId': f'urn:flex:{JQ}',
               'assertionConsumerService': {'url': f'https://login.flex.us1.twilio.com/login/callback?connection={JQ}'}},
        'idp': {'entityId': ISSUER, 'singleSignOnService': {'url': 'https://idp.fixture-corp.com/sso'}, 'x509cert': cert},
    }, sp_validation_only=True)
    try:
        response = OneLogin_Saml2_Response(settings, base64.b64encode(xml.encode()).decode())
        valid = response.is_valid({'https': 'on', 'http_host': 'login.flex.us1.twilio.com',
                                   'script_name': '/login/callback', 'get_data': {}, 'post_data': {}})
        return valid, response.get_error()
    except Exception as error:  # python3-saml raises on some malformed or wrapped documents
        return False, str(error)


def ours_valid(path, cert_path):
    out = subprocess.run([CLI, '--json', '--certificate', cert_path, '--connection-id', JQ, path],
                         capture_output=True, text=True, check=False).stdout
    report = json.loads(out)
    errors = [f['code'] for f in report['findings'] if f['severity'] == 'error' and f['code'] in SIGNATURE_CODES]
    return not errors, errors


def main():
    with open(os.path.join(FIXTURES, 'manifest.json')) as f:
        manifest = json.load(f)
    passed = failed = 0
    for case in manifest['responses']:
        name = os.path.basename(case['file'])[:-4]
        path = os.path.join(FIXTURES, case['file'])
        cert_path = os.path.join(FIXTURES, case['certificate'])
        with open(path) as f:
            xml = f.read()
        with open(cert_path) as f:
            cert = f.read()
        theirs, their_error = python3_saml_valid(xml, cert)
        ours, our_errors = ours_valid(path, cert_path)
        expected = DISAGREEMENTS.get(name)
        if theirs == ours and (expected is None or expected[0] == expected[1]):
            passed += 1
            print(f'same   {name}: {"valid" if ours else "invalid"}')
        elif expected is not None and (theirs, ours) == expected[:2]:
            passed += 1
            print(f'differ {name}: python3-saml {theirs}, ours {ours} (known: {expected[2]})')
        else:
            failed += 1
            print(f'FAIL   {name}: python3-saml {theirs} ({their_error}), ours {ours} {our_errors}')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

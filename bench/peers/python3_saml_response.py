"""Peer: python3-saml (Debian's python3-onelogin-saml2) validating a SAML response,
OneLogin_Saml2_Response(...).is_valid, trusting one certificate, in-process as a service provider
runs it. Usage: python3_saml_response.py RESPONSE CERT CONNECTION_ID [REPS]
Prints microseconds per call, and whether it found the response valid."""
import base64
import sys
import time

from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings

xml = open(sys.argv[1], 'rb').read()
cert = ''.join(line for line in open(sys.argv[2]).read().splitlines() if 'CERTIFICATE' not in line)
jq = sys.argv[3]
reps = int(sys.argv[4]) if len(sys.argv) > 4 else 1
settings = OneLogin_Saml2_Settings({
    'strict': False,
    'sp': {'entityId': f'urn:flex:{jq}',
           'assertionConsumerService': {'url': f'https://login.flex.us1.twilio.com/login/callback?connection={jq}'}},
    'idp': {'entityId': 'https://idp.fixture-corp.com/saml2/idp', 'singleSignOnService': {'url': 'https://idp.example/sso'},
            'x509cert': cert},
}, sp_validation_only=True)
encoded = base64.b64encode(xml).decode()
request = {'https': 'on', 'http_host': 'login.flex.us1.twilio.com', 'script_name': '/login/callback',
           'get_data': {}, 'post_data': {}}


def once():
    return OneLogin_Saml2_Response(settings, encoded).is_valid(request)


valid = once()
start = time.perf_counter()
for _ in range(reps):
    once()
print(f'{(time.perf_counter() - start) / reps * 1e6:.2f} {"valid" if valid else "invalid"}')

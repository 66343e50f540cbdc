// A plain page over the module: paste, and the six Twilio values are shown.
import { createAnalyzer } from './twilio-sso-api.js';

const analyzer = await createAnalyzer(globalThis.createTwilioSsoModule);
const labels = {
  friendlyName: 'FRIENDLY NAME', x509Certificate: 'X.509 CERTIFICATE',
  identityProviderIssuer: 'IDENTITY PROVIDER ISSUER', singleSignOnUrl: 'SINGLE SIGN-ON URL',
  defaultRedirectUrl: 'DEFAULT REDIRECT URL', trustedDomains: 'TRUSTED DOMAINS',
};
const input = document.getElementById('input');

function render() {
  const report = analyzer.analyze(input.value);
  const values = document.getElementById('values');
  values.replaceChildren();
  for (const [key, label] of Object.entries(labels)) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    const pre = document.createElement('pre');
    pre.dataset.field = key;
    const value = report.twilio?.[key];
    pre.textContent = Array.isArray(value) ? value.join('\n') : (value ?? '');
    dd.append(pre);
    values.append(dt, dd);
  }
  const list = document.getElementById('findings');
  list.replaceChildren(...(report.findings ?? []).map((f) => {
    const li = document.createElement('li');
    li.textContent = `${f.severity} ${f.code}: ${f.message}`;
    return li;
  }));
}

input.addEventListener('input', render);
render();

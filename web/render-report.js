// Drawing a Report: each function takes the Report (schema 1) and returns DOM nodes. Nothing here
// decides anything about SAML, certificates, dates or Twilio: every value, choice and message
// comes from the Report, and pasted text only ever becomes text nodes, never HTML.

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('data-') || key.startsWith('aria-') || key === 'role' || key === 'for') node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

// The fields of Twilio's form, in the form's order, with its labels.
const FORM_FIELDS = [
  ['friendlyName', 'Friendly name'],
  ['singleSignOnMethod', 'Single sign-on method'],
  ['x509Certificate', 'X.509 certificate'],
  ['identityProviderIssuer', 'Identity provider issuer'],
  ['singleSignOnUrl', 'Single sign-on URL'],
  ['defaultRedirectUrl', 'Default redirect URL'],
  ['trustedDomains', 'Trusted domains'],
];

// What each setting a finding names is called on this page (the CLI names them by its flags).
export const SETTING_LABELS = {
  entity: 'the identity provider picked below', product: 'Product', twilioId: 'the Twilio id field',
  certificate: 'Certificate you entered', ssoUrl: 'Single sign-on URL you entered',
  redirectUrl: 'Default redirect URL', trustedDomains: 'Trusted domains', issuer: 'Issuer you entered',
  signer: 'Certificate that signs this metadata', previousMetadata: 'An older version of this metadata',
  metadata: 'the metadata pasted before this response',
};

export function findingsByField(report) {
  const byField = new Map();
  for (const f of report.findings) {
    if (!byField.has(f.field)) byField.set(f.field, []);
    byField.get(f.field).push(f);
  }
  return byField;
}

export function findingItem(f) {
  const setting = SETTING_LABELS[f.setting];
  return el('li', { class: `tsh-finding tsh-${f.severity}` },
    el('span', { class: 'tsh-badge', text: f.severity }), ' ', el('code', { text: f.code }),
    el('p', { text: f.message }),
    setting ? el('p', { class: 'tsh-setting', text: `Change it in: ${setting}.` }) : null);
}

export function findingsList(findings) {
  return el('ul', { class: 'tsh-findings' }, findings.map(findingItem));
}

// One summary line: how many errors and warnings, errors first.
export function verdict(report) {
  const count = (severity) => report.findings.filter((f) => f.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const parts = [];
  if (errors) parts.push(`${errors} ${errors === 1 ? 'problem' : 'problems'} to fix`);
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  const text = parts.length ? `${parts.join(', ')}.` : 'No problem found: the values below are ready to paste.';
  return el('p', { class: `tsh-verdict ${errors ? 'tsh-verdict-error' : warnings ? 'tsh-verdict-warning' : 'tsh-verdict-ok'}`, text });
}

export function valueRow(label, value, findings, key, copy) {
  const present = value !== null && value !== undefined && value !== '';
  const box = el('div', { class: 'tsh-value-box' },
    // Focusable, so that a long value (a certificate) can be scrolled from the keyboard.
    el('pre', { class: `tsh-value${present ? '' : ' tsh-empty'}`, 'data-field': key, text: present ? value : '—',
      tabIndex: 0, 'aria-label': label }),
    present && copy ? copy(label, value) : null);
  return [el('dt', { text: label }), el('dd', {}, box, findings.length ? findingsList(findings) : null)];
}

export function twilioForm(report, copy) {
  const byField = findingsByField(report);
  return FORM_FIELDS.flatMap(([key, label]) => {
    const raw = report.twilio[key];
    const value = Array.isArray(raw) ? raw.join('\n') : raw;
    return valueRow(label, value, byField.get(key) ?? [], key, copy);
  });
}

// The values to enter on the identity provider's side, and its steps in its own words.
export function idpSide(report, copy) {
  const sp = report.serviceProvider;
  const rows = sp ? [
    ...valueRow('ACS URL (Reply URL, Single sign-on URL, Recipient, Destination)',
      sp.acsUrl ?? 'Shown in Twilio Console on the SSO connection’s page', [], 'acsUrl', sp.acsUrl != null ? copy : null),
    ...valueRow('Audience (SP entity ID)', sp.entityId, [], 'spEntityId', copy),
  ] : [];
  const setup = report.idpSetup;
  const steps = setup ? el('div', { class: 'tsh-steps' },
    el('h3', { text: setup.heading }),
    el('ol', {}, setup.steps.map((s) => el('li', {}, el('strong', { text: s.where }), `: ${s.text}`))),
    setup.sources.length ? el('p', { class: 'tsh-hint tsh-sources' }, 'Labels as in: ',
      setup.sources.map((s, i) => [i ? ', ' : '', el('span', { text: s })])) : null)
    : null;
  return { rows, steps };
}

function certificateCard(c, title) {
  const rows = [];
  const row = (label, text) => rows.push(el('dt', { text: label }), el('dd', { text }));
  if (c.error) {
    row('Problem', c.error);
  } else {
    const days = c.daysLeft >= 0 ? `${c.daysLeft} days left` : `expired ${-c.daysLeft} days ago`;
    row('Subject', c.subject || '(empty)');
    row('Issuer', c.selfSigned ? `${c.issuer} (self-signed)` : c.issuer);
    row('Valid', `${c.notBefore.slice(0, 10)} to ${c.notAfter.slice(0, 10)} (${days})`);
    row('Key', `${c.keyType} ${c.keyBits} bits${c.curve ? `, ${c.curve}` : ''}`);
    row('Signature', c.signatureAlgorithm);
    row('SHA-1', c.sha1);
    row('SHA-256', c.sha256);
  }
  return el('article', { class: `tsh-cert${c.forTwilio ? ' tsh-chosen' : ''}` }, el('h3', { text: title }), el('dl', {}, rows));
}

// Every list of certificates the Report holds, each under its own title.
export function certificateCards(report) {
  const lists = [];
  if (report.idp) {
    lists.push(['Signing certificate', report.idp.signingCertificates]);
    lists.push(['Encryption certificate', report.idp.encryptionCertificates]);
  }
  lists.push([report.input.kind === 'certificate' ? 'Certificate' : 'Certificate you entered', report.certificates]);
  return lists.flatMap(([title, certs]) => certs.map((c, i) => certificateCard(c, certs.length > 1 ? `${title} ${i + 1}` : title)));
}

// The SAML 2.0 identity providers of an aggregate matching a search, as options to pick from: the
// first hundred (the search narrows a federation's thousands; laying out 500 options took longer
// than drawing all the rest of the Report).
export function entityOptions(report, query, limit = 100) {
  const idps = report.entities.filter((e) => e.idp && e.saml2);
  const q = query.trim().toLowerCase();
  const shown = idps.filter((e) => !q || e.entityId.toLowerCase().includes(q) || (e.name ?? '').toLowerCase().includes(q))
    .slice(0, limit);
  const options = shown.map((e) => el('option', {
    value: e.entityId, text: e.name ? `${e.name} — ${e.entityId}` : e.entityId, selected: e.entityId === report.idp?.entityId,
  }));
  return { total: idps.length, options };
}

export function productOptions(report, chosen) {
  return report.products.map((p) => el('option', { value: p.product, text: p.label, selected: p.product === chosen }));
}

// Drawing what the Report says about the metadata itself: its signature (verified, intact, or
// changed after signing) and its comparison with an older version or with the certificate in
// Twilio (the certificates, what changed, and the plan). Every judgement comes from the Report.
import { el } from './render-report.js';

function signatureRow(label, value) {
  return value === null || value === undefined || value === '' ? null
    : [el('dt', { text: label }), el('dd', {}, el('code', { text: String(value) }))];
}

export function metadataSignatureCard(signature) {
  if (!signature) return null;
  const state = signature.verified === true ? 'verified with the certificate you trust'
    : signature.verified === false ? 'not verified with the certificate you trust'
      : signature.intact === true ? 'intact by its own KeyInfo certificate (not verified: give the certificate that signs it)'
        : signature.intact === false ? 'changed after signing, or signed by another key' : 'not checked';
  const good = signature.verified === true;
  const bad = signature.verified === false || signature.intact === false;
  return el('article', { class: `tsh-signature ${good ? 'tsh-good' : bad ? 'tsh-bad' : ''}` },
    el('h3', { text: `The metadata's signature: ${state}` }),
    el('dl', {},
      signatureRow('Why', signature.reason),
      signatureRow('Signs', signature.referenceId === '' ? 'the whole document' : `#${signature.referenceId}`),
      signatureRow('Signature algorithm', signature.signatureAlgorithm),
      signatureRow('Digest algorithm', signature.digestAlgorithm),
      signatureRow('KeyInfo certificate SHA-256', signature.keyInfoSha256),
      signatureRow('Verified with SHA-256', signature.verifiedWithSha256)));
}

function where(c, against) {
  if (against === 'metadata') return c.before && c.after ? 'in both versions' : c.before ? 'no longer published' : 'new';
  if (c.before) return c.after ? 'in Twilio, still published' : 'in Twilio, no longer published';
  return 'published';
}

export function rolloverCard(rollover) {
  if (!rollover) return null;
  const heading = rollover.against === 'metadata' ? 'Compared with the older version' : 'The certificate in Twilio and this metadata';
  return el('article', { class: 'tsh-rollover' },
    el('h3', { text: heading }),
    el('table', { class: 'tsh-table' },
      el('thead', {}, el('tr', {}, ['Certificate', 'Valid', 'Where', 'Twilio'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, rollover.certificates.map((c) => el('tr', {},
        el('td', {}, el('code', { text: `${c.subject} (SHA-256 ${c.sha256.slice(0, 11)}…)` })),
        el('td', { text: `${c.notBefore.slice(0, 10)} to ${c.notAfter.slice(0, 10)}` }),
        el('td', { text: where(c, rollover.against) }),
        el('td', { text: c.inTwilio ? 'holds it' : '' }))))),
    rollover.changes.filter((c) => c.what !== 'signingCertificate').length
      ? el('ul', {}, rollover.changes.filter((c) => c.what !== 'signingCertificate').map((c) => el('li', {},
        el('code', { text: c.what }), ` ${c.change}: `, el('code', { text: c.before ?? '—' }), ' → ', el('code', { text: c.after ?? '—' }))))
      : null,
    el('h4', { text: 'The plan' }),
    el('ol', { class: 'tsh-plan' }, rollover.plan.map((step) => el('li', { text: step }))));
}

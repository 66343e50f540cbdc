// Drawing a SAML response's Report: the verdict, the responses of an export to pick from, and the
// decoded response (signatures, the assertion, its attributes as a table, its times). Every
// word of judgement comes from the Report.
import { el } from './render-report.js';

function row(label, value) {
  return value === null || value === undefined || value === '' ? null
    : [el('dt', { text: label }), el('dd', {}, el('code', { text: String(value) }))];
}

// The export's responses as buttons; `onPick(number)` analyses another.
export function captureList(capture, onPick) {
  if (!capture || capture.responses.length < 2) return null;
  return el('div', { class: 'tsh-capture' },
    el('p', { text: `The ${capture.format === 'har' ? 'HAR file' : 'export'} holds ${capture.responses.length} SAML responses; this is number ${capture.picked}. Pick another:` }),
    el('ol', {}, capture.responses.map((r) => el('li', {},
      el('button', {
        type: 'button', class: r.number === capture.picked ? 'tsh-picked' : '', 'aria-pressed': String(r.number === capture.picked),
        text: `${r.time ?? 'time unknown'} — ${r.issuer ?? 'no issuer'} → ${r.destination ?? r.url ?? 'no destination'}`,
        onclick: () => onPick(r.number),
      })))));
}

function signatureCard(s) {
  const state = s.verified === null ? 'not verified (no trusted certificate given)' : s.verified ? 'verified' : 'not verified';
  return el('article', { class: `tsh-signature ${s.verified ? 'tsh-good' : s.verified === false ? 'tsh-bad' : ''}` },
    el('h4', { text: `Signature on the ${s.element}: ${state}` }),
    el('dl', {},
      row('Why', s.reason),
      row('Against its own KeyInfo certificate', s.intact === null ? null : s.intact ? 'intact' : 'changed, or signed by another key'),
      row('Signature algorithm', s.signatureAlgorithm),
      row('Digest algorithm', s.digestAlgorithm),
      row('KeyInfo certificate SHA-256', s.keyInfoSha256),
      row('Verified with SHA-256', s.verifiedWithSha256)),
    s.canonical ? el('details', { class: 'tsh-canonical' },
      el('summary', { text: 'The canonical bytes that were hashed (for comparing with what the IdP signed)' }),
      el('pre', { text: s.canonical, tabIndex: 0 })) : null);
}

function attributesTable(attributes) {
  if (!attributes.length) return el('p', { class: 'tsh-hint', text: 'No attributes.' });
  return el('table', { class: 'tsh-table' },
    el('caption', { text: 'Attributes' }),
    el('thead', {}, el('tr', {}, ['Name', 'Name format', 'Values'].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, attributes.map((a) => el('tr', {},
      el('td', {}, el('code', { text: a.name })),
      el('td', { text: a.nameFormat ? a.nameFormat.split(':').pop() : '' }),
      el('td', { text: a.values.join(', ') })))));
}

function timelineTable(timeline) {
  if (!timeline.length) return null;
  return el('table', { class: 'tsh-table' },
    el('caption', { text: 'Times' }),
    el('thead', {}, el('tr', {}, ['What', 'When', 'From now'].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, timeline.map((t) => el('tr', {},
      el('td', { text: t.what }), el('td', {}, el('code', { text: t.at })), el('td', { text: t.relative })))));
}

// The decoded response, after the findings.
export function responseDetails(response) {
  const a = response.assertion;
  const status = response.status.code.split(':').pop() + (response.status.subCode ? ` / ${response.status.subCode.split(':').pop()}` : '');
  return [
    el('dl', { class: 'tsh-facts' },
      row('Status', status), row('Status message', response.status.message), row('Issuer', response.issuer),
      row('Destination', response.destination), row('InResponseTo', response.inResponseTo), row('ID', response.id)),
    el('div', { class: 'tsh-signatures' }, response.signatures.map(signatureCard)),
    a ? el('section', { class: 'tsh-assertion', 'aria-label': 'Assertion' },
      el('h3', { text: a.encrypted ? 'Assertion (encrypted: not readable, and Twilio does not decrypt)'
        : a.signed ? 'Assertion (read from the element a verified signature covers)' : 'Assertion (not covered by a verified signature)' }),
      a.encrypted ? null : [
        el('dl', { class: 'tsh-facts' },
          row('NameID', a.nameId), row('NameID format', a.nameIdFormat), row('Issuer', a.issuer),
          row('Audience', a.audiences.join(', ')), row('Recipient', a.recipient)),
        attributesTable(a.attributes)])
      : el('p', { class: 'tsh-hint', text: 'The response carries no assertion.' }),
    timelineTable(response.timeline),
  ];
}

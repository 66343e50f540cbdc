// The helper's interface: paste or drop what the identity provider gave you, read Twilio's form
// filled in, copy each value. This file wires the controls to the analysis worker; drawing is in
// render-report.js, and every decision is in the Report. mountHelper() works on a page element
// that holds the helper's markup already (index.html) or is given it to write in (`markup`,
// helper-markup.js: the <twilio-sso-helper> element, inside a Shadow DOM). The page's own script
// does not carry the markup a second time.
import { createAnalysisClient } from './analysis-client.js';
import {
  certificateCards, el, entityOptions, findingsList, idpSide, productOptions, twilioForm, verdict,
} from './render-report.js';
import { metadataSignatureCard, rolloverCard } from './render-metadata.js';
import { captureList, responseDetails } from './render-response.js';

const LARGE_INPUT = 1 << 20;

export function mountHelper(container, { createWorker, markup = null }) {
  // A container that holds the markup already (index.html's, drawn before this script ran) keeps
  // it, and with it whatever was typed or pasted into it meanwhile: that is read below. Mounted
  // twice, its controls would answer twice.
  if (container.dataset.mounted !== undefined) throw new Error('mountHelper: this container is mounted already');
  container.dataset.mounted = '';
  if (!container.querySelector('[data-role="input"]')) {
    if (markup === null) throw new Error('mountHelper: the container holds no helper markup, and none was given');
    container.innerHTML = markup;
  }
  const $ = (role) => container.querySelector(`[data-role="${role}"]`);
  const option = (name) => container.querySelector(`[data-option="${name}"]`);
  const input = $('input');
  let fileBytes = null;  // a dropped or opened file, kept as bytes (DER, UTF-16, large files)
  let pastedText = null; // a large paste, kept out of the text box
  let chosenEntity = '';
  let pick = 0;            // which response of an export (HAR, SAML-tracer) to analyse
  let keptMetadata = null; // the metadata pasted before, kept in memory only: what a response is checked against
  let lastInput = null;
  let inputKind = null;    // what the core said the current input is (null until it has)
  let sentMetadata = false; // whether the request on its way carries keptMetadata
  let lastReport = null;
  let pendingSize = 0;
  let timer = 0;
  let startedAt = 0;

  const client = createAnalysisClient(createWorker, {
    onReport: (report, millis) => show(report, millis),
    onFailure: (message, retried) => {
      delete container.dataset.pending;
      status(retried ? `The analysis stopped: ${message}. Try a smaller input.` : message);
    },
    // Past 300 ms, say where a long analysis is (the stage is the core's word for it). An
    // embedder (or a test) may set data-progress-after-ms on the container to change the wait.
    onProgress: ({ stage, fraction }) => {
      if (performance.now() - startedAt < Number(container.dataset.progressAfterMs ?? 300)) return;
      const label = stage.charAt(0).toUpperCase() + stage.slice(1);
      status(`${label}… ${fraction > 0 ? `${Math.round(fraction * 100)} %` : ''}`.trim(), true);
    },
  });

  const given = () => fileBytes ?? pastedText ?? input.value;
  const awaiting = () => !fileBytes && pastedText === null && input.value.trim() === '';

  function options() {
    const text = (name) => option(name).value;
    const optional = (name) => (text(name).trim() === '' ? undefined : text(name));
    return {
      product: text('product'),
      twilioId: text('twilioId').trim(),
      friendlyName: optional('friendlyName'),
      redirectUrl: optional('redirectUrl'),
      trustedDomains: text('trustedDomains').split('\n').map((d) => d.trim()).filter((d) => d !== ''),
      issuer: optional('issuer'),
      ssoUrl: optional('ssoUrl'),
      certificate: text('certificate'),
      signer: text('signer'),
      previousMetadata: text('previousMetadata'),
      entity: chosenEntity,
      pick,
      // Only a response is checked against the metadata kept: sending it with anything else would
      // copy a whole aggregate into every request.
      ...(keptMetadata && inputKind === 'response' ? { metadata: keptMetadata } : {}),
    };
  }

  function analyze() {
    clearTimeout(timer);
    container.dataset.pending = '1';  // cleared when the answer to the newest input is shown
    const what = given();
    if (what !== lastInput) inputKind = null;
    lastInput = what;
    sentMetadata = Boolean(keptMetadata && inputKind === 'response');
    pendingSize = typeof what === 'string' ? what.length : what.length;
    startedAt = performance.now();
    if (pendingSize > LARGE_INPUT) status(`Analysing ${formatBytes(pendingSize)}…`, true);
    client.analyze(what, options());
  }

  function schedule(delay = 120) {
    container.dataset.pending = '1';
    client.cancel();  // what is on its way answers an older input
    clearTimeout(timer);
    timer = setTimeout(analyze, delay);
  }

  function show(report, millis) {
    delete container.dataset.pending;
    container.dataset.ready = '1';  // a Report has been drawn (tests and embedders wait for it)
    if (report.error) {
      status(report.error);
      return;
    }
    // A response, read without the metadata kept: read again, with it (responses are small).
    if (report.input.kind === 'response' && keptMetadata && !sentMetadata) {
      inputKind = 'response';
      analyze();
      return;
    }
    inputKind = report.input.kind;
    lastReport = report;
    forget(report.discard ?? []);
    // Metadata pasted is kept (in this page's memory, nowhere else) to check responses against.
    if (report.input.kind === 'metadata' && report.idp && typeof lastInput === 'string') keptMetadata = lastInput;
    render(report);
    if (awaiting()) {
      status('');
    } else {
      const kind = { metadata: 'metadata', certificate: 'certificate', response: 'SAML response' }[report.input.kind] ?? 'text';
      status(`Read ${formatBytes(report.input.bytes)} of ${kind} in ${millis.toFixed(1)} ms.`);
    }
  }

  // What the Report says must not be kept (a private key pasted by mistake) is cleared at once.
  function forget(discard) {
    for (const what of discard) {
      const box = what === 'input' ? input : option(what);
      if (!box) continue;
      box.value = '';
      if (what === 'input') {
        fileBytes = null;
        pastedText = null;
        input.placeholder = 'The private key you pasted was removed from this box and not kept.';
      }
      announce('A private key was pasted and has been cleared; it was not read or kept.');
    }
  }

  function render(report) {
    const product = report.products.find((p) => p.product === option('product').value) ?? report.products[0];
    option('product').replaceChildren(...productOptions(report, product?.product));
    $('id-label').textContent = product?.idLabel ?? 'Twilio id';
    option('twilioId').placeholder = product?.idHint ?? '';

    $('awaiting').hidden = !awaiting();
    $('results').hidden = awaiting();
    const isResponse = report.input.kind === 'response';
    // For a response every reason is listed first; for metadata, findings sit by their field.
    const listed = isResponse ? report.findings : report.findings.filter((f) => f.field === '');
    $('verdict').replaceChildren(isResponse && report.response
      ? el('p', { class: `tsh-verdict ${report.findings.some((f) => f.severity === 'error') ? 'tsh-verdict-error' : 'tsh-verdict-ok'}`,
        text: report.response.verdict })
      : verdict(report));
    $('general-findings').replaceChildren(listed.length ? findingsList(listed) : '');
    $('response-card').hidden = !isResponse;
    $('form-card').hidden = isResponse && !report.idp;
    $('capture').replaceChildren(captureList(report.capture, (n) => { pick = n; analyze(); }) ?? '');
    $('response').replaceChildren(...(report.response ? responseDetails(report.response) : []));
    $('trust-note').textContent = !isResponse ? ''
      : report.idp ? `Checked against the metadata you pasted before (${report.idp.entityId}); it is kept in this page only until you close it.`
        : 'Paste your identity provider\'s metadata first (or its certificate under "Check values you already have") to verify the signatures.';
    $('form').replaceChildren(...twilioForm(report, copyButton));
    const side = idpSide(report, copyButton);
    $('idp-values').replaceChildren(...side.rows);
    $('idp-steps').replaceChildren(side.steps ?? '');
    $('idp-hint').textContent = report.serviceProvider ? ''
      : `Give your ${product?.idLabel ?? 'Twilio id'} above to get the ACS URL and entity ID for your identity provider.`;
    const signature = metadataSignatureCard(report.metadataSignature);
    const rollover = rolloverCard(report.rollover);
    $('metadata-signature').replaceChildren(signature ?? '');
    $('rollover').replaceChildren(rollover ?? '');
    $('metadata-card').hidden = !signature && !rollover;
    const cards = certificateCards(report);
    $('certs').replaceChildren(...cards);
    $('certs-card').hidden = cards.length === 0;
    renderEntities();
  }

  function renderEntities() {
    const report = lastReport;
    const { total, options: list } = entityOptions(report, $('entity-search').value);
    $('entities').hidden = total < 2;
    if (total < 2) return;
    $('entity-list').replaceChildren(...list);
    $('entity-count').textContent = `${total} identity providers; showing ${list.length}. The chosen one fills the form.`;
  }

  function copyButton(label, value) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'tsh-copy';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', `Copy ${label}`);
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(value);
        announce(`${label} copied`);
        button.textContent = 'Copied';
        setTimeout(() => { button.textContent = 'Copy'; }, 1500);
      } catch {
        announce('The browser did not allow copying; select the text and copy it by hand');
      }
    });
    return button;
  }

  function status(text, busy = false) {
    const el = $('status');
    el.textContent = text;
    el.classList.toggle('tsh-busy', busy);
  }

  function announce(text) {
    $('announce').textContent = text;
  }

  async function takeFile(file) {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    chosenEntity = '';
    pick = 0;
    pastedText = null;
    // Show the text when it is text; large or binary files stay as bytes only.
    const looksText = bytes.length <= LARGE_INPUT && !bytes.subarray(0, 512).some((b) => b === 0);
    input.value = looksText ? new TextDecoder().decode(bytes) : '';
    fileBytes = looksText ? null : bytes;
    input.placeholder = looksText ? input.placeholder : `${file.name}: ${formatBytes(bytes.length)} (not shown)`;
    analyze();
  }

  // A large paste is kept as text and not put in the text box: laying out megabytes of text
  // costs the browser far more than analysing them. Pastes are analysed at once; typing waits
  // for a pause.
  let pasted = false;
  input.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    chosenEntity = '';
    fileBytes = null;
    if (text.length <= LARGE_INPUT) {
      pastedText = null;
      pasted = true;
      return;  // the browser inserts it; the input event follows
    }
    event.preventDefault();
    pastedText = text;
    input.value = '';
    input.placeholder = `Pasted ${formatBytes(text.length)} of text (not shown, to keep the page fast). Paste or type to replace it.`;
    analyze();
  });
  input.addEventListener('input', () => {
    fileBytes = null;
    pastedText = null;
    pick = 0;
    if (pasted) {
      pasted = false;
      analyze();
      return;
    }
    chosenEntity = '';
    schedule();
  });
  container.querySelectorAll('[data-option]').forEach((el) => el.addEventListener('input', () => schedule()));
  $('pick').addEventListener('click', () => $('file').click());
  $('file').addEventListener('change', (e) => takeFile(e.target.files[0]));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('tsh-dragging'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('tsh-dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('tsh-dragging');
    takeFile(e.dataTransfer.files[0]);
  });
  $('entity-search').addEventListener('input', () => lastReport && renderEntities());
  $('entity-list').addEventListener('change', (e) => {
    chosenEntity = e.target.value;
    analyze();
  });

  analyze();
  return { analyze, worker: () => client.worker() };
}

function formatBytes(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1 << 20)).toFixed(1)} MB`;
}

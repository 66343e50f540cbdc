// The helper's interface: paste or drop what the identity provider gave you, read Twilio's form
// filled in, copy each value. This file wires the controls to the analysis worker; drawing is in
// render-report.js, and every decision is in the Report. mountHelper() works on a page element
// or inside a Shadow DOM (the <twilio-sso-helper> element).
import { createAnalysisClient } from './analysis-client.js';
import {
  certificateCards, el, entityOptions, findingsList, idpSide, productOptions, twilioForm, verdict,
} from './render-report.js';
import { metadataSignatureCard, rolloverCard } from './render-metadata.js';
import { captureList, responseDetails } from './render-response.js';

const LARGE_INPUT = 1 << 20;

const TEMPLATE = `
<header class="tsh-header">
  <h1 class="tsh-title">Twilio SSO Helper</h1>
  <p class="tsh-lede">Paste your identity provider's SAML metadata or its signing certificate, and get
  the values for Twilio's Single Sign-On form, checked. After a failed login, paste its SAML response
  to see why Twilio rejected it.</p>
  <p class="tsh-privacy">Everything runs in this page: nothing you paste leaves your computer, and nothing is kept.</p>
</header>
<section class="tsh-card" aria-labelledby="tsh-input-title">
  <h2 id="tsh-input-title">1. What your identity provider gave you</h2>
  <label for="tsh-input" class="tsh-label">Metadata XML, a certificate (PEM, base64 or DER), or a SAML response
    (base64, XML, a HAR file or a SAML-tracer export)</label>
  <div class="tsh-drop" data-role="drop">
    <textarea id="tsh-input" data-role="input" rows="10" spellcheck="false" autocomplete="off"
      placeholder="&lt;EntityDescriptor …&gt;, -----BEGIN CERTIFICATE----- …, or PHNhbWxwOlJlc3BvbnNl…"></textarea>
  </div>
  <div class="tsh-row">
    <button type="button" data-role="pick">Open a file…</button>
    <input type="file" data-role="file" hidden aria-hidden="true" tabindex="-1"
      accept=".xml,.pem,.crt,.cer,.der,.txt,.b64,.har,.json,application/xml,text/xml,application/json">
    <span class="tsh-hint">or drop a file on the box</span>
  </div>
  <p class="tsh-status" data-role="status" role="status" aria-live="polite"></p>
</section>
<section class="tsh-card" aria-labelledby="tsh-settings-title">
  <h2 id="tsh-settings-title">2. Your Twilio side</h2>
  <div class="tsh-grid">
    <label class="tsh-label">Product
      <select data-option="product"><option value="flex">Flex</option></select>
    </label>
    <label class="tsh-label"><span data-role="id-label">Twilio id</span>
      <input data-option="twilioId" autocomplete="off" spellcheck="false">
    </label>
    <label class="tsh-label">Friendly name <span class="tsh-optional">(optional)</span>
      <input data-option="friendlyName" autocomplete="off">
    </label>
    <label class="tsh-label">Default redirect URL <span class="tsh-optional">(optional)</span>
      <input data-option="redirectUrl" autocomplete="off" spellcheck="false" placeholder="https://flex.twilio.com/your-runtime-domain">
    </label>
    <label class="tsh-label tsh-wide">Trusted domains <span class="tsh-optional">(one a line)</span>
      <textarea data-option="trustedDomains" rows="3" spellcheck="false" placeholder="example.com&#10;http://localhost:3000"></textarea>
    </label>
  </div>
  <details class="tsh-details">
    <summary>Check values you already have</summary>
    <div class="tsh-grid">
      <label class="tsh-label">Issuer you entered
        <input data-option="issuer" autocomplete="off" spellcheck="false">
      </label>
      <label class="tsh-label">Single sign-on URL you entered
        <input data-option="ssoUrl" autocomplete="off" spellcheck="false">
      </label>
      <label class="tsh-label tsh-wide">Certificate you entered
        <textarea data-option="certificate" rows="3" spellcheck="false"></textarea>
      </label>
    </div>
  </details>
  <details class="tsh-details">
    <summary>Verify the metadata's signature, or compare it with an older version</summary>
    <div class="tsh-grid">
      <label class="tsh-label tsh-wide">Certificate that signs this metadata <span class="tsh-optional">(your federation's or IdP's metadata-signing certificate)</span>
        <textarea data-option="signer" rows="3" spellcheck="false" placeholder="-----BEGIN CERTIFICATE-----"></textarea>
      </label>
      <label class="tsh-label tsh-wide">An older version of this metadata <span class="tsh-optional">(what Twilio was set up with)</span>
        <textarea data-option="previousMetadata" rows="3" spellcheck="false" placeholder="&lt;EntityDescriptor …&gt;"></textarea>
      </label>
    </div>
  </details>
</section>
<section class="tsh-card tsh-awaiting" data-role="awaiting" aria-labelledby="tsh-awaiting-title">
  <h2 id="tsh-awaiting-title">Waiting for your identity provider's metadata</h2>
  <p>Paste it in the box above, open the file, or drop it there. You will see Twilio's form filled in,
  what to change before it works, and what to enter in your identity provider.</p>
</section>
<div data-role="results" hidden>
  <section class="tsh-card" aria-labelledby="tsh-findings-title" data-role="general-card">
    <h2 id="tsh-findings-title">Summary</h2>
    <div data-role="verdict"></div>
    <div data-role="general-findings"></div>
  </section>
  <section class="tsh-card" data-role="response-card" hidden aria-labelledby="tsh-response-title">
    <h2 id="tsh-response-title">The SAML response</h2>
    <p class="tsh-hint" data-role="trust-note"></p>
    <div data-role="capture"></div>
    <div data-role="response"></div>
  </section>
  <section class="tsh-card" data-role="metadata-card" hidden aria-labelledby="tsh-metadata-title">
    <h2 id="tsh-metadata-title">This metadata: its signature and its versions</h2>
    <div data-role="metadata-signature"></div>
    <div data-role="rollover"></div>
  </section>
  <section class="tsh-card" data-role="entities" hidden aria-labelledby="tsh-entities-title">
    <h2 id="tsh-entities-title">Identity providers in this document</h2>
    <label class="tsh-label">Find yours by name or entity ID
      <input type="search" data-role="entity-search" autocomplete="off">
    </label>
    <select data-role="entity-list" size="6" aria-label="Identity providers"></select>
    <p class="tsh-hint" data-role="entity-count"></p>
  </section>
  <section class="tsh-card" data-role="form-card" aria-labelledby="tsh-form-title">
    <h2 id="tsh-form-title">3. Twilio's Single Sign-On form</h2>
    <dl class="tsh-form" data-role="form"></dl>
  </section>
  <section class="tsh-card" aria-labelledby="tsh-idp-title">
    <h2 id="tsh-idp-title">4. In your identity provider</h2>
    <dl class="tsh-form" data-role="idp-values"></dl>
    <div data-role="idp-steps"></div>
    <p class="tsh-hint" data-role="idp-hint"></p>
  </section>
  <section class="tsh-card" aria-labelledby="tsh-certs-title" data-role="certs-card" hidden>
    <h2 id="tsh-certs-title">Certificates</h2>
    <div class="tsh-certs" data-role="certs"></div>
  </section>
</div>
<div class="tsh-live" role="status" aria-live="assertive" data-role="announce"></div>
`;

export function mountHelper(container, { createWorker }) {
  container.innerHTML = TEMPLATE;  // a constant: no pasted text is ever parsed as HTML
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

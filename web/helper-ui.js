// The helper's interface: paste or drop what the identity provider gave you, read Twilio's form
// filled in, copy each value. It renders the Report of analyze() and decides nothing itself.
// mountHelper() works on a page element or inside a Shadow DOM (the <twilio-sso-helper> element).

const FORM_FIELDS = [
  ['friendlyName', 'Friendly name'],
  ['singleSignOnMethod', 'Single sign-on method'],
  ['x509Certificate', 'X.509 certificate'],
  ['identityProviderIssuer', 'Identity provider issuer'],
  ['singleSignOnUrl', 'Single sign-on URL'],
  ['defaultRedirectUrl', 'Default redirect URL'],
  ['trustedDomains', 'Trusted domains'],
];


const LARGE_INPUT = 1 << 20;

const TEMPLATE = `
<header class="tsh-header">
  <h1 class="tsh-title">Twilio SSO Helper</h1>
  <p class="tsh-lede">Paste your identity provider's SAML metadata or its signing certificate, and get
  the values for Twilio's Single Sign-On form, checked.</p>
  <p class="tsh-privacy" data-role="privacy">Everything runs in this page: nothing you paste leaves your computer.</p>
</header>
<section class="tsh-card" aria-labelledby="tsh-input-title">
  <h2 id="tsh-input-title">1. What your identity provider gave you</h2>
  <label for="tsh-input" class="tsh-label">Metadata XML or certificate (PEM, base64 or DER)</label>
  <div class="tsh-drop" data-role="drop">
    <textarea id="tsh-input" data-role="input" rows="10" spellcheck="false" autocomplete="off"
      placeholder="&lt;EntityDescriptor …&gt; or -----BEGIN CERTIFICATE----- …"></textarea>
  </div>
  <div class="tsh-row">
    <button type="button" data-role="pick">Open a file…</button>
    <input type="file" data-role="file" hidden accept=".xml,.pem,.crt,.cer,.der,.txt,.b64,application/xml,text/xml">
    <span class="tsh-hint">or drop a file on the box</span>
  </div>
  <p class="tsh-status" data-role="status" role="status" aria-live="polite"></p>
</section>
<section class="tsh-card" aria-labelledby="tsh-settings-title">
  <h2 id="tsh-settings-title">2. Your Twilio side</h2>
  <div class="tsh-grid">
    <label class="tsh-label">Product
      <select data-option="product">
        <option value="flex">Flex (single sign-on, enhanced)</option>
        <option value="flex-legacy">Flex (legacy SSO, before 2024-01-29)</option>
        <option value="console">Twilio Console (Admin Center)</option>
      </select>
    </label>
    <label class="tsh-label"><span data-role="id-label">Flex SSO connection id</span>
      <input data-option="id" autocomplete="off" spellcheck="false">
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
</section>
<section class="tsh-card" data-role="entities" hidden aria-labelledby="tsh-entities-title">
  <h2 id="tsh-entities-title">Identity providers in this document</h2>
  <label class="tsh-label">Find yours by name or entity ID
    <input type="search" data-role="entity-search" autocomplete="off">
  </label>
  <select data-role="entity-list" size="6" aria-label="Identity providers"></select>
  <p class="tsh-hint" data-role="entity-count"></p>
</section>
<section class="tsh-card" aria-labelledby="tsh-findings-title" data-role="general-card" hidden>
  <h2 id="tsh-findings-title">About the whole setup</h2>
  <ul class="tsh-findings" data-role="general-findings"></ul>
</section>
<section class="tsh-card" aria-labelledby="tsh-form-title">
  <h2 id="tsh-form-title">3. Twilio's Single Sign-On form</h2>
  <dl class="tsh-form" data-role="form"></dl>
</section>
<section class="tsh-card" aria-labelledby="tsh-idp-title">
  <h2 id="tsh-idp-title">4. In your identity provider</h2>
  <dl class="tsh-form" data-role="idp-values"></dl>
  <p class="tsh-hint" data-role="idp-hint"></p>
</section>
<section class="tsh-card" aria-labelledby="tsh-certs-title" data-role="certs-card" hidden>
  <h2 id="tsh-certs-title">Certificates</h2>
  <div class="tsh-certs" data-role="certs"></div>
</section>
<div class="tsh-live" role="status" aria-live="assertive" data-role="announce"></div>
`;

export function mountHelper(container, { createWorker }) {
  container.innerHTML = TEMPLATE;  // a constant: no pasted text is ever parsed as HTML
  const $ = (role) => container.querySelector(`[data-role="${role}"]`);
  const option = (name) => container.querySelector(`[data-option="${name}"]`);
  const input = $('input');
  let worker = null;
  let latest = 0;
  let pendingBytes = null;
  let fileBytes = null;  // a dropped file's bytes, kept as bytes (DER, UTF-16…)
  let chosenEntity = '';
  let lastEntities = null;  // the last Report with several IdPs, for the picker's search
  let timer = 0;

  // A worker that dies is replaced, but only after it had worked, and only a few times running:
  // a worker that cannot start at all is reported, not retried forever.
  let failuresInARow = 0;
  function startWorker() {
    let started = false;
    worker = createWorker();
    worker.onmessage = ({ data }) => {
      if (data.ready) {
        started = true;
        failuresInARow = 0;
      }
      onResult(data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      failuresInARow += 1;
      if (started && failuresInARow <= 3) {
        onResult({ id: latest, failure: event.message || 'the analysis stopped' });
        startWorker();
      } else {
        delete container.dataset.pending;
        status(`The analysis could not start in this browser${event.message ? `: ${event.message}` : ''}.`);
      }
    };
  }

  function options() {
    const product = option('product').value;
    const id = option('id').value.trim();
    const text = (name) => option(name).value;
    const given = (name) => (text(name).trim() === '' ? undefined : text(name));
    return {
      product,
      connectionId: product === 'flex-legacy' ? '' : id,
      accountSid: product === 'flex-legacy' ? id : '',
      friendlyName: given('friendlyName'),
      redirectUrl: given('redirectUrl'),
      trustedDomains: text('trustedDomains').split('\n').map((d) => d.trim()).filter((d) => d !== ''),
      issuer: given('issuer'),
      ssoUrl: given('ssoUrl'),
      certificate: text('certificate'),
      entity: chosenEntity,
    };
  }

  function analyze() {
    container.dataset.pending = '1';
    const bytes = fileBytes ?? new TextEncoder().encode(input.value);
    latest += 1;
    const copy = bytes.slice();  // the worker takes ownership of its copy
    pendingBytes = copy.length;
    if (copy.length > LARGE_INPUT) status(`Analysing ${formatBytes(copy.length)}…`, true);
    worker.postMessage({ id: latest, bytes: copy.buffer, options: options() }, [copy.buffer]);
  }

  function schedule(delay = 120) {
    container.dataset.pending = '1';  // cleared when the answer to the newest input is shown
    clearTimeout(timer);
    timer = setTimeout(analyze, delay);
  }

  function onResult(data) {
    if (data.ready) return;
    if (data.id !== latest) return;  // an answer to an older paste
    delete container.dataset.pending;
    $('status').classList.remove('tsh-busy');
    if (data.failure) {
      status(`The analysis stopped: ${data.failure}. Try a smaller input.`);
      return;
    }
    const report = JSON.parse(data.json);
    if (report.error) {
      status(report.error);
      return;
    }
    render(report);
    const kind = { metadata: 'metadata', certificate: 'certificate', unknown: 'text' }[report.input.kind];
    status(report.input.bytes === 0 ? 'Waiting for you to paste something.'
      : `Read ${formatBytes(pendingBytes)} of ${kind} in ${data.millis.toFixed(1)} ms.`);
  }

  function status(text, busy = false) {
    const el = $('status');
    el.textContent = text;
    el.classList.toggle('tsh-busy', busy);
  }

  function render(report) {
    const byField = new Map();
    for (const f of report.findings) {
      if (!byField.has(f.field)) byField.set(f.field, []);
      byField.get(f.field).push(f);
    }
    const general = [...(byField.get('') ?? []), ...['acsUrl', 'serviceProvider'].flatMap((k) => byField.get(k) ?? [])];
    $('general-findings').replaceChildren(...general.map(findingItem));
    $('general-card').hidden = general.length === 0;

    const values = { ...report.twilio, singleSignOnMethod: 'SAML2' };
    $('form').replaceChildren(...FORM_FIELDS.flatMap(([key, label]) => {
      const value = Array.isArray(values[key]) ? values[key].join('\n') : values[key];
      return valueRow(label, value, byField.get(key) ?? [], key);
    }));

    const sp = report.serviceProvider;
    $('idp-values').replaceChildren(...(sp ? [
      ...valueRow('ACS URL (Reply URL, Single sign-on URL, Recipient, Destination)',
        sp.acsUrl ?? 'Shown in Twilio Console on the SSO connection’s page', [], 'acsUrl', sp.acsUrl != null),
      ...valueRow('Audience (SP entity ID)', sp.entityId, [], 'spEntityId'),
    ] : []));
    const product = report.product;
    if (product) {
      $('id-label').textContent = product.idName;
      option('id').placeholder = product.idHint;
    }
    $('idp-hint').textContent = sp ? (product?.idpGuidance ?? '')
      : `Give your ${product?.idName ?? 'connection id'} above to get the ACS URL and entity ID for your identity provider.`;

    const certs = report.idp ? report.idp.signingCertificates : report.certificates;
    $('certs').replaceChildren(...certs.map((c, i) => certificateCard(c, i, report)));
    $('certs-card').hidden = certs.length === 0;
    renderEntities(report);
  }

  function valueRow(label, value, findings, key, copyable = true) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    const box = document.createElement('div');
    box.className = 'tsh-value-box';
    const pre = document.createElement('pre');
    pre.className = 'tsh-value';
    pre.dataset.field = key;
    const present = value != null && value !== '';
    pre.textContent = present ? value : '—';
    pre.classList.toggle('tsh-empty', !present);
    box.append(pre);
    if (present && copyable) box.append(copyButton(label, value));
    dd.append(box);
    if (findings.length) {
      const ul = document.createElement('ul');
      ul.className = 'tsh-findings';
      ul.append(...findings.map(findingItem));
      dd.append(ul);
    }
    return [dt, dd];
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

  function findingItem(f) {
    const li = document.createElement('li');
    li.className = `tsh-finding tsh-${f.severity}`;
    const badge = document.createElement('span');
    badge.className = 'tsh-badge';
    badge.textContent = f.severity;
    const code = document.createElement('code');
    code.textContent = f.code;
    const message = document.createElement('p');
    message.textContent = f.message;
    li.append(badge, ' ', code, message);
    return li;
  }

  function certificateCard(c, index, report) {
    const card = document.createElement('article');
    card.className = 'tsh-cert';
    const title = document.createElement('h3');
    title.textContent = `${report.idp ? 'Signing certificate' : 'Certificate'} ${index + 1}`;
    card.append(title);
    const dl = document.createElement('dl');
    const row = (label, text) => {
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = text;
      dl.append(dt, dd);
    };
    if (c.error) {
      row('Problem', c.error);
    } else {
      const now = Date.now();
      const left = Math.floor((Date.parse(c.notAfter) - now) / 86400000);
      const days = left >= 0 ? `${left} days left` : `expired ${-left} days ago`;
      row('Subject', c.subject || '(empty)');
      row('Issuer', c.selfSigned ? `${c.issuer} (self-signed)` : c.issuer);
      row('Valid', `${c.notBefore.slice(0, 10)} to ${c.notAfter.slice(0, 10)} (${days})`);
      row('Key', `${c.keyType} ${c.keyBits} bits${c.curve ? `, ${c.curve}` : ''}`);
      row('Signature', c.signatureAlgorithm);
      row('SHA-1', c.sha1);
      row('SHA-256', c.sha256);
      if (report.twilio.x509Certificate === c.pem) card.classList.add('tsh-chosen');
    }
    card.append(dl);
    return card;
  }

  function renderEntities(report) {
    const idps = report.entities.filter((e) => e.idp && e.saml2);
    $('entities').hidden = idps.length < 2;
    if (idps.length < 2) return;
    const query = $('entity-search').value.trim().toLowerCase();
    const shown = idps.filter((e) => !query || e.entityId.toLowerCase().includes(query)
      || (e.name ?? '').toLowerCase().includes(query)).slice(0, 500);
    const list = $('entity-list');
    list.replaceChildren(...shown.map((e) => {
      const o = document.createElement('option');
      o.value = e.entityId;
      o.textContent = e.name ? `${e.name} — ${e.entityId}` : e.entityId;
      o.selected = e.entityId === (report.idp?.entityId ?? '');
      return o;
    }));
    $('entity-count').textContent = `${idps.length} identity providers; showing ${shown.length}. The chosen one fills the form.`;
    lastEntities = report;
  }

  function announce(text) {
    $('announce').textContent = text;
  }

  async function takeFile(file) {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    fileBytes = bytes;
    chosenEntity = '';
    // Show the text when it is text; large or binary files stay as bytes only.
    const looksText = bytes.length <= LARGE_INPUT && !bytes.subarray(0, 512).some((b) => b === 0);
    input.value = looksText ? new TextDecoder().decode(bytes) : '';
    input.placeholder = looksText ? input.placeholder : `${file.name}: ${formatBytes(bytes.length)} (not shown)`;
    if (looksText) fileBytes = null;
    analyze();
  }

  // A large paste is kept as bytes and not put in the text box: laying out megabytes of text
  // costs the browser far more than analysing them. Pastes are analysed at once; typing waits
  // for a pause.
  input.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    chosenEntity = '';
    if (text.length <= LARGE_INPUT) {
      fileBytes = null;
      pasted = true;
      return;  // the browser inserts it; the input event follows
    }
    event.preventDefault();
    fileBytes = new TextEncoder().encode(text);
    input.value = '';
    input.placeholder = `Pasted ${formatBytes(fileBytes.length)} of text (not shown, to keep the page fast). Paste or type to replace it.`;
    analyze();
  });
  let pasted = false;
  input.addEventListener('input', () => {
    fileBytes = null;
    if (pasted) {
      pasted = false;
      clearTimeout(timer);
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
  $('entity-search').addEventListener('input', () => lastEntities && renderEntities(lastEntities));
  $('entity-list').addEventListener('change', (e) => {
    chosenEntity = e.target.value;
    analyze();
  });

  startWorker();
  analyze();
  return { analyze, worker: () => worker };
}

function formatBytes(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1 << 20)).toFixed(1)} MB`;
}

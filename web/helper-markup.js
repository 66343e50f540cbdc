// The helper's markup: a constant, the same for every page that shows it. index.html carries it
// already (./build.sh writes it in, tools/prerender.mjs), so that the page is drawn while its
// script loads; the <twilio-sso-helper> element hands it to mountHelper() to write into its Shadow
// DOM. No pasted text is ever parsed as HTML. Every control says autocomplete="off": the browser
// neither suggests what was typed there nor keeps it in the page's saved form state, so going
// back to a page no longer held in memory starts empty, as when the script wrote the markup.
// (A page the browser still holds whole, in its back/forward cache, comes back as it was left.)
export const HELPER_MARKUP = `
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
      <select autocomplete="off" data-option="product"><option value="flex">Flex</option></select>
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
      <textarea autocomplete="off" data-option="trustedDomains" rows="3" spellcheck="false" placeholder="example.com&#10;http://localhost:3000"></textarea>
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
        <textarea autocomplete="off" data-option="certificate" rows="3" spellcheck="false"></textarea>
      </label>
    </div>
  </details>
  <details class="tsh-details">
    <summary>Verify the metadata's signature, or compare it with an older version</summary>
    <div class="tsh-grid">
      <label class="tsh-label tsh-wide">Certificate that signs this metadata <span class="tsh-optional">(your federation's or IdP's metadata-signing certificate)</span>
        <textarea autocomplete="off" data-option="signer" rows="3" spellcheck="false" placeholder="-----BEGIN CERTIFICATE-----"></textarea>
      </label>
      <label class="tsh-label tsh-wide">An older version of this metadata <span class="tsh-optional">(what Twilio was set up with)</span>
        <textarea autocomplete="off" data-option="previousMetadata" rows="3" spellcheck="false" placeholder="&lt;EntityDescriptor …&gt;"></textarea>
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
    <select autocomplete="off" data-role="entity-list" size="6" aria-label="Identity providers"></select>
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

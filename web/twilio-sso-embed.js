// <twilio-sso-helper>: the helper as a custom element with its own Shadow DOM, for documentation
// pages. Two lines embed it:
//   <script type="module" src="https://your.docs/sso/twilio-sso-embed.js"></script>
//   <twilio-sso-helper></twilio-sso-helper>
import { HELPER_MARKUP } from './helper-markup.js';
import { mountHelper } from './helper-ui.js';

class TwilioSsoHelper extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('./app.css', import.meta.url).href;
    const container = document.createElement('div');
    container.className = 'tsh-root';
    root.append(style, container);
    mountHelper(container, {
      markup: HELPER_MARKUP,
      createWorker: () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }),
    });
  }
}

if (!customElements.get('twilio-sso-helper')) customElements.define('twilio-sso-helper', TwilioSsoHelper);

// The package's ES module API: createAnalyzer() loads the wasm module beside this file and
// returns { analyze(input, options) → Report }. In Node, pass { wasmBinary } (read with fs).
// The <twilio-sso-helper> element is 'twilio-sso-helper/element'.
import createTwilioSsoModule from './twilio-sso.mjs';
import { createAnalyzer as wrap } from './twilio-sso-api.js';

export function createAnalyzer(moduleOptions = {}) {
  return wrap(createTwilioSsoModule, moduleOptions);
}

// The package's ES module API: createAnalyzer() loads the wasm module beside this file and
// returns { analyze(input, options) → Report }. In Node, pass { wasmBinary } (read with fs).
// The <twilio-sso-helper> element is 'twilio-sso-helper/element'.
import createTwilioSsoModule from './twilio-sso.mjs';
import { createAnalyzer as wrap } from './twilio-sso-api.js';

export async function createAnalyzer(moduleOptions = {}) {
  const { PUBLIC_SUFFIX_RULES } = await import('./public-suffixes.js');
  return wrap(createTwilioSsoModule, moduleOptions, { publicSuffixes: PUBLIC_SUFFIX_RULES });
}

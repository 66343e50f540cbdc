// The analysis runs here, off the page's main thread, so a 30 MB aggregate never freezes it.
import createTwilioSsoModule from './twilio-sso.mjs';
import { createAnalyzer } from './twilio-sso-api.js';
import { serve } from './worker-serve.js';

serve(self, () => createAnalyzer(createTwilioSsoModule));

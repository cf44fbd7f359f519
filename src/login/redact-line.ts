// duo-sso's output passes through here before anyone sees it. In debug mode it may print
// the SAML assertion and STS's XML answer, whose <SecretAccessKey> is short enough to slip
// past the shared rules (they catch `key = value` forms and long base64 runs).
import { redactSecrets } from '../knowledge/redact.js';

const XML_SECRET = /<((?:\w+:)?(?:SecretAccessKey|SessionToken|SAMLAssertion|SAMLResponse))>[^<]*</g;

export function redactLine(line: string): string {
  return redactSecrets(line.replace(XML_SECRET, '<$1>[redacted]<'));
}

// The roles a SAML assertion grants, when duo-sso shows the assertion (its debug mode prints
// the SAMLResponse it posts to STS): what `login` can then list when STS refuses a role.
// Pure; anything that is not a readable assertion is simply not one.
import { decodeSamlInput } from '../saml/decode.js';
import { parseSaml } from '../saml/parse.js';

export interface Grant {
  account: string;
  role: string;
}

// A base64 SAMLResponse is kilobytes of base64; XML starts at its root element.
const CANDIDATES = /[A-Za-z0-9+/]{200,}={0,2}|<(?:\w+:)?Response\b[\s\S]*<\/(?:\w+:)?Response>/g;

export function grantsInLine(line: string): Grant[] | undefined {
  for (const candidate of line.match(CANDIDATES) ?? []) {
    try {
      const doc = parseSaml(decodeSamlInput(candidate).xml);
      if (doc.roles.length > 0) return doc.roles.map((r) => ({ account: r.account, role: r.role }));
    } catch {
      // Some other long token (a session token, say): not an assertion.
    }
  }
  return undefined;
}

// Turns what the user pasted into SAML XML: a base64 SAMLResponse (plain, URL-safe, wrapped
// across lines, URL-encoded, or as `SAMLResponse=...` from a form body), deflated or not,
// or the XML itself. Errors say what the input looked like, never what it contained.
import { inflateRawSync } from 'node:zlib';
import { UserError } from '../errors.js';
import { formatBytes } from '../io/read-input.js';

/** Real responses are tens of KiB even with hundreds of roles. */
export const MAX_SAML_BYTES = 1024 * 1024;

export interface DecodedSaml {
  xml: string;
  encoding: 'xml' | 'base64' | 'base64+deflate';
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function decodeSamlInput(raw: string): DecodedSaml {
  if (Buffer.byteLength(raw) > MAX_SAML_BYTES) {
    throw new UserError(`the input is larger than ${formatBytes(MAX_SAML_BYTES)}: not a single SAML response`, { hint: 'Pass one SAMLResponse (base64) or one XML document.' });
  }
  let text = raw.replace(/^\uFEFF/, '').trim();
  if (text === '') throw new UserError('the input is empty', { hint: 'Pass a base64 SAMLResponse or its XML, as a file or on standard input.' });
  if (text.startsWith('<')) return { xml: text, encoding: 'xml' };

  const form = /(?:^|[?&])SAMLResponse=([^&\s]+)/.exec(text);
  if (form) text = form[1]!;
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      throw malformed('it contains % escapes that are not valid URL encoding');
    }
  }
  // Form encoding turns '+' into a space; base64 has no spaces, so any space was a '+'.
  const compact = form ? text.replace(/ /g, '+').replace(/\s+/g, '') : text.replace(/\s+/g, '');
  if (!BASE64.test(compact) || compact.length % 4 === 1) {
    throw malformed('it is neither XML (starting with "<") nor base64');
  }
  const bytes = Buffer.from(compact, 'base64');
  const asText = bytes.toString('utf8').replace(/^\uFEFF/, '').trim();
  if (asText.startsWith('<')) return { xml: asText, encoding: 'base64' };
  try {
    const inflated = inflateRawSync(bytes, { maxOutputLength: MAX_SAML_BYTES }).toString('utf8').trim();
    if (inflated.startsWith('<')) return { xml: inflated, encoding: 'base64+deflate' };
  } catch {
    // Not deflated either; fall through to the error below.
  }
  throw malformed('it is base64, but what it decodes to is not XML');
}

function malformed(why: string): UserError {
  return new UserError(`not a SAML response: ${why}`, {
    hint: 'Pass the SAMLResponse value exactly as posted to https://signin.aws.amazon.com/saml (base64), or the decoded XML.',
  });
}

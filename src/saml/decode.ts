// Turns what the user pasted into SAML XML: a base64 SAMLResponse (plain, URL-safe, wrapped
// across lines, URL-encoded, or as `SAMLResponse=...` from a form body), deflated or not,
// or the XML itself; as UTF-8 or UTF-16 (what PowerShell 5's `>` writes), with or without a
// byte-order mark. Errors say what the input looked like, never what it contained.
import { inflateRawSync } from 'node:zlib';
import { UserError } from '../errors.js';
import { formatBytes } from '../io/read-input.js';

/** Real responses are tens of KiB even with hundreds of roles. */
export const MAX_SAML_BYTES = 1024 * 1024;

export type Charset = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedSaml {
  xml: string;
  encoding: 'xml' | 'base64' | 'base64+deflate';
  /** How the outermost text was written (the file or pipe). */
  charset: Charset;
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function decodeSamlInput(raw: string | Uint8Array): DecodedSaml {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.byteLength;
  if (size > MAX_SAML_BYTES) {
    throw new UserError(`the input is larger than ${formatBytes(MAX_SAML_BYTES)}: not a single SAML response`, { hint: 'Pass one SAMLResponse (base64) or one XML document.' });
  }
  const { text: outer, charset } = typeof raw === 'string' ? { text: raw.replace(/^\uFEFF/, ''), charset: 'utf-8' as const } : bytesToText(raw);
  const text = outer.trim();
  if (text === '') throw new UserError('the input is empty', { hint: 'Pass a base64 SAMLResponse or its XML, as a file or on standard input.' });
  if (text.startsWith('<')) return { xml: text, encoding: 'xml', charset };

  // From the untrimmed text: a form value's trailing space may be a '+'.
  const form = formValue(outer);
  let value = form ?? text;
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      throw malformed('it contains % escapes that are not valid URL encoding');
    }
  }
  const candidates = base64Candidates(value, form !== undefined);
  if (candidates.length === 0) throw malformed('it is neither XML (starting with "<") nor base64');
  for (const candidate of candidates) {
    const decoded = fromBase64(candidate);
    if (decoded) return { ...decoded, charset };
  }
  throw malformed('it is base64, but what it decodes to is not XML');
}

/**
 * Text from bytes: a byte-order mark decides; without one, a NUL in the first or second
 * byte of text that starts with an ASCII character gives UTF-16 away.
 */
export function bytesToText(bytes: Uint8Array): { text: string; charset: Charset } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return { text: new TextDecoder('utf-16le').decode(bytes), charset: 'utf-16le' };
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return { text: new TextDecoder('utf-16be').decode(bytes), charset: 'utf-16be' };
  return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
}

/** `...&SAMLResponse=VALUE&...`: VALUE up to the next `&` (a form whose `+` became spaces keeps them). */
function formValue(text: string): string | undefined {
  return /(?:^|[?&\s])SAMLResponse=([^&]*)/.exec(text)?.[1];
}

/**
 * The ways the base64 may have been mangled, most likely first. In a form body every space was
 * a `+` (form decoding turned it into one). Elsewhere line breaks and the blanks around them are
 * wrapping, and a space inside a line was a `+`, unless spaces are far more common than `+` is
 * in base64 (prose, or lines joined with spaces): then they are dropped. Padded lengths first.
 */
function base64Candidates(value: string, fromForm: boolean): string[] {
  const joined = fromForm ? value.replace(/[\r\n]/g, '') : value.split(/\r?\n|\r/).map((l) => l.trim()).join('');
  const spaces = joined.split(' ').length - 1;
  const plusses = fromForm || spaces <= joined.length / 16 ? [joined.replace(/ /g, '+').replace(/\s/g, '')] : [];
  const candidates = [...new Set([...plusses, joined.replace(/\s/g, '')])].filter((c) => BASE64.test(c) && c.length % 4 !== 1);
  return [...candidates.filter((c) => c.length % 4 === 0), ...candidates.filter((c) => c.length % 4 !== 0)];
}

function fromBase64(candidate: string): Omit<DecodedSaml, 'charset'> | undefined {
  const bytes = Buffer.from(candidate, 'base64');
  const asText = bytesToText(bytes).text.trim();
  if (asText.startsWith('<')) return { xml: asText, encoding: 'base64' };
  try {
    const inflated = bytesToText(inflateRawSync(bytes, { maxOutputLength: MAX_SAML_BYTES })).text.trim();
    if (inflated.startsWith('<')) return { xml: inflated, encoding: 'base64+deflate' };
  } catch {
    // Not deflated either: the caller tries the next reading or gives up.
  }
  return undefined;
}

function malformed(why: string): UserError {
  return new UserError(`not a SAML response: ${why}`, {
    hint: 'Pass the SAMLResponse value exactly as posted to https://signin.aws.amazon.com/saml (base64), or the decoded XML.',
  });
}

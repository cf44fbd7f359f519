// XML for SAML: fast-xml-parser with a DTD-less, bounded profile, and the few accessors the
// SAML reader needs. Every way the input can be unreadable ends as a UserError with a reason
// (and line and column where the validator gives them), never as an internal error.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UserError } from '../errors.js';

export type Node = Record<string, unknown>;

/** SAML nests about 10 deep (Response/Assertion/Signature/KeyInfo/X509Data/...). */
export const MAX_DEPTH = 100;

const ARRAYS = new Set(['Assertion', 'EncryptedAssertion', 'Attribute', 'EncryptedAttribute', 'AttributeValue', 'AttributeStatement', 'AudienceRestriction', 'Audience', 'SubjectConfirmation', 'AuthnStatement', 'StatusCode']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // References are decoded by `decodeReferences` on the values read: the parser would
  // decode numeric references only together with all of HTML's named entities.
  processEntities: false,
  maxNestedTags: MAX_DEPTH,
  isArray: (name) => ARRAYS.has(name),
});

const DECLARATION = /^<\?xml\s+version\s*=\s*(["'])1\.\d+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;

export function parseXml(xml: string): Node {
  // SAML never carries a DTD; refusing one rules out entity-expansion tricks.
  if (/<!DOCTYPE/i.test(xml)) throw invalid('it has a DOCTYPE, which SAML responses never have');
  if (/<!ENTITY/i.test(xml)) throw invalid('it declares an entity (<!ENTITY), which SAML responses never do');
  if (/^<\?xml[\s?]/.test(xml) && !DECLARATION.test(xml)) {
    throw invalid('the XML declaration is malformed (line 1): it should read <?xml version="1.0" encoding="UTF-8"?>');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw invalid(`${readableXmlError(valid.err.msg)} (line ${valid.err.line}, column ${valid.err.col})`);
  try {
    return parser.parse(xml) as Node;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw invalid(/nested tags/i.test(message) ? `it nests elements more than ${MAX_DEPTH} deep; a SAML response nests about 10` : `the XML parser stopped: ${message}`);
  }
}

/**
 * fast-xml-parser reports elements left open at the end as "Invalid '[ "a", "b" ]' found.":
 * the usual sign of a response cut short when copied.
 */
function readableXmlError(message: string): string {
  const open = /^Invalid '\[([\s\S]*)\]' found\.?$/.exec(message);
  if (!open) return message;
  const names = [...open[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`);
  if (names.length === 0) return message;
  const shown = names.length > 4 ? [...names.slice(0, 3), `… (${names.length - 3} more)`] : names;
  return `it ends before ${shown.join(', ')} ${names.length === 1 ? 'is' : 'are'} closed (cut short when copied?)`;
}

export function invalid(why: string): UserError {
  return new UserError(`not well-formed SAML: ${why}`, { hint: 'Pass the whole SAMLResponse, as posted to AWS.' });
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five predefined entities and character references (`&#x2C;`, `&#64;`); nothing else exists without a DTD. */
export function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*)?(;?)/g, (whole, ref: string | undefined, semi: string) => {
    if (!ref || !semi) throw invalid(`an "&" does not start a reference such as &amp; (${whole.slice(0, 12)}…)`);
    if (!ref.startsWith('#')) {
      const named = PREDEFINED[ref];
      if (named === undefined) throw invalid(`it uses the entity &${ref.slice(0, 20)}; which XML does not define without a DTD`);
      return named;
    }
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    if (!isXmlChar(code)) throw invalid(`&${ref.slice(0, 12)}; is not a character XML allows`);
    return String.fromCodePoint(code);
  });
}

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

export function node(v: unknown): Node | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

export function text(v: unknown): string | undefined {
  const t = typeof v === 'string' ? v : node(v)?.['#text'];
  return typeof t === 'string' ? decodeReferences(t) : typeof t === 'number' ? String(t) : undefined;
}

export function attr(n: Node | undefined, name: string): string | undefined {
  const v = n?.[`@${name}`];
  return typeof v === 'string' ? decodeReferences(v) : undefined;
}

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
  const forbidden = NOT_XML_CHAR.exec(xml);
  if (forbidden) throw invalid(`it holds a character XML does not allow (U+${forbidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) ${at(xml, forbidden.index)}`);
  const instruction = /<\?/.exec(outsideMarkup(xml).replace(DECLARATION, (m) => ' '.repeat(m.length)));
  if (instruction) throw invalid(`it holds a processing instruction (<?…?>) ${at(xml, instruction.index)}, which SAML responses never have`);
  const badComment = badCommentAt(xml);
  if (badComment !== undefined) throw invalid(`a comment holds "--", which XML does not allow inside one ${at(xml, badComment)}`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw invalid(`${readableXmlError(valid.err.msg)} (line ${valid.err.line}, column ${valid.err.col})`);
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw invalid(/nested tags/i.test(message) ? `it nests elements more than ${MAX_DEPTH} deep; a SAML response nests about 10` : `the XML parser stopped: ${message}`);
  }
  checkValues(xml);
  return doc;
}

/** Characters outside XML 1.0's Char production (control characters, U+FFFE/FFFF, lone surrogates). */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The text with CDATA sections (and, if asked, comments) blanked out, positions kept. */
function outsideMarkup(xml: string, comments = true): string {
  const blank = (m: string) => ' '.repeat(m.length);
  const text = xml.includes('<![CDATA[') ? xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, blank) : xml;
  return comments ? text.replace(/<!--[\s\S]*?-->/g, blank) : text;
}

/** Where a comment holds "--" or ends in "-" (XML 1.0, production 15), CDATA sections aside. */
function badCommentAt(xml: string): number | undefined {
  for (const m of outsideMarkup(xml, false).matchAll(/<!--([\s\S]*?)-->/g)) {
    if (m[1]!.includes('--') || m[1]!.endsWith('-')) return m.index;
  }
  return undefined;
}

function at(xml: string, index: number): string {
  const before = xml.slice(0, index).split(/\r\n|\r|\n/);
  return `(line ${before.length}, column ${before.at(-1)!.length + 1})`;
}

/**
 * What the validator lets through and XML does not: "<" in an attribute value, and an "&" or a
 * character reference that is not one, in the values the report never reads too (namespace
 * declarations included, which the reading parser drops): a document that an XML parser such
 * as STS's refuses must not be reported as read. A second pass, keeping every attribute.
 */
const checker = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
  attributeValueProcessor: (name, value) => {
    if (value.includes('<')) throw invalid(`the value of attribute ${name} holds a "<", which XML does not allow there`);
    decodeReferences(value);
    return value;
  },
  tagValueProcessor: (_name, value) => {
    if (value.includes(']]>')) throw invalid('the text "]]>" stands outside a CDATA section, which XML does not allow');
    decodeReferences(value);
    return value;
  },
});

function checkValues(xml: string): void {
  checker.parse(xml);
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

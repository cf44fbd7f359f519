// Reads the facts AWS cares about out of SAML XML. Matching is on local names, so
// `saml2:`, `saml:` and unprefixed documents read the same.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UserError } from '../errors.js';
import { parseRoleValue, type GrantedRole } from './roles.js';

export const AWS_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/';
export const ROLE_ATTRIBUTE = `${AWS_ATTRIBUTE}Role`;
const AWS_AUDIENCES = ['https://signin.aws.amazon.com/saml', 'urn:amazon:webservices'];

export interface SamlDocument {
  kind: 'response' | 'assertion';
  issuer?: string;
  destination?: string;
  /** The top-level StatusCode's last segment (`Success`, `Responder`...). */
  status?: string;
  issueInstant?: string;
  audiences: string[];
  recipient?: string;
  notBefore?: string;
  /** Conditions/@NotOnOrAfter. */
  notOnOrAfter?: string;
  /** SubjectConfirmationData/@NotOnOrAfter. */
  subjectNotOnOrAfter?: string;
  /** AuthnStatement/@SessionNotOnOrAfter: AWS ends the session then at the latest. */
  sessionNotOnOrAfter?: string;
  subject?: { nameId: string; format?: string };
  sessionDuration?: number;
  roleSessionName?: string;
  roles: GrantedRole[];
  principalTags: Record<string, string[]>;
  /** Names of the other attributes (their values are not shown). */
  otherAttributes: string[];
  warnings: string[];
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['Assertion', 'EncryptedAssertion', 'Attribute', 'AttributeValue', 'AttributeStatement', 'AudienceRestriction', 'Audience', 'SubjectConfirmation', 'AuthnStatement']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => ARRAYS.has(name),
});

export function parseSaml(xml: string): SamlDocument {
  // SAML never carries a DTD; refusing one rules out entity-expansion tricks.
  if (/<!DOCTYPE/i.test(xml)) throw invalid('it has a DOCTYPE, which SAML responses never have');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw invalid(`${readableXmlError(valid.err.msg)} (line ${valid.err.line}, column ${valid.err.col})`);
  const doc = parser.parse(xml) as Node;
  const response = node(doc.Response);
  const warnings: string[] = [];
  let assertion: Node | undefined;
  if (response) {
    const assertions = list(response.Assertion);
    if (assertions.length === 0 && list(response.EncryptedAssertion).length > 0) {
      throw new UserError('the assertion is encrypted: only the service provider (AWS) can read it', { hint: 'Inspect the response your IdP sends to AWS before encryption, or ask the IdP team.' });
    }
    if (assertions.length === 0) throw invalid('the Response holds no Assertion');
    if (assertions.length > 1) warnings.push(`the response holds ${assertions.length} assertions; only the first is shown`);
    assertion = node(assertions[0]);
  } else {
    assertion = node(list(doc.Assertion)[0]);
  }
  if (!assertion) {
    const root = Object.keys(doc).find((k) => !k.startsWith('@') && k !== '#text');
    throw invalid(`the root element is ${root ? `<${root}>` : 'missing'}, not a SAML <Response> or <Assertion>`);
  }

  const subject = node(assertion.Subject);
  const confirmation = node(node(list(subject?.SubjectConfirmation)[0])?.SubjectConfirmationData);
  const conditions = node(assertion.Conditions);
  const authn = node(list(assertion.AuthnStatement)[0]);
  const nameIdNode = subject?.NameID;
  const attributes = list(assertion.AttributeStatement).flatMap((s) => list(node(s)?.Attribute)).map(node).filter((a): a is Node => a !== undefined);
  const values = (a: Node): string[] => list(a.AttributeValue).map(text).filter((v): v is string => v !== undefined);

  const out: SamlDocument = {
    kind: response ? 'response' : 'assertion',
    audiences: list(conditions?.AudienceRestriction).flatMap((r) => list(node(r)?.Audience)).map(text).filter((v): v is string => v !== undefined),
    roles: [],
    principalTags: {},
    otherAttributes: [],
    warnings,
  };
  set(out, 'issuer', text(assertion.Issuer) ?? text(response?.Issuer));
  set(out, 'destination', attr(response, 'Destination'));
  set(out, 'status', attr(node(node(response?.Status)?.StatusCode), 'Value')?.split(':').pop());
  set(out, 'issueInstant', attr(assertion, 'IssueInstant'));
  set(out, 'recipient', attr(confirmation, 'Recipient'));
  set(out, 'notBefore', attr(conditions, 'NotBefore'));
  set(out, 'notOnOrAfter', attr(conditions, 'NotOnOrAfter'));
  set(out, 'subjectNotOnOrAfter', attr(confirmation, 'NotOnOrAfter'));
  set(out, 'sessionNotOnOrAfter', attr(authn, 'SessionNotOnOrAfter'));
  const nameId = text(nameIdNode);
  if (nameId !== undefined) {
    const format = attr(node(nameIdNode), 'Format')?.split(':').pop();
    out.subject = { nameId, ...(format ? { format } : {}) };
  }

  let roleAttribute = false;
  for (const a of attributes) {
    const name = attr(a, 'Name') ?? '';
    if (name === ROLE_ATTRIBUTE) {
      roleAttribute = true;
      for (const v of values(a)) {
        const role = parseRoleValue(v);
        if (role) out.roles.push(role);
        else warnings.push(`a Role value is not "role-arn,provider-arn": ${v}`);
      }
    } else if (name === `${AWS_ATTRIBUTE}RoleSessionName`) {
      set(out, 'roleSessionName', values(a)[0]);
    } else if (name === `${AWS_ATTRIBUTE}SessionDuration`) {
      const raw = values(a)[0];
      const n = Number(raw);
      if (raw !== undefined && Number.isInteger(n) && n > 0) out.sessionDuration = n;
      else warnings.push(`SessionDuration is not a whole number of seconds: ${raw ?? '(empty)'}`);
    } else if (name.startsWith(`${AWS_ATTRIBUTE}PrincipalTag:`)) {
      out.principalTags[name.slice(`${AWS_ATTRIBUTE}PrincipalTag:`.length)] = values(a);
    } else if (name) {
      out.otherAttributes.push(name);
    }
  }
  if (!roleAttribute) {
    throw new UserError(`the assertion has no ${ROLE_ATTRIBUTE} attribute: AWS can grant no role from it`, {
      hint: 'The IdP is not releasing AWS roles for this user or application; ask the IdP team.',
    });
  }
  if (out.roles.length === 0) throw new UserError('the Role attribute holds no usable "role-arn,provider-arn" value', { hint: warnings.join('\n') });

  if (out.audiences.length > 0 && !out.audiences.some((a) => AWS_AUDIENCES.includes(a))) {
    warnings.push(`no audience is AWS's (${AWS_AUDIENCES.join(' or ')}): STS will reject it (IDPRejectedClaim)`);
  }
  if (out.status && out.status !== 'Success') warnings.push(`the IdP answered ${out.status}, not Success`);
  if (out.roleSessionName !== undefined && !/^[\w+=,.@-]{2,64}$/.test(out.roleSessionName)) {
    warnings.push('RoleSessionName must be 2–64 characters of letters, digits and +=,.@_-: STS will reject it (InvalidIdentityToken)');
  }
  return out;
}

/**
 * fast-xml-parser reports elements left open at the end as "Invalid '[ "a", "b" ]' found.":
 * the usual sign of a response cut short when copied.
 */
function readableXmlError(message: string): string {
  const open = /^Invalid '\[([\s\S]*)\]' found\.?$/.exec(message);
  if (!open) return message;
  const names = [...open[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`);
  return names.length > 0 ? `it ends before ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} closed (cut short when copied?)` : message;
}

function invalid(why: string): UserError {
  return new UserError(`not well-formed SAML: ${why}`, { hint: 'Pass the whole SAMLResponse, as posted to AWS.' });
}

function node(v: unknown): Node | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  const t = node(v)?.['#text'];
  return typeof t === 'string' ? t : typeof t === 'number' ? String(t) : undefined;
}

function attr(n: Node | undefined, name: string): string | undefined {
  const v = n?.[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

function set<K extends keyof SamlDocument>(target: SamlDocument, key: K, value: SamlDocument[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

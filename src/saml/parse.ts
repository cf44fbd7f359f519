// Reads the facts AWS cares about out of SAML XML. Matching is on local names, so
// `saml2:`, `saml:` and unprefixed documents read the same.
import { UserError } from '../errors.js';
import { parseRoleValue, type GrantedRole } from './roles.js';
import { refuseUnlessSuccess } from './status.js';
import { attr, invalid, list, node, parseXml, text, type Node } from './xml.js';

export const AWS_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/';
export const ROLE_ATTRIBUTE = `${AWS_ATTRIBUTE}Role`;
const AWS_AUDIENCES = ['https://signin.aws.amazon.com/saml', 'urn:amazon:webservices'];
/** The SessionDuration AWS accepts, in seconds (15 minutes to 12 hours). */
export const SESSION_DURATION_RANGE = { min: 900, max: 43_200 } as const;

export interface SamlDocument {
  kind: 'response' | 'assertion';
  issuer?: string;
  destination?: string;
  /** The top-level StatusCode's last segment: always `Success` (anything else is refused). */
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
  /** A whole number of seconds; a value outside 900–43200 is kept and warned about. */
  sessionDuration?: number;
  roleSessionName?: string;
  roles: GrantedRole[];
  principalTags: Record<string, string[]>;
  /** Names of the other attributes (their values are not shown). */
  otherAttributes: string[];
  warnings: string[];
}

const MAX_ASSERTION_NOTES = 3;

type AssertionFacts = Omit<SamlDocument, 'kind' | 'destination' | 'status'> & { roleAttribute: boolean; encryptedAttributes: number };

export function parseSaml(xml: string): SamlDocument {
  const [rootName, root] = rootElement(parseXml(xml));
  if (rootName === 'EncryptedAssertion') throw encryptedAssertion();
  if (rootName === 'Assertion') return { kind: 'assertion', ...chosen([readAssertion(root)], 0) };
  if (rootName !== 'Response') throw notSaml(rootName);

  const status = refuseUnlessSuccess(root);
  const plain = list(root.Assertion).map(node).filter((a): a is Node => a !== undefined).map(readAssertion);
  const encrypted = list(root.EncryptedAssertion).length;
  if (plain.length === 0 && encrypted > 0) throw encryptedAssertion();
  if (plain.length === 0) throw invalid('the Response holds no Assertion');
  const facts = chosen(plain, encrypted);
  const out: SamlDocument = { kind: 'response', ...facts };
  set(out, 'issuer', facts.issuer ?? text(root.Issuer));
  set(out, 'destination', attr(root, 'Destination'));
  set(out, 'status', status);
  return out;
}

/** The response's root element, looking inside a SOAP envelope (the ECP binding). */
function rootElement(doc: Node): [string, Node] {
  const name = Object.keys(doc).find((k) => !k.startsWith('@') && k !== '#text');
  const root = node(list(name === undefined ? undefined : doc[name])[0]);
  if (name === undefined || !root) throw invalid('it holds no root element');
  if (name === 'Envelope') {
    const inner = node(node(root.Body)?.Response);
    if (inner) return ['Response', inner];
  }
  return [name, root];
}

/**
 * Of several assertions, the first granting a role is shown (AWS needs one); each of the
 * others is mentioned, so a role granted by a second assertion is not silently missed.
 */
function chosen(assertions: AssertionFacts[], encrypted: number): Omit<SamlDocument, 'kind'> {
  const withRoles = assertions.findIndex((a) => a.roles.length > 0);
  const index = withRoles >= 0 ? withRoles : Math.max(0, assertions.findIndex((a) => a.roleAttribute));
  const main = assertions[index]!;
  const total = assertions.length + encrypted;
  const notes: string[] = [];
  assertions.forEach((a, i) => {
    if (i === index) return;
    const which = `assertion ${i + 1} of ${total}`;
    if (a.roleAttribute) notes.push(`${which} grants ${a.roles.length} role(s) too, not shown: only assertion ${index + 1} is shown`);
    else notes.push(`${which} has no Role attribute${i < index ? `; shown is assertion ${index + 1}` : ''}`);
  });
  // Hundreds of assertions would bury the report: the first few are named, the rest counted.
  if (notes.length > MAX_ASSERTION_NOTES) notes.splice(MAX_ASSERTION_NOTES, notes.length, `… and ${notes.length - MAX_ASSERTION_NOTES} more assertion(s)`);
  if (encrypted > 0) notes.push(`the response also holds ${encrypted} encrypted assertion(s): only AWS can read them`);

  if (!main.roleAttribute) {
    const which = assertions.length > 1 ? `none of the ${assertions.length} assertions has` : 'the assertion has';
    throw new UserError(`${which} no ${ROLE_ATTRIBUTE} attribute: AWS can grant no role from it`, {
      hint: main.encryptedAttributes > 0
        ? `Its ${main.encryptedAttributes} attribute(s) are encrypted (EncryptedAttribute): only AWS can read them.`
        : 'The IdP is not releasing AWS roles for this user or application; ask the IdP team.',
    });
  }
  if (main.roles.length === 0) throw new UserError('the Role attribute holds no usable "role-arn,provider-arn" value', { hint: main.warnings.join('\n') });
  const { roleAttribute: _r, encryptedAttributes: _e, ...facts } = main;
  return { ...facts, warnings: [...notes, ...facts.warnings] };
}

function readAssertion(assertion: Node): AssertionFacts {
  const subject = node(assertion.Subject);
  const confirmation = node(node(list(subject?.SubjectConfirmation)[0])?.SubjectConfirmationData);
  const conditions = node(assertion.Conditions);
  const authn = node(list(assertion.AuthnStatement)[0]);
  const statements = list(assertion.AttributeStatement).map(node);
  const attributes = statements.flatMap((s) => list(s?.Attribute)).map(node).filter((a): a is Node => a !== undefined);
  const values = (a: Node): string[] => list(a.AttributeValue).map(text).filter((v): v is string => v !== undefined);
  const warnings: string[] = [];

  const out: AssertionFacts = {
    audiences: list(conditions?.AudienceRestriction).flatMap((r) => list(node(r)?.Audience)).map(text).filter((v): v is string => v !== undefined),
    roles: [],
    principalTags: {},
    otherAttributes: [],
    warnings,
    roleAttribute: false,
    encryptedAttributes: statements.reduce((n, s) => n + list(s?.EncryptedAttribute).length, 0),
  };
  set(out, 'issuer', text(assertion.Issuer));
  set(out, 'issueInstant', attr(assertion, 'IssueInstant'));
  set(out, 'recipient', attr(confirmation, 'Recipient'));
  set(out, 'notBefore', attr(conditions, 'NotBefore'));
  set(out, 'notOnOrAfter', attr(conditions, 'NotOnOrAfter'));
  set(out, 'subjectNotOnOrAfter', attr(confirmation, 'NotOnOrAfter'));
  set(out, 'sessionNotOnOrAfter', attr(authn, 'SessionNotOnOrAfter'));
  const nameId = text(subject?.NameID);
  if (nameId !== undefined) {
    const format = attr(node(subject?.NameID), 'Format')?.split(':').pop();
    out.subject = { nameId, ...(format ? { format } : {}) };
  }

  for (const a of attributes) {
    const name = attr(a, 'Name') ?? '';
    if (name === ROLE_ATTRIBUTE) {
      out.roleAttribute = true;
      for (const v of values(a)) {
        const role = parseRoleValue(v);
        if (role) out.roles.push(role);
        else warnings.push(`a Role value is not "role-arn,provider-arn": ${v}`);
      }
    } else if (name === `${AWS_ATTRIBUTE}RoleSessionName`) {
      set(out, 'roleSessionName', values(a)[0]);
    } else if (name === `${AWS_ATTRIBUTE}SessionDuration`) {
      readSessionDuration(values(a)[0], out);
    } else if (name.startsWith(`${AWS_ATTRIBUTE}PrincipalTag:`)) {
      out.principalTags[name.slice(`${AWS_ATTRIBUTE}PrincipalTag:`.length)] = values(a);
    } else if (name) {
      out.otherAttributes.push(name);
    }
  }
  if (out.audiences.length > 0 && !out.audiences.some((a) => AWS_AUDIENCES.includes(a))) {
    warnings.push(`no audience is AWS's (${AWS_AUDIENCES.join(' or ')}): STS will reject it (IDPRejectedClaim)`);
  }
  if (out.roleSessionName !== undefined && !/^[\w+=,.@-]{2,64}$/.test(out.roleSessionName)) {
    warnings.push('RoleSessionName must be 2–64 characters of letters, digits and +=,.@_-: STS will reject it (InvalidIdentityToken)');
  }
  return out;
}

/** xs:integer digits only: `0x10`, `1e3` and `3600.0` are not whole numbers of seconds to AWS. */
function readSessionDuration(raw: string | undefined, out: AssertionFacts): void {
  const { min, max } = SESSION_DURATION_RANGE;
  if (raw === undefined || !/^\+?\d+$/.test(raw.trim())) {
    out.warnings.push(`SessionDuration is not a whole number of seconds: ${raw === undefined ? '(empty)' : JSON.stringify(raw)}`);
    return;
  }
  const seconds = Number(raw.trim());
  out.sessionDuration = seconds;
  if (seconds < min || seconds > max) out.warnings.push(`SessionDuration ${seconds} s is outside the ${min}–${max} s (15 min–12 h) AWS accepts`);
}

function encryptedAssertion(): UserError {
  return new UserError('the assertion is encrypted (EncryptedAssertion): only the service provider (AWS) can read it', {
    hint: 'Inspect the response your IdP sends to AWS before encryption, or ask the IdP team.',
  });
}

const OTHER_ROOTS: Record<string, string> = {
  AuthnRequest: 'the request sent to the IdP, not its answer',
  LogoutRequest: 'a logout request',
  LogoutResponse: 'a logout response',
  EntityDescriptor: 'SAML metadata',
  EntitiesDescriptor: 'SAML metadata',
};

function notSaml(root: string): UserError {
  const what = OTHER_ROOTS[root];
  return invalid(`the root element is <${root}>${what ? ` (${what})` : ''}, not a SAML <Response> or <Assertion>`);
}

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

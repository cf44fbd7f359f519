// Reads the facts AWS cares about out of SAML XML. Matching is on local names, so
// `saml2:`, `saml:` and unprefixed documents read the same.
import { UserError } from '../errors.js';
import { awsAudiences, awsSignIn, type AwsSignIn } from './partitions.js';
import { parseRoleValue, type GrantedRole } from './roles.js';
import { refuseUnlessSuccess } from './status.js';
import { attr, invalid, list, node, parseXml, text, type Node } from './xml.js';

export const AWS_ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/';
export const ROLE_ATTRIBUTE = `${AWS_ATTRIBUTE}Role`;
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
  /** The AWS partition (and region) the response is addressed to: by Recipient, Destination or Audience. */
  signIn?: AwsSignIn;
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

type AssertionFacts = Omit<SamlDocument, 'kind' | 'destination' | 'status' | 'signIn'> & { roleAttribute: boolean; roleProblems: string[]; encryptedAttributes: number };

export function parseSaml(xml: string): SamlDocument {
  const [rootName, root] = rootElement(parseXml(xml));
  if (rootName === 'EncryptedAssertion') throw encryptedAssertion();
  if ((rootName === 'Assertion' || rootName === 'Response') && attr(root, 'MajorVersion') !== undefined) throw saml1(rootName);
  if (rootName === 'Assertion') return addressed({ kind: 'assertion', ...chosen([readAssertion(root)], 0) });
  if (rootName === 'ErrorResponse') throw stsError(root);
  if (rootName !== 'Response') throw notSaml(rootName);

  const status = refuseUnlessSuccess(root);
  const plain = list(root.Assertion).map(node).filter((a): a is Node => a !== undefined).map(readAssertion);
  const encrypted = list(root.EncryptedAssertion).length;
  if (plain.length === 0 && encrypted > 0) throw encryptedAssertion();
  if (plain.length === 0) {
    throw new UserError('the Response holds no Assertion: AWS can grant no role from it', { hint: 'Pass the whole SAMLResponse, as posted to AWS; if it is whole, the IdP sent no assertion: ask the IdP team.' });
  }
  const facts = chosen(plain, encrypted);
  const out: SamlDocument = { kind: 'response', ...facts };
  set(out, 'issuer', facts.issuer ?? text(root.Issuer));
  set(out, 'destination', attr(root, 'Destination'));
  set(out, 'status', status);
  return addressed(out);
}

/** Recipient is what STS checks; Destination and Audience say the same where it is missing. */
function addressed(doc: SamlDocument): SamlDocument {
  const named = [doc.recipient, doc.destination, ...doc.audiences].flatMap((v) => (v === undefined ? [] : [awsSignIn(v)])).find((s) => s !== undefined);
  if (named) doc.signIn = named;
  return doc;
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

  if (!main.roleAttribute && encrypted > 0) {
    const which = assertions.length > 1 ? `none of the ${assertions.length} plain assertions has` : 'the plain assertion has no';
    throw new UserError(`${which} ${assertions.length > 1 ? 'a ' : ''}${ROLE_ATTRIBUTE} attribute; the roles may be in the ${encrypted} encrypted assertion(s), which only AWS can read`, {
      hint: 'Inspect the response your IdP sends to AWS before encryption, or ask the IdP team.',
    });
  }
  if (!main.roleAttribute) {
    const which = assertions.length > 1 ? `none of the ${assertions.length} assertions has a` : 'the assertion has no';
    throw new UserError(`${which} ${ROLE_ATTRIBUTE} attribute: AWS can grant no role from it`, {
      hint: main.encryptedAttributes > 0
        ? `Its ${main.encryptedAttributes} attribute(s) are encrypted (EncryptedAttribute): only AWS can read them.`
        : 'The IdP is not releasing AWS roles for this user or application; ask the IdP team.',
    });
  }
  if (main.roles.length === 0) {
    const [first, ...more] = main.roleProblems;
    throw new UserError(`the Role attribute holds no value AWS can use: ${first ?? 'it has no AttributeValue'}${more.length > 0 ? ` (and ${more.length} more)` : ''}`, { hint: main.warnings.join('\n') });
  }
  const { roleAttribute: _r, roleProblems: _p, encryptedAttributes: _e, ...facts } = main;
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
  // Every value, an empty element as '' (a Role value left empty is named, not skipped).
  const allValues = (a: Node): string[] => list(a.AttributeValue).map((v) => text(v) ?? '');
  const warnings: string[] = [];

  // Each AudienceRestriction must hold on its own (SAML core 2.5.1.4): one of its audiences AWS's.
  const restrictions = list(conditions?.AudienceRestriction).map((r) => list(node(r)?.Audience).map(text).filter((v): v is string => v !== undefined));
  const out: AssertionFacts = {
    audiences: restrictions.flat(),
    roles: [],
    principalTags: {},
    otherAttributes: [],
    warnings,
    roleAttribute: false,
    roleProblems: [],
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
      for (const v of allValues(a)) {
        const read = parseRoleValue(v);
        if ('role' in read) out.roles.push(read.role);
        else out.roleProblems.push(read.problem);
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
  warnings.push(...out.roleProblems);
  const foreign = restrictions.findIndex((r) => r.length > 0 && !r.some((a) => awsSignIn(a) !== undefined));
  if (foreign >= 0) {
    const aws = `${awsAudiences().join(', ')}, or an AWS sign-in URL such as https://signin.aws.amazon.com/saml`;
    warnings.push(restrictions.length > 1
      ? `AudienceRestriction ${foreign + 1} of ${restrictions.length} names no AWS audience (${aws}): each restriction must hold, so STS will reject it (IDPRejectedClaim)`
      : `no audience is AWS's (${aws}): STS will reject it (IDPRejectedClaim)`);
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

/** SAML documents that are not the IdP's answer to a sign-in, as users paste them by mistake. */
const OTHER_ROOTS: Record<string, string> = {
  AuthnRequest: 'a SAML AuthnRequest: the request sent to the IdP, not its answer',
  LogoutRequest: 'a SAML LogoutRequest',
  LogoutResponse: 'a SAML LogoutResponse: the answer to a sign-out, not a sign-in',
  ArtifactResolve: 'a SAML ArtifactResolve request',
  ArtifactResponse: 'a SAML ArtifactResponse',
  EntityDescriptor: "SAML metadata (an IdP's or service provider's description), not a sign-in",
  EntitiesDescriptor: 'SAML metadata (a federation of entities), not a sign-in',
};

const WHICH_RESPONSE = 'saml inspect reads the SAMLResponse your IdP posts to AWS (https://signin.aws.amazon.com/saml): copy it from the browser\'s developer tools (Network, the POST to /saml, its SAMLResponse form field).';

function notSaml(root: string): UserError {
  const what = OTHER_ROOTS[root];
  return new UserError(`not a SAML response: ${what ? `it is ${what} (<${root}>)` : `the root element is <${root}>, not a SAML <Response> or <Assertion>`}`, { hint: WHICH_RESPONSE });
}

/** SAML 1.x (MajorVersion="1"): local names match 2.0's, so it would otherwise be read as one. */
function saml1(root: string): UserError {
  return new UserError(`not a SAML 2.0 response: it is a SAML 1.x <${root}> (MajorVersion), and AWS reads SAML 2.0 only`, {
    hint: 'Set the AWS application at your IdP to SAML 2.0.',
  });
}

/** What STS answered (an AWS error document), pasted instead of what was sent to it. */
function stsError(root: Node): UserError {
  const code = text(node(list(root.Error)[0])?.Code)?.replace(/[^\w.-]/g, '').slice(0, 64);
  return new UserError(`not a SAML response: it is STS's error response${code ? ` (${code})` : ''}, the answer to AssumeRoleWithSAML`, {
    hint: `Paste that error into duo-sso-setup troubleshoot for its cause. ${WHICH_RESPONSE}`,
  });
}

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

// Builds SAML responses like an IdP (Ping/Duo SSO) posts to https://signin.aws.amazon.com/saml,
// unsigned, for tests of `saml inspect`. Not a real assertion: made-up accounts and people.

export type Prefix = 'saml2' | 'saml' | '';

export interface SamlFixture {
  /** Namespace prefix of assertion elements; protocol elements get the matching `p` prefix. */
  prefix?: Prefix;
  /** Values of the Role attribute, e.g. from grant(). Omit the attribute with `null`. */
  roles?: string[] | null;
  issueInstant?: Date;
  notBefore?: Date;
  notOnOrAfter?: Date;
  /** SubjectConfirmationData/@NotOnOrAfter; the same as notOnOrAfter unless given. */
  subjectNotOnOrAfter?: Date;
  sessionNotOnOrAfter?: Date;
  sessionDuration?: number | string;
  roleSessionName?: string;
  nameId?: string;
  audience?: string;
  recipient?: string;
  /** Extra attributes: name → values. */
  attributes?: Record<string, string[]>;
  /** A bare <Assertion> instead of a <Response> around it. */
  bare?: boolean;
  status?: string;
  /** How times are written; ISO 8601 UTC (`toISOString`) unless given. */
  formatTime?: (d: Date) => string;
}

const AWS = 'https://aws.amazon.com/SAML/Attributes/';

/** One Role attribute value; `providerFirst` puts the provider ARN first, as some IdPs do. */
export function grant(account: string, role: string, opts: { provider?: string; providerFirst?: boolean } = {}): string {
  const roleArn = `arn:aws:iam::${account}:role/${role}`;
  const providerArn = `arn:aws:iam::${account}:saml-provider/${opts.provider ?? 'cloudsso'}`;
  return opts.providerFirst ? `${providerArn},${roleArn}` : `${roleArn},${providerArn}`;
}

export function buildSaml(f: SamlFixture = {}): string {
  const now = new Date();
  const issue = f.issueInstant ?? now;
  const notBefore = f.notBefore ?? new Date(issue.getTime() - 30_000);
  const notOnOrAfter = f.notOnOrAfter ?? new Date(issue.getTime() + 5 * 60_000);
  const prefix = f.prefix ?? 'saml2';
  const a = (name: string) => (prefix ? `${prefix}:${name}` : name);
  const p = (name: string) => (prefix ? `${prefix}p:${name}` : name);
  const ns = prefix ? `xmlns:${prefix}="urn:oasis:names:tc:SAML:2.0:assertion"` : 'xmlns="urn:oasis:names:tc:SAML:2.0:assertion"';
  const pns = prefix ? `xmlns:${prefix}p="urn:oasis:names:tc:SAML:2.0:protocol"` : '';
  const iso = f.formatTime ?? ((d: Date) => d.toISOString());
  const attribute = (name: string, values: string[]) =>
    `<${a('Attribute')} Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${values
      .map((v) => `<${a('AttributeValue')} xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">${escape(v)}</${a('AttributeValue')}>`)
      .join('')}</${a('Attribute')}>`;
  const attrs: string[] = [];
  if (f.roles !== null) attrs.push(attribute(`${AWS}Role`, f.roles ?? [grant('626007623524', 'admin')]));
  attrs.push(attribute(`${AWS}RoleSessionName`, [f.roleSessionName ?? 'jdoe@example.com']));
  if (f.sessionDuration !== undefined) attrs.push(attribute(`${AWS}SessionDuration`, [String(f.sessionDuration)]));
  for (const [name, values] of Object.entries(f.attributes ?? {})) attrs.push(attribute(name, values));
  const recipient = f.recipient ?? 'https://signin.aws.amazon.com/saml';
  const assertion = [
    `<${a('Assertion')} ${f.bare || !prefix ? ns : ''} ID="_a1b2c3" IssueInstant="${iso(issue)}" Version="2.0">`,
    `<${a('Issuer')}>https://cloudsso.example.com</${a('Issuer')}>`,
    `<${a('Subject')}><${a('NameID')} Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${escape(f.nameId ?? 'jane.doe@example.com')}</${a('NameID')}>`,
    `<${a('SubjectConfirmation')} Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><${a('SubjectConfirmationData')} NotOnOrAfter="${iso(f.subjectNotOnOrAfter ?? notOnOrAfter)}" Recipient="${recipient}"/></${a('SubjectConfirmation')}></${a('Subject')}>`,
    `<${a('Conditions')} NotBefore="${iso(notBefore)}" NotOnOrAfter="${iso(notOnOrAfter)}"><${a('AudienceRestriction')}><${a('Audience')}>${f.audience ?? 'urn:amazon:webservices'}</${a('Audience')}></${a('AudienceRestriction')}></${a('Conditions')}>`,
    `<${a('AuthnStatement')} AuthnInstant="${iso(issue)}" SessionIndex="_s1"${f.sessionNotOnOrAfter ? ` SessionNotOnOrAfter="${iso(f.sessionNotOnOrAfter)}"` : ''}><${a('AuthnContext')}><${a('AuthnContextClassRef')}>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</${a('AuthnContextClassRef')}></${a('AuthnContext')}></${a('AuthnStatement')}>`,
    `<${a('AttributeStatement')}>${attrs.join('')}</${a('AttributeStatement')}>`,
    `</${a('Assertion')}>`,
  ].join('');
  if (f.bare) return `<?xml version="1.0" encoding="UTF-8"?>${assertion}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${p('Response')} ${pns} ${prefix ? ns : 'xmlns="urn:oasis:names:tc:SAML:2.0:protocol"'} Destination="https://signin.aws.amazon.com/saml" ID="_r1" IssueInstant="${iso(issue)}" Version="2.0">`,
    `<${a('Issuer')} ${prefix ? '' : 'xmlns="urn:oasis:names:tc:SAML:2.0:assertion"'}>https://cloudsso.example.com</${a('Issuer')}>`,
    `<${p('Status')}><${p('StatusCode')} Value="urn:oasis:names:tc:SAML:2.0:status:${f.status ?? 'Success'}"/></${p('Status')}>`,
    assertion,
    `</${p('Response')}>`,
  ].join('\n');
}

export function toBase64(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Issue 18 (SAML for every partition) and issue 22 (cases no test reached): GovCloud and
// China audiences, regional sign-in endpoints, several audiences and restrictions at once,
// plain beside encrypted assertions, the RoleSessionName rule's anchors, and the SAML
// documents that are not a sign-in response.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/saml/inspect.js';
import { awsSignIn } from '../../src/saml/partitions.js';
import { inspectionJson, renderInspection } from '../../src/saml/render.js';
import { buildSaml, grant, toBase64 } from '../support/saml-builder.js';
import { NOW, PLAIN, at, fails } from '../support/saml-helpers.js';

const FOREIGN_AUDIENCE = "no audience is AWS's (urn:amazon:webservices, urn:amazon:webservices:govcloud, urn:amazon:webservices:cn-north-1, or an AWS sign-in URL such as https://signin.aws.amazon.com/saml): STS will reject it (IDPRejectedClaim)";

describe('awsSignIn: the partition and region an audience or sign-in URL names', () => {
  it.each([
    ['urn:amazon:webservices', { partition: 'aws' }],
    ['urn:amazon:webservices:govcloud', { partition: 'aws-us-gov' }],
    ['urn:amazon:webservices:cn-north-1', { partition: 'aws-cn' }],
    ['https://signin.aws.amazon.com/saml', { partition: 'aws' }],
    ['https://eu-west-1.signin.aws.amazon.com/saml', { partition: 'aws', region: 'eu-west-1' }],
    ['https://ap-southeast-2.signin.aws.amazon.com/saml/', { partition: 'aws', region: 'ap-southeast-2' }],
    ['https://us-east-2.signin.aws.amazon.com/saml/acs/SAMLSP4SHN3UIS2D558H46', { partition: 'aws', region: 'us-east-2' }],
    ['https://signin.amazonaws-us-gov.com/saml', { partition: 'aws-us-gov' }],
    ['https://us-gov-east-1.signin.amazonaws-us-gov.com/saml', { partition: 'aws-us-gov', region: 'us-gov-east-1' }],
    ['https://signin.amazonaws.cn/saml', { partition: 'aws-cn' }],
    ['https://cn-northwest-1.signin.amazonaws.cn/saml', { partition: 'aws-cn', region: 'cn-northwest-1' }],
  ])('%s', (value, expected) => {
    expect(awsSignIn(value)).toEqual(expected);
  });

  it.each([
    'http://signin.aws.amazon.com/saml',
    'https://signin.aws.amazon.com.example.com/saml',
    'https://example.com/signin.aws.amazon.com/saml',
    'https://signin.aws.amazon.com/saml2',
    'https://signin.aws.amazon.com/',
    'https://notaregion.signin.aws.amazon.com/saml',
    'https://us-gov-west-1.signin.aws.amazon.com/saml',
    'https://cn-north-1.signin.aws.amazon.com/saml',
    'https://eu-west-1.signin.amazonaws-us-gov.com/saml',
    'https://us-east-1.signin.amazonaws.cn/saml',
    'https://signin.amazonaws.com/saml',
    'urn:amazon:webservices:govcloud:x',
    'urn:amazon:webservice',
    'https://sp.example.com/demo1/metadata.php',
  ])('%s is not an AWS sign-in', (value) => {
    expect(awsSignIn(value)).toBeUndefined();
  });
});

/** A response whose Conditions hold the given AudienceRestrictions (each a list of audiences). */
function withRestrictions(restrictions: string[][], f: Parameters<typeof buildSaml>[0] = {}): string {
  const xml = buildSaml({ issueInstant: at(0), ...f });
  const conditions = restrictions.map((r) => `<saml2:AudienceRestriction>${r.map((a) => `<saml2:Audience>${a}</saml2:Audience>`).join('')}</saml2:AudienceRestriction>`).join('');
  return xml.replace(/<saml2:AudienceRestriction>[\s\S]*?<\/saml2:AudienceRestriction>/, conditions);
}

const AWS_AUDIENCES = [
  'urn:amazon:webservices',
  'urn:amazon:webservices:govcloud',
  'urn:amazon:webservices:cn-north-1',
  'https://signin.aws.amazon.com/saml',
  'https://eu-central-1.signin.aws.amazon.com/saml',
  'https://signin.amazonaws-us-gov.com/saml',
  'https://signin.amazonaws.cn/saml',
];

describe('audiences', () => {
  it.each(AWS_AUDIENCES)('%s alone is accepted', (audience) => {
    const { doc } = inspect(withRestrictions([[audience]]), NOW, false);
    expect(doc.audiences).toEqual([audience]);
    expect(doc.warnings).toEqual([]);
  });

  it('all of them at once, with a foreign one among them, in one restriction: accepted, listed in order', () => {
    const audiences = ['https://sp.example.com', ...AWS_AUDIENCES];
    const { doc } = inspect(withRestrictions([audiences]), NOW, false);
    expect(doc.audiences).toEqual(audiences);
    expect(doc.warnings).toEqual([]);
  });

  it('all of them, each in its own restriction: accepted', () => {
    const { doc } = inspect(withRestrictions(AWS_AUDIENCES.map((a) => [a])), NOW, false);
    expect(doc.audiences).toEqual(AWS_AUDIENCES);
    expect(doc.warnings).toEqual([]);
  });

  it('only foreign audiences, in one restriction: one warning', () => {
    const { doc } = inspect(withRestrictions([['https://sp.example.com', 'urn:example:sp']]), NOW, false);
    expect(doc.warnings).toEqual([FOREIGN_AUDIENCE]);
  });

  it('a second restriction naming no AWS audience fails though the first names AWS (each must hold)', () => {
    const { doc } = inspect(withRestrictions([['urn:amazon:webservices'], ['https://sp.example.com']]), NOW, false);
    expect(doc.warnings).toEqual([
      'AudienceRestriction 2 of 2 names no AWS audience (urn:amazon:webservices, urn:amazon:webservices:govcloud, urn:amazon:webservices:cn-north-1, or an AWS sign-in URL such as https://signin.aws.amazon.com/saml): each restriction must hold, so STS will reject it (IDPRejectedClaim)',
    ]);
  });

  it('an empty restriction and no Conditions at all warn of nothing', () => {
    expect(inspect(withRestrictions([[]]), NOW, false).doc.warnings).toEqual([]);
    const bare = buildSaml({ issueInstant: at(0) }).replace(/<saml2:Conditions[\s\S]*?<\/saml2:Conditions>/, '');
    expect(inspect(bare, NOW, false).doc).toMatchObject({ audiences: [], warnings: [] });
  });
});

describe('GovCloud, China and regional sign-in, named in the report', () => {
  const gov = (account: string, role: string) => grant(account, role, { provider: 'okta' }).replace(/arn:aws:/g, 'arn:aws-us-gov:');

  it('a GovCloud response: partition and region beside Audience and Recipient, roles marked aws-us-gov', () => {
    const xml = buildSaml({
      issueInstant: at(0),
      audience: 'urn:amazon:webservices:govcloud',
      recipient: 'https://us-gov-west-1.signin.amazonaws-us-gov.com/saml',
      roles: [gov('123456789012', 'ops'), gov('123456789012', 'team/admin')],
    }).replace('Destination="https://signin.aws.amazon.com/saml"', 'Destination="https://us-gov-west-1.signin.amazonaws-us-gov.com/saml"');
    const i = inspect(xml, NOW, false);
    expect(i.doc.warnings).toEqual([]);
    expect(i.doc.signIn).toEqual({ partition: 'aws-us-gov', region: 'us-gov-west-1' });
    expect(i.doc.roles.map((r) => [r.partition, r.roleArn])).toEqual([
      ['aws-us-gov', 'arn:aws-us-gov:iam::123456789012:role/ops'],
      ['aws-us-gov', 'arn:aws-us-gov:iam::123456789012:role/team/admin'],
    ]);
    const text = renderInspection(i, PLAIN);
    expect(text).toContain('  Destination      https://us-gov-west-1.signin.amazonaws-us-gov.com/saml (AWS GovCloud (US), region us-gov-west-1)\n');
    expect(text).toContain('  Audience         urn:amazon:webservices:govcloud (AWS GovCloud (US))\n');
    expect(text).toContain('  Recipient        https://us-gov-west-1.signin.amazonaws-us-gov.com/saml (AWS GovCloud (US), region us-gov-west-1)\n');
    expect(text).toContain('  123456789012  ops         provider okta (aws-us-gov)\n  123456789012  team/admin  provider okta (aws-us-gov)\n');
    expect(inspectionJson(i).signIn).toEqual({ partition: 'aws-us-gov', name: 'AWS GovCloud (US)', region: 'us-gov-west-1' });
  });

  it('a China response addressed by its audience alone (no Recipient, no Destination)', () => {
    const xml = buildSaml({ bare: true, issueInstant: at(0), audience: 'urn:amazon:webservices:cn-north-1', roles: [grant('123456789012', 'dev').replace(/arn:aws:/g, 'arn:aws-cn:')] })
      .replace(/ Recipient="[^"]*"/, '');
    const i = inspect(xml, NOW, false);
    expect(i.doc.warnings).toEqual([]);
    expect(i.doc.recipient).toBeUndefined();
    expect(inspectionJson(i).signIn).toEqual({ partition: 'aws-cn', name: 'AWS China', region: null });
    expect(renderInspection(i, PLAIN)).toContain('  Audience         urn:amazon:webservices:cn-north-1 (AWS China)\n');
  });

  it('the Recipient decides over the Destination and the audience', () => {
    const xml = buildSaml({ issueInstant: at(0), recipient: 'https://eu-west-1.signin.aws.amazon.com/saml' });
    expect(inspect(xml, NOW, false).doc.signIn).toEqual({ partition: 'aws', region: 'eu-west-1' });
  });

  it('a response addressed to no AWS sign-in has none, and says nothing of a partition', () => {
    const xml = buildSaml({ issueInstant: at(0), recipient: 'https://sp.example.com/acs', audience: 'https://sp.example.com' }).replace('Destination="https://signin.aws.amazon.com/saml"', 'Destination="https://sp.example.com/acs"');
    const i = inspect(xml, NOW, false);
    expect(i.doc.signIn).toBeUndefined();
    expect(inspectionJson(i).signIn).toBeNull();
    expect(renderInspection(i, PLAIN)).toContain('  Recipient        https://sp.example.com/acs\n');
  });
});

describe('Role values that AWS cannot use, beside usable ones', () => {
  it('an empty value and an account id that is not 12 digits are named; the usable role is read', () => {
    const xml = buildSaml({ issueInstant: at(0), roles: ['', grant('12345678901', 'lost-zero'), grant('012345678901', 'ops')] });
    const { doc } = inspect(xml, NOW, false);
    expect(doc.roles.map((r) => r.roleArn)).toEqual(['arn:aws:iam::012345678901:role/ops']);
    expect(doc.warnings).toEqual([
      'a Role value is empty: it should be "role-arn,provider-arn"',
      'a Role value AWS cannot use: account id 12345678901 has 11 digits, not 12 (a leading zero lost where the IdP stores it as a number?): arn:aws:iam::12345678901:role/lost-zero,arn:aws:iam::12345678901:saml-provider/cloudsso',
    ]);
  });

  it('when none is usable, the first reason leads the error and all are in the hint', () => {
    const error = fails(() => inspect(buildSaml({ issueInstant: at(0), roles: [grant('1', 'a'), grant('2', 'b')] }), NOW, false));
    expect(error.message).toBe('the Role attribute holds no value AWS can use: a Role value AWS cannot use: account id 1 has 1 digit, not 12: arn:aws:iam::1:role/a,arn:aws:iam::1:saml-provider/cloudsso (and 1 more)');
    expect(error.opts.hint).toBe([
      'a Role value AWS cannot use: account id 1 has 1 digit, not 12: arn:aws:iam::1:role/a,arn:aws:iam::1:saml-provider/cloudsso',
      'a Role value AWS cannot use: account id 2 has 1 digit, not 12: arn:aws:iam::2:role/b,arn:aws:iam::2:saml-provider/cloudsso',
    ].join('\n'));
  });

  it('a Role attribute without any value', () => {
    const xml = buildSaml({ issueInstant: at(0) }).replace(/(Attributes\/Role" NameFormat="[^"]*">)[\s\S]*?(<\/saml2:Attribute>)/, '$1$2');
    expect(fails(() => inspect(xml, NOW, false)).message).toBe('the Role attribute holds no value AWS can use: it has no AttributeValue');
  });
});

describe('plain and encrypted assertions in one response', () => {
  const encrypted = '<saml2:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml2:EncryptedAssertion>';
  const plainOf = (xml: string) => /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(xml)![0];
  const response = (...parts: string[]) => buildSaml({ issueInstant: at(0) }).replace(/<saml2:Assertion[\s\S]*<\/saml2:Assertion>/, parts.join(''));

  it('reads the plain assertion and says what the encrypted one is', () => {
    const plain = plainOf(buildSaml({ issueInstant: at(0), roles: [grant('111122223333', 'ops')] }));
    for (const xml of [response(plain, encrypted), response(encrypted, plain)]) {
      const { doc } = inspect(xml, NOW, false);
      expect(doc.roles.map((r) => r.roleArn)).toEqual(['arn:aws:iam::111122223333:role/ops']);
      expect(doc.warnings).toEqual(['the response also holds 1 encrypted assertion(s): only AWS can read them']);
    }
  });

  it('counts the encrypted ones among all assertions', () => {
    const withRoles = plainOf(buildSaml({ issueInstant: at(0), roles: [grant('111122223333', 'ops')] }));
    const without = plainOf(buildSaml({ issueInstant: at(0), roles: null }));
    const { doc } = inspect(response(without, encrypted, withRoles, encrypted), NOW, false);
    expect(doc.warnings).toEqual([
      'assertion 1 of 4 has no Role attribute; shown is assertion 2',
      'the response also holds 2 encrypted assertion(s): only AWS can read them',
    ]);
  });

  it('a plain assertion without roles beside an encrypted one: the roles may be in the encrypted one', () => {
    const error = fails(() => inspect(response(plainOf(buildSaml({ issueInstant: at(0), roles: null })), encrypted), NOW, false));
    expect(error.message).toBe('the plain assertion has no https://aws.amazon.com/SAML/Attributes/Role attribute; the roles may be in the 1 encrypted assertion(s), which only AWS can read');
    expect(error.opts.hint).toMatch(/before encryption/);
  });

  it('only encrypted assertions', () => {
    expect(fails(() => inspect(response(encrypted, encrypted), NOW, false)).message).toMatch(/^the assertion is encrypted \(EncryptedAssertion\)/);
  });
});

describe('the RoleSessionName rule: 2–64 of [\\w+=,.@-], the whole value', () => {
  const RULE = 'RoleSessionName must be 2–64 characters of letters, digits and +=,.@_-: STS will reject it (InvalidIdentityToken)';
  it.each([
    ['ab', []],
    ['jane.doe@example.com', []],
    ['x=y,z+w.v-u_t@s', []],
    ['a'.repeat(64), []],
    ['a', [RULE]],
    ['a'.repeat(65), [RULE]],
    ['!ab', [RULE]],
    ['ab!', [RULE]],
    ['a b', [RULE]],
    ['jane/doe', [RULE]],
  ])('%j', (name, warnings) => {
    expect(inspect(buildSaml({ issueInstant: at(0), roleSessionName: name }), NOW, false).doc.warnings).toEqual(warnings);
  });
});

describe('SAML documents that are not a sign-in response get a clear refusal', () => {
  const HINT = "saml inspect reads the SAMLResponse your IdP posts to AWS (https://signin.aws.amazon.com/saml): copy it from the browser's developer tools (Network, the POST to /saml, its SAMLResponse form field).";
  const P = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';
  const documents: [string, string, string][] = [
    ['AuthnRequest', `<samlp:AuthnRequest ${P} ID="_r" Version="2.0" IssueInstant="2026-11-26T10:00:00Z" AssertionConsumerServiceURL="https://signin.aws.amazon.com/saml"><saml:Issuer>urn:amazon:webservices</saml:Issuer></samlp:AuthnRequest>`, 'not a SAML response: it is a SAML AuthnRequest: the request sent to the IdP, not its answer (<AuthnRequest>)'],
    ['LogoutRequest', `<samlp:LogoutRequest ${P} ID="_l" Version="2.0" IssueInstant="2026-11-26T10:00:00Z"><saml:NameID>jane</saml:NameID></samlp:LogoutRequest>`, 'not a SAML response: it is a SAML LogoutRequest (<LogoutRequest>)'],
    ['LogoutResponse (Success)', `<samlp:LogoutResponse ${P} ID="_lr" Version="2.0" IssueInstant="2026-11-26T10:00:00Z"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>`, 'not a SAML response: it is a SAML LogoutResponse: the answer to a sign-out, not a sign-in (<LogoutResponse>)'],
    ['ArtifactResponse', `<samlp:ArtifactResponse ${P} ID="_ar" Version="2.0" IssueInstant="2026-11-26T10:00:00Z"/>`, 'not a SAML response: it is a SAML ArtifactResponse (<ArtifactResponse>)'],
    ['IdP metadata', '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>', "not a SAML response: it is SAML metadata (an IdP's or service provider's description), not a sign-in (<EntityDescriptor>)"],
    ['AWS metadata', '<?xml version="1.0"?><EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:amazon:webservices"><SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></EntityDescriptor>', "not a SAML response: it is SAML metadata (an IdP's or service provider's description), not a sign-in (<EntityDescriptor>)"],
    ['federation metadata', '<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"><md:EntityDescriptor entityID="a"/></md:EntitiesDescriptor>', 'not a SAML response: it is SAML metadata (a federation of entities), not a sign-in (<EntitiesDescriptor>)'],
  ];

  it.each(documents)('%s, as XML, base64 and deflated base64', (_name, xml, message) => {
    for (const input of [xml, toBase64(xml), deflateRawSync(Buffer.from(xml)).toString('base64')]) {
      const error = fails(() => inspect(input, NOW, false));
      expect(error.message).toBe(message);
      expect(error.opts.hint).toBe(HINT);
      expect(error.exitCode).toBe(1);
    }
  });

  it("STS's error document: its code, not its message, and where to take it", () => {
    const xml = '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>Specified provider doesn\'t exist (Service: AWSSecurityTokenService)</Message></Error><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>';
    const error = fails(() => inspect(xml, NOW, false));
    expect(error.message).toBe("not a SAML response: it is STS's error response (InvalidIdentityToken), the answer to AssumeRoleWithSAML");
    expect(error.opts.hint).toBe(`Paste that error into duo-sso-setup troubleshoot for its cause. ${HINT}`);
    expect(`${error.message} ${error.opts.hint}`).not.toContain('provider');
  });

  it('a SAML 1.1 response or assertion', () => {
    const response = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:1.0:protocol" MajorVersion="1" MinorVersion="1" ResponseID="_r" IssueInstant="2026-11-26T10:00:00Z"><samlp:Status><samlp:StatusCode Value="samlp:Success"/></samlp:Status></samlp:Response>';
    expect(fails(() => inspect(response, NOW, false)).message).toBe('not a SAML 2.0 response: it is a SAML 1.x <Response> (MajorVersion), and AWS reads SAML 2.0 only');
    const assertion = '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:1.0:assertion" MajorVersion="1" MinorVersion="1" AssertionID="_a" Issuer="idp" IssueInstant="2026-11-26T10:00:00Z"/>';
    expect(fails(() => inspect(assertion, NOW, false)).message).toBe('not a SAML 2.0 response: it is a SAML 1.x <Assertion> (MajorVersion), and AWS reads SAML 2.0 only');
  });

  it('any other XML names its root element', () => {
    const error = fails(() => inspect('<html><body>Sign in</body></html>', NOW, false));
    expect(error.message).toBe('not a SAML response: the root element is <html>, not a SAML <Response> or <Assertion>');
    expect(error.opts.hint).toBe(HINT);
  });
});

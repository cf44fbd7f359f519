import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { decodeSamlInput, MAX_SAML_BYTES } from '../../src/saml/decode.js';
import { inspect } from '../../src/saml/inspect.js';
import { inspectionJson, renderInspection } from '../../src/saml/render.js';
import { parseRoleValue } from '../../src/saml/roles.js';
import { buildSaml, grant, toBase64, type Prefix } from '../support/saml-builder.js';
import { NOW, PLAIN, at, fails } from '../support/saml-helpers.js';


describe('saml inspect: prefixes and role orders', () => {
  const prefixes: Prefix[] = ['saml2', 'saml', ''];
  it.each(prefixes.flatMap((prefix) => [false, true].map((providerFirst) => ({ prefix, providerFirst }))))(
    'prefix "$prefix", provider first: $providerFirst',
    ({ prefix, providerFirst }) => {
      const xml = buildSaml({
        prefix,
        issueInstant: at(-60),
        roles: [grant('626007623524', 'admin', { providerFirst }), grant('012345678901', 'path/to/devops', { providerFirst, provider: 'DuoSSO' })],
        sessionDuration: 14400,
        roleSessionName: 'jdoe@example.com',
      });
      const { doc, validity, encoding } = inspect(toBase64(xml), NOW, false);
      expect(encoding).toBe('base64');
      expect(doc.kind).toBe('response');
      expect(doc.issuer).toBe('https://cloudsso.example.com');
      expect(doc.destination).toBe('https://signin.aws.amazon.com/saml');
      expect(doc.status).toBe('Success');
      expect(doc.audiences).toEqual(['urn:amazon:webservices']);
      expect(doc.recipient).toBe('https://signin.aws.amazon.com/saml');
      expect(doc.sessionDuration).toBe(14400);
      expect(doc.roleSessionName).toBe('jdoe@example.com');
      expect(doc.subject).toEqual({ nameId: 'jane.doe@example.com', format: 'emailAddress' });
      expect(doc.roles).toEqual([
        { partition: 'aws', account: '626007623524', role: 'admin', path: '/', roleArn: 'arn:aws:iam::626007623524:role/admin', provider: 'cloudsso', providerArn: 'arn:aws:iam::626007623524:saml-provider/cloudsso' },
        { partition: 'aws', account: '012345678901', role: 'devops', path: '/path/to/', roleArn: 'arn:aws:iam::012345678901:role/path/to/devops', provider: 'DuoSSO', providerArn: 'arn:aws:iam::012345678901:saml-provider/DuoSSO' },
      ]);
      expect(doc.warnings).toEqual([]);
      expect(validity).toMatchObject({ state: 'valid', secondsLeft: 240, secondsSinceIssue: 60, redeemable: true, notes: [] });
    },
  );

  it('reads a bare Assertion given as XML', () => {
    const { doc, encoding } = inspect(buildSaml({ bare: true, prefix: 'saml' }), NOW, false);
    expect(encoding).toBe('xml');
    expect(doc.kind).toBe('assertion');
    expect(doc.roles.map((r) => r.role)).toEqual(['admin']);
  });
});

describe('saml inspect: the validity window against now', () => {
  it('says expired, how long ago, and that STS would refuse it', () => {
    const i = inspect(buildSaml({ issueInstant: at(-3600) }), NOW, false);
    expect(i.validity).toMatchObject({ state: 'expired', secondsLeft: -3300, redeemable: false });
    expect(i.validity.notes).toEqual(['issued 1h 00m ago: STS accepts an assertion only within 5 minutes of issue']);
    expect(renderInspection(i, PLAIN)).toMatch(/Valid +\S+ -> \S+: expired 55m 00s ago/);
  });

  it('without NotBefore and NotOnOrAfter: says the window is unknown and why, not a row of placeholders', () => {
    const xml = buildSaml({ issueInstant: at(-60) }).replace(/ NotBefore="[^"]*"/g, '').replace(/ NotOnOrAfter="[^"]*"/g, '');
    expect(xml).not.toMatch(/NotBefore|NotOnOrAfter/);
    const i = inspect(xml, NOW, false);
    expect(i.validity.state).toBe('unknown');
    const text = renderInspection(i, PLAIN);
    expect(text).toMatch(/^ {2}Valid +unknown: no NotBefore or NotOnOrAfter in the response$/m);
    expect(text).not.toContain('…');
  });

  it('says not yet valid, and suspects clock skew when the start is minutes away', () => {
    const i = inspect(buildSaml({ issueInstant: at(90), notBefore: at(90) }), NOW, false);
    expect(i.validity.state).toBe('not-yet-valid');
    expect(i.validity.redeemable).toBe(false);
    expect(i.validity.notes).toEqual(["starts 1m 30s from now: the IdP's clock and this machine's disagree (clock skew)"]);
    const far = inspect(buildSaml({ issueInstant: at(86_400) }), NOW, false);
    expect(far.validity.notes[0]).toBe('starts 23h 59m from now');
  });

  it('flags an assertion that is still within NotOnOrAfter but older than 5 minutes', () => {
    const i = inspect(buildSaml({ issueInstant: at(-400), notOnOrAfter: at(600) }), NOW, false);
    expect(i.validity).toMatchObject({ state: 'valid', redeemable: false });
    expect(renderInspection(i, PLAIN)).toContain('valid for 10m 00s more, but too old for STS');
  });

  it('uses the earlier of the Conditions and SubjectConfirmationData ends', () => {
    const xml = buildSaml({ issueInstant: at(-10), notOnOrAfter: at(300) }).replace(/(SubjectConfirmationData NotOnOrAfter=")[^"]+/, `$1${at(20).toISOString()}`);
    expect(inspect(xml, NOW, false).validity).toMatchObject({ notOnOrAfter: at(20).toISOString(), secondsLeft: 20 });
  });
});

describe('saml inspect: output', () => {
  it('redacts the subject unless asked, in text and JSON', () => {
    const xml = buildSaml({ issueInstant: at(0), nameId: 'secret.person@example.com' });
    const hidden = inspect(xml, NOW, false);
    expect(renderInspection(hidden, PLAIN)).not.toContain('secret.person');
    expect(JSON.stringify(inspectionJson(hidden))).not.toContain('secret.person');
    expect(inspectionJson(hidden).subject).toEqual({ redacted: true, format: 'emailAddress' });
    const shown = inspect(xml, NOW, true);
    expect(renderInspection(shown, PLAIN)).toContain('Subject          secret.person@example.com (emailAddress)');
    expect(inspectionJson(shown).subject).toEqual({ redacted: false, nameId: 'secret.person@example.com', format: 'emailAddress' });
  });

  it('prints every role as account, role and provider', () => {
    const xml = buildSaml({ issueInstant: at(0), roles: [grant('626007623524', 'admin'), grant('111122223333', 'devops', { providerFirst: true, provider: 'other' })] });
    const text = renderInspection(inspect(xml, NOW, false), PLAIN);
    expect(text).toContain('Roles granted (2):\n  626007623524  admin   provider cloudsso\n  111122223333  devops  provider other\n');
  });

  it('warns about a bad Role value, a foreign audience, a bad RoleSessionName and shows principal tags', () => {
    const xml = buildSaml({
      issueInstant: at(0),
      roles: [grant('626007623524', 'admin'), 'arn:aws:iam::626007623524:role/broken'],
      audience: 'https://example.com/sp',
      roleSessionName: 'has spaces!',
      attributes: { 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:CostCenter': ['1234'], 'urn:oid:0.9.2342.19200300.100.1.3': ['x@example.com'] },
    });
    const { doc } = inspect(xml, NOW, false);
    expect(doc.roles).toHaveLength(1);
    expect(doc.principalTags).toEqual({ CostCenter: ['1234'] });
    expect(doc.otherAttributes).toEqual(['urn:oid:0.9.2342.19200300.100.1.3']);
    expect(doc.warnings).toEqual([
      'a Role value is not "role-arn,provider-arn" (it holds only a role ARN): arn:aws:iam::626007623524:role/broken',
      "no audience is AWS's (urn:amazon:webservices, urn:amazon:webservices:govcloud, urn:amazon:webservices:cn-north-1, or an AWS sign-in URL such as https://signin.aws.amazon.com/saml): STS will reject it (IDPRejectedClaim)",
      'RoleSessionName must be 2–64 characters of letters, digits and +=,.@_-: STS will reject it (InvalidIdentityToken)',
    ]);
  });
});

describe('saml inspect: input forms', () => {
  const xml = buildSaml({ issueInstant: at(0) });
  it.each([
    ['base64 wrapped at 76 columns', toBase64(xml).replace(/(.{76})/g, '$1\n')],
    ['URL-encoded base64', encodeURIComponent(toBase64(xml))],
    ['a form body', `RelayState=abc&SAMLResponse=${encodeURIComponent(toBase64(xml))}`],
    ['URL-safe base64', toBase64(xml).replace(/\+/g, '-').replace(/\//g, '_')],
    ['XML with a byte-order mark and blank lines', `\uFEFF\n\n${xml}\n`],
  ])('%s', (_name, input) => {
    expect(inspect(input, NOW, false).doc.roles.map((r) => r.account)).toEqual(['626007623524']);
  });

  it('reads a deflated response', () => {
    expect(decodeSamlInput(deflateRawSync(Buffer.from(xml)).toString('base64'))).toMatchObject({ encoding: 'base64+deflate' });
  });
});

describe('saml inspect: garbage in, clear error out', () => {
  it.each([
    ['empty input', '  \n', /the input is empty/],
    ['not base64', 'this is not a SAML response!', /neither XML .* nor base64/],
    ['base64 of something else', Buffer.from('hello world, not xml').toString('base64'), /decodes to is not XML/],
    ['truncated XML', buildSaml().slice(0, 400), /not well-formed SAML: .*\(line \d+, column \d+\)/],
    ['a DOCTYPE', `<!DOCTYPE r [<!ENTITY a "aaaa">]>${buildSaml({ bare: true })}`, /DOCTYPE/],
    ['another XML document', '<html><body>Login</body></html>', /root element is <html>/],
    ['no Role attribute', buildSaml({ roles: null }), /no https:\/\/aws.amazon.com\/SAML\/Attributes\/Role attribute/],
    ['no usable role', buildSaml({ roles: ['admin'] }), /^the Role attribute holds no value AWS can use: a Role value is not "role-arn,provider-arn" \(it is one value, not two ARNs\): admin$/],
    ['an encrypted assertion', '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><saml:EncryptedAssertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><x/></saml:EncryptedAssertion></samlp:Response>', /encrypted/],
    ['too big', 'A'.repeat(MAX_SAML_BYTES + 1), /larger than 1 MiB/],
  ])('%s', (_name, input, message) => {
    const error = fails(() => inspect(input, NOW, false));
    expect(error.message).toMatch(message);
    expect(error.exitCode).toBe(1);
  });

  it('never echoes the input in the error', () => {
    const error = fails(() => inspect('secret-looking-token-value!!', NOW, false));
    expect(`${error.message} ${error.opts.hint}`).not.toContain('secret-looking');
  });
});

describe('readableXmlError', () => {
  it('names the elements a cut-short document leaves open', () => {
    expect(fails(() => inspect('<samlp:Response><saml:Assertion>', NOW, false)).message)
      .toBe('not well-formed SAML: it ends before <samlp:Response>, <saml:Assertion> are closed (cut short when copied?) (line 1, column 1)');
  });
});

describe('parseRoleValue', () => {
  it.each([
    ['arn:aws:iam::626007623524:role/admin,arn:aws:iam::626007623524:saml-provider/cloudsso', 'aws', 'admin'],
    ['arn:aws:iam::626007623524:saml-provider/cloudsso, arn:aws:iam::626007623524:role/admin', 'aws', 'admin'],
    ['arn:aws-us-gov:iam::626007623524:role/ops,arn:aws-us-gov:iam::626007623524:saml-provider/p', 'aws-us-gov', 'ops'],
    ['arn:aws-cn:iam::626007623524:saml-provider/p,arn:aws-cn:iam::626007623524:role/team/ops,', 'aws-cn', 'ops'],
  ])('%s', (value, partition, role) => {
    const read = parseRoleValue(value);
    expect('role' in read && [read.role.partition, read.role.role]).toEqual([partition, role]);
  });

  // Each refusal names what is wrong, not only that the value is not "role-arn,provider-arn".
  it.each([
    ['', 'a Role value is empty: it should be "role-arn,provider-arn"'],
    ['arn:aws:iam::626007623524:role/admin', 'a Role value is not "role-arn,provider-arn" (it holds only a role ARN): arn:aws:iam::626007623524:role/admin'],
    ['arn:aws:iam::626007623524:saml-provider/x', 'a Role value is not "role-arn,provider-arn" (it holds only a saml-provider ARN): arn:aws:iam::626007623524:saml-provider/x'],
    ['arn:aws:iam::626007623524:role/a,arn:aws:iam::626007623524:role/b', 'a Role value is not "role-arn,provider-arn" (two role ARNs): arn:aws:iam::626007623524:role/a,arn:aws:iam::626007623524:role/b'],
    ['arn:aws:iam::626007623524:saml-provider/a,arn:aws:iam::626007623524:saml-provider/b', 'a Role value is not "role-arn,provider-arn" (two saml-provider ARNs): arn:aws:iam::626007623524:saml-provider/a,arn:aws:iam::626007623524:saml-provider/b'],
    ['a,b,c', 'a Role value is not "role-arn,provider-arn" (3 comma-separated parts, not 2): a,b,c'],
    ['oops,ohno', 'a Role value is not "role-arn,provider-arn" (not two IAM ARNs): oops,ohno'],
    ['arn:aws:iam::62600762352:role/admin,arn:aws:iam::62600762352:saml-provider/x', 'a Role value AWS cannot use: account id 62600762352 has 11 digits, not 12 (a leading zero lost where the IdP stores it as a number?): arn:aws:iam::62600762352:role/admin,arn:aws:iam::62600762352:saml-provider/x'],
    ['arn:aws:iam::1:role/admin,arn:aws:iam::1:saml-provider/x', 'a Role value AWS cannot use: account id 1 has 1 digit, not 12: arn:aws:iam::1:role/admin,arn:aws:iam::1:saml-provider/x'],
    ['arn:aws:iam::123:role/a,arn:aws:iam::1234567890123:saml-provider/x', 'a Role value AWS cannot use: account id 123 has 3 digits, not 12; account id 1234567890123 has 13 digits, not 12: arn:aws:iam::123:role/a,arn:aws:iam::1234567890123:saml-provider/x'],
    ['arn:aws:iam::12345678901a:role/a,arn:aws:iam::12345678901a:saml-provider/x', 'a Role value AWS cannot use: account id "12345678901a" is not 12 digits: arn:aws:iam::12345678901a:role/a,arn:aws:iam::12345678901a:saml-provider/x'],
    ['arn:aws-gov:iam::626007623524:role/a,arn:aws-gov:iam::626007623524:saml-provider/x', 'a Role value AWS cannot use: partition "aws-gov" is not aws, aws-us-gov, aws-cn: arn:aws-gov:iam::626007623524:role/a,arn:aws-gov:iam::626007623524:saml-provider/x'],
    ['arn:aws-us-gov:iam::626007623524:role/a,arn:aws:iam::626007623524:saml-provider/x', 'a Role value AWS cannot use: the role is in partition aws-us-gov, its provider in aws: arn:aws-us-gov:iam::626007623524:role/a,arn:aws:iam::626007623524:saml-provider/x'],
    ['arn:aws:iam::626007623524:role/a b,arn:aws:iam::626007623524:saml-provider/x', 'a Role value AWS cannot use: "a b" is not an IAM role path and name: arn:aws:iam::626007623524:role/a b,arn:aws:iam::626007623524:saml-provider/x'],
    ['arn:aws:iam::626007623524:role/a,arn:aws:iam::626007623524:saml-provider/x/y', 'a Role value AWS cannot use: "x/y" is not a SAML provider name: arn:aws:iam::626007623524:role/a,arn:aws:iam::626007623524:saml-provider/x/y'],
  ])('refuses %j, saying why', (value, problem) => {
    expect(parseRoleValue(value)).toEqual({ problem });
  });
});

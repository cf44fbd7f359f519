// SAML as IdPs and AWS actually write it (issue 12): each case here was misread before.
import { afterEach, describe, expect, it } from 'vitest';
import { inspect } from '../../src/saml/inspect.js';
import { inspectionJson, renderInspection } from '../../src/saml/render.js';
import { buildSaml, grant, toBase64 } from '../support/saml-builder.js';
import { NOW, PLAIN, at, fails } from '../support/saml-helpers.js';


describe('Role values as IdPs write them', () => {
  it('accepts a trailing comma (Google Workspace: "role-arn,provider-arn,")', () => {
    const xml = buildSaml({ issueInstant: at(0), roles: [`${grant('123456789012', 'admin')},`, `${grant('123456789012', 'read-only', { providerFirst: true })},`] });
    const { doc } = inspect(xml, NOW, false);
    expect(doc.roles.map((r) => r.role)).toEqual(['admin', 'read-only']);
    expect(doc.warnings).toEqual([]);
  });

  it('shows the role path, so team-a/admin and team-b/admin are told apart', () => {
    const xml = buildSaml({ issueInstant: at(0), roles: [grant('123456789012', 'team-a/admin'), grant('123456789012', 'team-b/admin'), grant('123456789012', 'admin')] });
    const i = inspect(xml, NOW, false);
    expect(i.doc.roles.map((r) => [r.path, r.role])).toEqual([['/team-a/', 'admin'], ['/team-b/', 'admin'], ['/', 'admin']]);
    expect(renderInspection(i, PLAIN)).toContain('  123456789012  team-a/admin  provider cloudsso\n  123456789012  team-b/admin  provider cloudsso\n  123456789012  admin         provider cloudsso\n');
  });
});

describe('character references and entities', () => {
  // The builder escapes "&"; these put references into the XML as an IdP would.
  const withRefs = (xml: string) => xml.replace(/~COMMA~/g, '&#x2C;').replace(/~AT~/g, '&#64;').replace(/~AMP~/g, '&amp;');

  it('decodes &#x2C; in a Role value and &#64; in RoleSessionName (no false "STS will reject it")', () => {
    const xml = withRefs(buildSaml({
      issueInstant: at(0),
      roles: [grant('123456789012', 'admin').replace(',', '~COMMA~')],
      roleSessionName: 'jdoe~AT~example.com',
      attributes: { 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:Team': ['R~AMP~D'] },
    }));
    const { doc } = inspect(xml, NOW, false);
    expect(doc.roles.map((r) => r.roleArn)).toEqual(['arn:aws:iam::123456789012:role/admin']);
    expect(doc.roleSessionName).toBe('jdoe@example.com');
    expect(doc.principalTags).toEqual({ Team: ['R&D'] });
    expect(doc.warnings).toEqual([]);
  });

  it('decodes references in attribute values too (Name, dates)', () => {
    const xml = buildSaml({ issueInstant: at(0) }).replace('Attributes/RoleSessionName', 'Attributes/RoleSession&#x4E;ame');
    expect(inspect(xml, NOW, false).doc.roleSessionName).toBe('jdoe@example.com');
  });

  it.each([
    ['a DOCTYPE with an entity declaration', (x: string) => x.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]>'), /DOCTYPE/],
    ['an entity declaration without DOCTYPE', (x: string) => x.replace('<?xml version="1.0" encoding="UTF-8"?>', '<!ENTITY a "b">'), /ENTITY/],
    ['an HTML entity (undefined in XML)', (x: string) => x.replace('jdoe@example.com', 'jdoe&nbsp;x'), /&nbsp; which XML does not define/],
    ['a reference to a character XML forbids', (x: string) => x.replace('jdoe@example.com', 'jdoe&#0;x'), /&#0; is not a character XML allows/],
  ])('refuses %s', (_name, mutate, message) => {
    const error = fails(() => inspect(mutate(buildSaml({ issueInstant: at(0) })), NOW, false));
    expect(error.message).toMatch(/^not well-formed SAML: /);
    expect(error.message).toMatch(message);
  });
});

describe('an IdP error response', () => {
  const denied = (message?: string) => `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" Destination="https://signin.aws.amazon.com/saml" ID="_e" IssueInstant="2026-11-26T10:00:00Z" Version="2.0">
  <saml:Issuer>https://cloudsso.example.com</saml:Issuer>
  <samlp:Status>
    <samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:RequestDenied"/></samlp:StatusCode>
    ${message === undefined ? '' : `<samlp:StatusMessage>${message}</samlp:StatusMessage>`}
  </samlp:Status>
</samlp:Response>`;

  it('gives the IdP message first, then the StatusCode chain, as an error (exit 1)', () => {
    const error = fails(() => inspect(toBase64(denied('User is not assigned to this application.')), NOW, false));
    expect(error.message).toBe('the IdP says: "User is not assigned to this application." (status Responder / RequestDenied)');
    expect(error.exitCode).toBe(1);
    expect(error.opts.hint).toMatch(/not assigned to the AWS application/);
  });

  it('says when the IdP gave no message', () => {
    expect(fails(() => inspect(denied(), NOW, false)).message).toBe('the IdP did not sign you in (status Responder / RequestDenied) and gave no message');
  });

  it('refuses a non-Success status even when an assertion came along', () => {
    const xml = buildSaml({ issueInstant: at(0), status: 'Requester' });
    expect(fails(() => inspect(xml, NOW, false)).message).toMatch(/^the IdP did not sign you in \(status Requester\)/);
  });
});

describe('times', () => {
  const zoneless = (xml: string) => xml.replace(/(\d\d:\d\d:\d\d\.\d{3})Z"/g, '$1"');
  let tz: string | undefined;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it.each(['UTC', 'Asia/Tokyo', 'America/New_York'])('reads a time without a zone as UTC (TZ=%s)', (zone) => {
    tz = process.env.TZ;
    process.env.TZ = zone;
    const xml = zoneless(buildSaml({ issueInstant: at(-60) }));
    expect(xml).not.toMatch(/Z"/);
    const { validity } = inspect(xml, NOW, false);
    expect(validity).toMatchObject({ state: 'valid', secondsLeft: 240, secondsSinceIssue: 60, notBefore: at(-90).toISOString(), notOnOrAfter: at(240).toISOString(), notes: [] });
  });

  it('reads offsets and 7-digit fractions (ADFS)', () => {
    const xml = buildSaml({ issueInstant: at(-60) }).replace(/NotBefore="[^"]+"/, 'NotBefore="2026-11-26T10:58:30.1234567+01:00"');
    expect(inspect(xml, NOW, false).validity.notBefore).toBe('2026-11-26T09:58:30.123Z');
  });

  it('notes every date it cannot read, SubjectConfirmationData/@NotOnOrAfter included', () => {
    const xml = buildSaml({ issueInstant: at(-60), sessionNotOnOrAfter: at(3600) })
      .replace(/(SubjectConfirmationData NotOnOrAfter=")[^"]+/, '$1This-is-invalid-2016-09-10F32:59:39.387Z')
      .replace(/(AuthnStatement[^>]*SessionNotOnOrAfter=")[^"]+/, '$1tomorrow')
      .replace(/(Conditions NotBefore=")[^"]+/, '$12026-11-26');
    const { validity } = inspect(xml, NOW, false);
    expect(validity.notes).toEqual([
      'Conditions/@NotBefore is not a date (xs:dateTime): "2026-11-26"',
      'SubjectConfirmationData/@NotOnOrAfter is not a date (xs:dateTime): "This-is-invalid-2016-09-10F32:59:39.387Z"',
      'AuthnStatement/@SessionNotOnOrAfter is not a date (xs:dateTime): "tomorrow"',
    ]);
    expect(validity.notOnOrAfter).toBe(at(240).toISOString());
  });

  it.each(['2026-02-30T10:00:00Z', '2026-11-26T25:00:00Z', '2026-11-26T10:00:00+15:00', 'Thu, 26 Nov 2026 10:00:00 GMT'])('%s is not a date', (value) => {
    const xml = buildSaml({ issueInstant: at(-60) }).replace(/(Conditions NotBefore=")[^"]+/, `$1${value}`);
    expect(inspect(xml, NOW, false).validity.notes).toEqual([`Conditions/@NotBefore is not a date (xs:dateTime): ${JSON.stringify(value)}`]);
  });
});

describe('SessionDuration', () => {
  it.each([
    ['3600', 3600, []],
    [' 900 ', 900, []],
    ['43200', 43200, []],
    ['43201', 43201, ['SessionDuration 43201 s is outside the 900–43200 s (15 min–12 h) AWS accepts']],
    ['899', 899, ['SessionDuration 899 s is outside the 900–43200 s (15 min–12 h) AWS accepts']],
    ['0x10', undefined, ['SessionDuration is not a whole number of seconds: "0x10"']],
    ['1e3', undefined, ['SessionDuration is not a whole number of seconds: "1e3"']],
    ['3600.0', undefined, ['SessionDuration is not a whole number of seconds: "3600.0"']],
    ['-3600', undefined, ['SessionDuration is not a whole number of seconds: "-3600"']],
  ])('%j', (value, seconds, warnings) => {
    const { doc } = inspect(buildSaml({ issueInstant: at(0), sessionDuration: value }), NOW, false);
    expect(doc.sessionDuration).toBe(seconds);
    expect(doc.warnings).toEqual(warnings);
  });
});

describe('several assertions', () => {
  const assertionOf = (xml: string) => /<saml2:Assertion[\s\S]*<\/saml2:Assertion>/.exec(xml)![0].replace('<saml2:Assertion ', '<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ');
  const twoAssertions = (first: string, second: string) => buildSaml({ issueInstant: at(0) }).replace(/<saml2:Assertion[\s\S]*<\/saml2:Assertion>/, `${first}${second}`);

  it('shows the one with a Role attribute, and says so', () => {
    const xml = twoAssertions(assertionOf(buildSaml({ issueInstant: at(0), roles: null })), assertionOf(buildSaml({ issueInstant: at(0), roles: [grant('111122223333', 'ops')] })));
    const { doc } = inspect(xml, NOW, false);
    expect(doc.roles.map((r) => r.account)).toEqual(['111122223333']);
    expect(doc.warnings).toEqual(['assertion 1 of 2 has no Role attribute; shown is assertion 2']);
  });

  it('mentions roles granted by a second assertion', () => {
    const xml = twoAssertions(assertionOf(buildSaml({ issueInstant: at(0) })), assertionOf(buildSaml({ issueInstant: at(0), roles: [grant('111122223333', 'ops'), grant('111122223333', 'dev')] })));
    const { doc } = inspect(xml, NOW, false);
    expect(doc.roles.map((r) => r.account)).toEqual(['626007623524']);
    expect(doc.warnings).toEqual(['assertion 2 of 2 grants 2 role(s) too, not shown: only assertion 1 is shown']);
  });

  it('names the first few of many, and counts the rest', () => {
    const one = assertionOf(buildSaml({ issueInstant: at(0) }));
    const { doc } = inspect(twoAssertions(one, one.repeat(5)), NOW, false);
    expect(doc.warnings).toEqual([
      'assertion 2 of 6 grants 1 role(s) too, not shown: only assertion 1 is shown',
      'assertion 3 of 6 grants 1 role(s) too, not shown: only assertion 1 is shown',
      'assertion 4 of 6 grants 1 role(s) too, not shown: only assertion 1 is shown',
      '… and 2 more assertion(s)',
    ]);
  });

  it('says none of them has a Role attribute', () => {
    const none = assertionOf(buildSaml({ issueInstant: at(0), roles: null }));
    expect(fails(() => inspect(twoAssertions(none, none), NOW, false)).message).toBe('none of the 2 assertions has a https://aws.amazon.com/SAML/Attributes/Role attribute: AWS can grant no role from it');
  });
});

describe('hostile or odd XML gets a clean refusal', () => {
  it('nesting past the parser limit', () => {
    const deep = buildSaml({ issueInstant: at(0) }).replace('</saml2:Issuer>', `</saml2:Issuer>${'<x>'.repeat(150)}${'</x>'.repeat(150)}`);
    const error = fails(() => inspect(deep, NOW, false));
    expect(error.message).toBe('not well-formed SAML: it nests elements more than 100 deep; a SAML response nests about 10');
  });

  it('a document cut short deep inside names a few open elements, not all of them', () => {
    expect(fails(() => inspect(`<samlp:Response>${'<a>'.repeat(5000)}`, NOW, false)).message)
      .toBe('not well-formed SAML: it ends before <samlp:Response>, <a>, <a>, … (4998 more) are closed (cut short when copied?) (line 1, column 1)');
  });

  it.each(['<?xml version="1.0?>', "<?xml version='1.0\" encoding=\"UTF-8\"?>", '<?xml encoding="UTF-8"?>'])('a malformed declaration %s', (declaration) => {
    const xml = buildSaml({ issueInstant: at(0) }).replace('<?xml version="1.0" encoding="UTF-8"?>', declaration);
    expect(fails(() => inspect(xml, NOW, false)).message).toMatch(/^not well-formed SAML: the XML declaration is malformed \(line 1\)/);
  });

  it('a bare EncryptedAssertion, whatever its prefix', () => {
    for (const root of ['saml:EncryptedAssertion', 'saml2:EncryptedAssertion', 'EncryptedAssertion']) {
      expect(fails(() => inspect(`<${root}><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></${root}>`, NOW, false)).message).toMatch(/^the assertion is encrypted/);
    }
  });
});

describe('input as it reaches the terminal', () => {
  const xml = buildSaml({ issueInstant: at(0), roleSessionName: 'jdoe+ops@example.com' });
  const b64 = toBase64(xml);

  it('a form body whose + became spaces', () => {
    expect(b64).toContain('+');
    for (const input of [`RelayState=abc&SAMLResponse=${b64.replace(/\+/g, ' ')}`, b64.replace(/\+/g, ' ')]) {
      expect(inspect(input, NOW, false).doc.roleSessionName).toBe('jdoe+ops@example.com');
    }
  });

  const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
    const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
    return order === 'le' ? le : Buffer.from(le).swap16();
  };
  it.each([
    ['UTF-16LE with BOM (PowerShell 5 >)', 'le', true, 'utf-16le'],
    ['UTF-16LE without BOM', 'le', false, 'utf-16le'],
    ['UTF-16BE with BOM', 'be', true, 'utf-16be'],
    ['UTF-16BE without BOM', 'be', false, 'utf-16be'],
  ] as const)('%s, as base64 or XML', (_name, order, bom, charset) => {
    for (const [text, encoding] of [[`${b64}\r\n`, 'base64'], [xml, 'xml']] as const) {
      const i = inspect(utf16(text, order, bom), NOW, false);
      expect({ encoding: i.encoding, charset: i.charset, roles: i.doc.roles.length }).toEqual({ encoding, charset, roles: 1 });
    }
    expect(renderInspection(inspect(utf16(b64, order, bom), NOW, false), PLAIN)).toMatch(new RegExp(`^SAML response \\(base64, ${charset.toUpperCase()}\\)`));
  });
});

describe('the subject stays redacted', () => {
  it('hides a RoleSessionName (or principal tag) equal to the NameID unless --show-subject', () => {
    const xml = buildSaml({
      issueInstant: at(0), nameId: 'Jane.Doe@example.com', roleSessionName: 'jane.doe@example.com',
      attributes: { 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:Email': ['jane.doe@example.com'], 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:Team': ['ops'] },
    });
    const hidden = inspect(xml, NOW, false);
    expect(renderInspection(hidden, PLAIN)).not.toMatch(/jane\.doe/i);
    expect(JSON.stringify(inspectionJson(hidden))).not.toMatch(/jane\.doe/i);
    expect(renderInspection(hidden, PLAIN)).toMatch(/RoleSessionName +\[redacted\] \(the subject\)/);
    expect(inspectionJson(hidden).principalTags).toEqual({ Email: ['[redacted] (the subject)'], Team: ['ops'] });
    const shown = inspect(xml, NOW, true);
    expect(inspectionJson(shown).roleSessionName).toBe('jane.doe@example.com');
    expect(inspectionJson(shown).principalTags).toEqual({ Email: ['jane.doe@example.com'], Team: ['ops'] });
  });

  it('shows a RoleSessionName that is not the subject', () => {
    const i = inspect(buildSaml({ issueInstant: at(0), nameId: 'jane.doe@example.com', roleSessionName: 'jdoe' }), NOW, false);
    expect(inspectionJson(i).roleSessionName).toBe('jdoe');
  });
});

// parseSaml on its own (issue 22): every field it reads, per document, compared whole (so a
// field read from the wrong element, or one that appears when it should not, fails), and the
// refusals' exact texts for the documents users paste by mistake.
import { describe, expect, it } from 'vitest';
import { parseSaml } from '../../src/saml/parse.js';
import { buildSaml, grant } from '../support/saml-builder.js';
import { at, fails } from '../support/saml-helpers.js';

const AWS = 'https://aws.amazon.com/SAML/Attributes/';
const P = 'xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"';
const ADMIN = {
  partition: 'aws', account: '626007623524', role: 'admin', path: '/', roleArn: 'arn:aws:iam::626007623524:role/admin', providerArn: 'arn:aws:iam::626007623524:saml-provider/cloudsso', provider: 'cloudsso',
};
const ROLE = (account: string) => `<saml:Attribute Name="${AWS}Role"><saml:AttributeValue>${grant(account, 'admin')}</saml:AttributeValue></saml:Attribute>`;
const assertion = (inner: string, attrs = ROLE('111111111111')) => `<saml:Assertion ID="_a" Version="2.0" IssueInstant="2026-11-26T10:00:00Z">${inner}<saml:AttributeStatement>${attrs}</saml:AttributeStatement></saml:Assertion>`;
const response = (...parts: string[]) => `<samlp:Response ${P} ID="_r" Version="2.0"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${parts.join('')}</samlp:Response>`;

describe('every field of a full response', () => {
  it('reads what AWS uses, and nothing more', () => {
    const doc = parseSaml(buildSaml({
      issueInstant: at(0),
      sessionNotOnOrAfter: at(8 * 3600),
      sessionDuration: 3600,
      attributes: { [`${AWS}PrincipalTag:team`]: ['a', 'b'], 'urn:oid:0.9.2342.19200300.100.1.3': ['jane@example.com'] },
    }));
    expect(doc).toEqual({
      kind: 'response',
      issuer: 'https://cloudsso.example.com',
      destination: 'https://signin.aws.amazon.com/saml',
      status: 'Success',
      issueInstant: '2026-11-26T10:00:00.000Z',
      audiences: ['urn:amazon:webservices'],
      recipient: 'https://signin.aws.amazon.com/saml',
      signIn: { partition: 'aws' },
      notBefore: '2026-11-26T09:59:30.000Z',
      notOnOrAfter: '2026-11-26T10:05:00.000Z',
      subjectNotOnOrAfter: '2026-11-26T10:05:00.000Z',
      sessionNotOnOrAfter: '2026-11-26T18:00:00.000Z',
      subject: { nameId: 'jane.doe@example.com', format: 'emailAddress' },
      sessionDuration: 3600,
      roleSessionName: 'jdoe@example.com',
      roles: [ADMIN],
      principalTags: { team: ['a', 'b'] },
      otherAttributes: ['urn:oid:0.9.2342.19200300.100.1.3'],
      warnings: [],
    });
  });

  it('a bare Assertion: kind assertion, no destination or status, addressed by its Recipient', () => {
    const doc = parseSaml(buildSaml({ issueInstant: at(0), bare: true, recipient: 'https://eu-west-1.signin.aws.amazon.com/saml' }));
    expect(doc.kind).toBe('assertion');
    expect(Object.keys(doc)).not.toContain('destination');
    expect(Object.keys(doc)).not.toContain('status');
    expect(Object.keys(doc)).not.toContain('sessionNotOnOrAfter');
    expect(Object.keys(doc)).not.toContain('sessionDuration');
    expect(doc.signIn).toEqual({ partition: 'aws', region: 'eu-west-1' });
    expect(doc.recipient).toBe('https://eu-west-1.signin.aws.amazon.com/saml');
  });

  it('a minimal assertion: only what is there is set', () => {
    const doc = parseSaml(response(assertion('')));
    expect(doc).toEqual({
      kind: 'response', status: 'Success', issueInstant: '2026-11-26T10:00:00Z', audiences: [], roles: [{ ...ADMIN, account: '111111111111', roleArn: 'arn:aws:iam::111111111111:role/admin', providerArn: 'arn:aws:iam::111111111111:saml-provider/cloudsso' }],
      principalTags: {}, otherAttributes: [], warnings: [],
    });
  });
});

describe('where each fact comes from', () => {
  it("the assertion's Issuer wins; the Response's is the fallback", () => {
    expect(parseSaml(response('<saml:Issuer>outer</saml:Issuer>', assertion('<saml:Issuer>inner</saml:Issuer>'))).issuer).toBe('inner');
    expect(parseSaml(response('<saml:Issuer>outer</saml:Issuer>', assertion(''))).issuer).toBe('outer');
  });

  it('the sign-in is named by Recipient first, then Destination, then an audience', () => {
    const subject = (recipient: string) => `<saml:Subject><saml:NameID>jane</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData Recipient="${recipient}"/></saml:SubjectConfirmation></saml:Subject>`;
    const audiences = '<saml:Conditions><saml:AudienceRestriction><saml:Audience>urn:amazon:webservices:govcloud</saml:Audience></saml:AudienceRestriction></saml:Conditions>';
    const withDestination = (xml: string) => xml.replace('ID="_r"', 'ID="_r" Destination="https://signin.amazonaws.cn/saml"');
    expect(parseSaml(withDestination(response(assertion(subject('https://us-east-2.signin.aws.amazon.com/saml') + audiences)))).signIn).toEqual({ partition: 'aws', region: 'us-east-2' });
    expect(parseSaml(withDestination(response(assertion(subject('https://sp.example.com/acs') + audiences)))).signIn).toEqual({ partition: 'aws-cn' });
    expect(parseSaml(response(assertion(subject('https://sp.example.com/acs') + audiences))).signIn).toEqual({ partition: 'aws-us-gov' });
    const none = parseSaml(response(assertion(subject('https://sp.example.com/acs'))));
    expect(Object.keys(none)).not.toContain('signIn');
  });

  it('a NameID without Format has no format; Format is its last segment', () => {
    expect(parseSaml(response(assertion('<saml:Subject><saml:NameID>jane</saml:NameID></saml:Subject>'))).subject).toEqual({ nameId: 'jane' });
    expect(parseSaml(response(assertion('<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">p-1</saml:NameID></saml:Subject>'))).subject)
      .toEqual({ nameId: 'p-1', format: 'persistent' });
  });

  it('the first SubjectConfirmation and AuthnStatement are read; attributes of every AttributeStatement', () => {
    const inner = '<saml:Subject><saml:NameID>jane</saml:NameID>'
      + '<saml:SubjectConfirmation><saml:SubjectConfirmationData Recipient="https://signin.aws.amazon.com/saml" NotOnOrAfter="2026-11-26T10:05:00Z"/></saml:SubjectConfirmation>'
      + '<saml:SubjectConfirmation><saml:SubjectConfirmationData Recipient="https://other.example.com" NotOnOrAfter="2030-01-01T00:00:00Z"/></saml:SubjectConfirmation></saml:Subject>'
      + '<saml:AuthnStatement SessionNotOnOrAfter="2026-11-26T12:00:00Z"/><saml:AuthnStatement SessionNotOnOrAfter="2030-01-01T00:00:00Z"/>'
      + `<saml:AttributeStatement><saml:Attribute Name="${AWS}RoleSessionName"><saml:AttributeValue>jane</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>`;
    const doc = parseSaml(response(assertion(inner)));
    expect(doc.recipient).toBe('https://signin.aws.amazon.com/saml');
    expect(doc.subjectNotOnOrAfter).toBe('2026-11-26T10:05:00Z');
    expect(doc.sessionNotOnOrAfter).toBe('2026-11-26T12:00:00Z');
    expect(doc.roleSessionName).toBe('jane');
    expect(doc.roles).toHaveLength(1);
  });

  it('an attribute without a Name is skipped; a RoleSessionName or SessionDuration without value is not taken', () => {
    const attrs = `${ROLE('111111111111')}<saml:Attribute><saml:AttributeValue>x</saml:AttributeValue></saml:Attribute><saml:Attribute Name="">y</saml:Attribute>`
      + `<saml:Attribute Name="${AWS}RoleSessionName"/><saml:Attribute Name="${AWS}SessionDuration"/><saml:Attribute Name="${AWS}PrincipalTag:cost-center"/>`;
    const doc = parseSaml(response(assertion('', attrs)));
    expect(doc.otherAttributes).toEqual([]);
    expect(Object.keys(doc)).not.toContain('roleSessionName');
    expect(Object.keys(doc)).not.toContain('sessionDuration');
    expect(doc.principalTags).toEqual({ 'cost-center': [] });
    expect(doc.warnings).toEqual(['SessionDuration is not a whole number of seconds: (empty)']);
  });

  it('SessionDuration: AWS\'s bounds are inclusive, a leading + and surrounding blanks are read', () => {
    const duration = (v: string) => parseSaml(buildSaml({ issueInstant: at(0), sessionDuration: v }));
    expect(duration('900')).toMatchObject({ sessionDuration: 900, warnings: [] });
    expect(duration('43200')).toMatchObject({ sessionDuration: 43200, warnings: [] });
    expect(duration(' +3600 ')).toMatchObject({ sessionDuration: 3600, warnings: [] });
    expect(duration('36 00')).toMatchObject({ warnings: ['SessionDuration is not a whole number of seconds: "36 00"'] });
    expect(duration('x3600')).toMatchObject({ warnings: ['SessionDuration is not a whole number of seconds: "x3600"'] });
    expect(duration('3600s')).toMatchObject({ warnings: ['SessionDuration is not a whole number of seconds: "3600s"'] });
  });
});

describe('audiences', () => {
  const conditions = (...restrictions: string[][]) => `<saml:Conditions>${restrictions.map((r) => `<saml:AudienceRestriction>${r.map((a) => `<saml:Audience>${a}</saml:Audience>`).join('')}</saml:AudienceRestriction>`).join('')}</saml:Conditions>`;

  it('every restriction\'s audiences are listed, in order; an AWS one among others in one restriction suffices', () => {
    const doc = parseSaml(response(assertion(conditions(['https://sp.example.com', 'urn:amazon:webservices'], ['https://signin.aws.amazon.com/saml']))));
    expect(doc.audiences).toEqual(['https://sp.example.com', 'urn:amazon:webservices', 'https://signin.aws.amazon.com/saml']);
    expect(doc.warnings).toEqual([]);
  });

  it('an empty restriction is not a foreign one; the first foreign restriction is the one named', () => {
    expect(parseSaml(response(assertion(conditions([], ['urn:amazon:webservices'])))).warnings).toEqual([]);
    const doc = parseSaml(response(assertion(conditions(['urn:amazon:webservices'], ['https://a.example.com'], ['https://b.example.com']))));
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatch(/^AudienceRestriction 2 of 3 names no AWS audience \(/);
  });
});

describe('roles', () => {
  it('counts the unusable Role values after the first', () => {
    const attrs = `<saml:Attribute Name="${AWS}Role"><saml:AttributeValue>x</saml:AttributeValue><saml:AttributeValue>y</saml:AttributeValue><saml:AttributeValue/></saml:Attribute>`;
    const error = fails(() => parseSaml(response(assertion('', attrs))));
    expect(error.message).toMatch(/^the Role attribute holds no value AWS can use: .+ \(and 2 more\)$/);
    expect(error.opts.hint!.split('\n')).toHaveLength(3);
  });

  it('one usable value among unusable ones is read, and the others warned about', () => {
    const attrs = `<saml:Attribute Name="${AWS}Role"><saml:AttributeValue>x</saml:AttributeValue><saml:AttributeValue>${grant('111111111111', 'admin')}</saml:AttributeValue></saml:Attribute>`;
    const doc = parseSaml(response(assertion('', attrs)));
    expect(doc.roles.map((r) => r.roleArn)).toEqual(['arn:aws:iam::111111111111:role/admin']);
    expect(doc.warnings).toHaveLength(1);
  });
});

describe('several assertions', () => {
  const encrypted = '<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml:EncryptedAssertion>';
  const noRole = assertion('', `<saml:Attribute Name="${AWS}RoleSessionName"><saml:AttributeValue>jane</saml:AttributeValue></saml:Attribute>`);

  it('two plain without a Role attribute beside an encrypted one', () => {
    expect(fails(() => parseSaml(response(noRole, noRole, encrypted))).message)
      .toBe(`none of the 2 plain assertions has a ${AWS}Role attribute; the roles may be in the 1 encrypted assertion(s), which only AWS can read`);
  });

  it('an assertion with an empty Role attribute is shown over one without, the others named', () => {
    const empty = assertion('<saml:Issuer>empty</saml:Issuer>', `<saml:Attribute Name="${AWS}Role"/>`);
    expect(fails(() => parseSaml(response(noRole, empty))).message).toBe('the Role attribute holds no value AWS can use: it has no AttributeValue');
    const doc = parseSaml(response(noRole, assertion('<saml:Issuer>granting</saml:Issuer>'), noRole));
    expect(doc.issuer).toBe('granting');
    expect(doc.warnings).toEqual(['assertion 1 of 3 has no Role attribute; shown is assertion 2', 'assertion 3 of 3 has no Role attribute']);
  });

  it('exactly three notes are all named (no "more" line)', () => {
    const doc = parseSaml(response(assertion(''), noRole, noRole, noRole));
    expect(doc.warnings).toEqual(['assertion 2 of 4 has no Role attribute', 'assertion 3 of 4 has no Role attribute', 'assertion 4 of 4 has no Role attribute']);
  });

  it('encrypted attributes are counted over every AttributeStatement in the hint', () => {
    const enc = '<saml:EncryptedAttribute><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml:EncryptedAttribute>';
    const xml = response(`<saml:Assertion ID="_a" Version="2.0"><saml:AttributeStatement>${enc}${enc}</saml:AttributeStatement><saml:AttributeStatement>${enc}</saml:AttributeStatement></saml:Assertion>`);
    expect(fails(() => parseSaml(xml)).opts.hint).toBe('Its 3 attribute(s) are encrypted (EncryptedAttribute): only AWS can read them.');
    expect(fails(() => parseSaml(response(noRole))).opts.hint).toBe('The IdP is not releasing AWS roles for this user or application; ask the IdP team.');
  });
});

describe('documents that are not a sign-in response', () => {
  it('a response without any assertion', () => {
    const error = fails(() => parseSaml(response()));
    expect(error.message).toBe('the Response holds no Assertion: AWS can grant no role from it');
    expect(error.opts.hint).toBe('Pass the whole SAMLResponse, as posted to AWS; if it is whole, the IdP sent no assertion: ask the IdP team.');
  });

  it('a response inside a SOAP envelope (ECP) is read; an envelope without one is named', () => {
    const soap = (body: string) => `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header/><soap:Body>${body}</soap:Body></soap:Envelope>`;
    const doc = parseSaml(soap(response(assertion(''))));
    expect(doc.kind).toBe('response');
    expect(doc.status).toBe('Success');
    expect(fails(() => parseSaml(soap('<x/>'))).message).toBe('not a SAML response: the root element is <Envelope>, not a SAML <Response> or <Assertion>');
  });

  it('an STS error without a Code, and one whose Code carries markup-like characters', () => {
    const sts = (error: string) => `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">${error}<RequestId>1</RequestId></ErrorResponse>`;
    const none = fails(() => parseSaml(sts('<Error><Type>Sender</Type></Error>')));
    expect(none.message).toBe("not a SAML response: it is STS's error response, the answer to AssumeRoleWithSAML");
    expect(none.opts.hint).toMatch(/^Paste that error into duo-sso-setup troubleshoot for its cause\. saml inspect reads the SAMLResponse/);
    expect(fails(() => parseSaml(sts(`<Error><Code>Bad Code"x${'y'.repeat(80)}</Code></Error>`))).message)
      .toBe(`not a SAML response: it is STS's error response (BadCodex${'y'.repeat(56)}), the answer to AssumeRoleWithSAML`);
    expect(fails(() => parseSaml(sts('<Error><Code>Expired.Token-1</Code></Error>'))).message).toContain('(Expired.Token-1)');
  });

  it('an unknown root names itself; a SAML 1 look-alike without MajorVersion is read as 2.0', () => {
    expect(fails(() => parseSaml('<html><body/></html>')).message).toBe('not a SAML response: the root element is <html>, not a SAML <Response> or <Assertion>');
    expect(fails(() => parseSaml('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><md:IDPSSODescriptor/></md:EntityDescriptor>')).opts.hint).toMatch(/^saml inspect reads the SAMLResponse your IdP posts to AWS/);
    expect(fails(() => parseSaml(response(assertion('')).replace('ID="_r"', 'ID="_r" MajorVersion="1"'))).message).toMatch(/^not a SAML 2\.0 response: it is a SAML 1\.x <Response>/);
  });
});

describe('edge cases of the document shape', () => {
  const encrypted = '<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"/></saml:EncryptedAssertion>';

  it('an empty or text-only Assertion element is no assertion', () => {
    expect(fails(() => parseSaml(response('<saml:Assertion/>'))).message).toBe('the Response holds no Assertion: AWS can grant no role from it');
    expect(fails(() => parseSaml(response('<saml:Assertion>just text</saml:Assertion>'))).message).toBe('the Response holds no Assertion: AWS can grant no role from it');
    expect(fails(() => parseSaml(response('<saml:Assertion/>', encrypted))).message)
      .toBe('the assertion is encrypted (EncryptedAssertion): only the service provider (AWS) can read it');
  });

  it('a bare EncryptedAssertion: the same refusal and hint', () => {
    const error = fails(() => parseSaml(`<saml:EncryptedAssertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><x/></saml:EncryptedAssertion>`));
    expect(error.message).toBe('the assertion is encrypted (EncryptedAssertion): only the service provider (AWS) can read it');
    expect(error.opts.hint).toBe('Inspect the response your IdP sends to AWS before encryption, or ask the IdP team.');
  });

  it('SAML 1.x: a Response or an Assertion with MajorVersion, with its hint; other roots with MajorVersion are named as what they are', () => {
    const one = fails(() => parseSaml(assertion('').replace('ID="_a"', `${P} ID="_a" MajorVersion="1"`)));
    expect(one.message).toBe('not a SAML 2.0 response: it is a SAML 1.x <Assertion> (MajorVersion), and AWS reads SAML 2.0 only');
    expect(one.opts.hint).toBe('Set the AWS application at your IdP to SAML 2.0.');
    expect(fails(() => parseSaml(`<samlp:AuthnRequest ${P} MajorVersion="1" ID="_q"/>`)).message)
      .toBe('not a SAML response: it is a SAML AuthnRequest: the request sent to the IdP, not its answer (<AuthnRequest>)');
  });

  it('every other SAML message is named, with where to find the right one', () => {
    const roots: [string, string][] = [
      ['AuthnRequest', 'a SAML AuthnRequest: the request sent to the IdP, not its answer'],
      ['LogoutRequest', 'a SAML LogoutRequest'],
      ['LogoutResponse', 'a SAML LogoutResponse: the answer to a sign-out, not a sign-in'],
      ['ArtifactResolve', 'a SAML ArtifactResolve request'],
      ['ArtifactResponse', 'a SAML ArtifactResponse'],
      ['EntityDescriptor', "SAML metadata (an IdP's or service provider's description), not a sign-in"],
      ['EntitiesDescriptor', 'SAML metadata (a federation of entities), not a sign-in'],
    ];
    for (const [root, what] of roots) {
      const error = fails(() => parseSaml(`<samlp:${root} ${P} ID="_x"/>`));
      expect(error.message).toBe(`not a SAML response: it is ${what} (<${root}>)`);
      expect(error.opts.hint).toBe("saml inspect reads the SAMLResponse your IdP posts to AWS (https://signin.aws.amazon.com/saml): copy it from the browser's developer tools (Network, the POST to /saml, its SAMLResponse form field).");
    }
    expect(roots).toHaveLength(7);
  });

  it('an empty root element is no root element; an envelope with an empty Body is named', () => {
    expect(fails(() => parseSaml('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"/>')).message).toBe('not well-formed SAML: it holds no root element');
    expect(fails(() => parseSaml('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>')).message).toBe('not well-formed SAML: it holds no root element');
    expect(fails(() => parseSaml('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>')).message)
      .toBe('not a SAML response: the root element is <Envelope>, not a SAML <Response> or <Assertion>');
  });

  it('a NameID with an empty Format has no format', () => {
    expect(parseSaml(response(assertion('<saml:Subject><saml:NameID Format="">jane</saml:NameID></saml:Subject>'))).subject).toStrictEqual({ nameId: 'jane' });
  });

  it('a response without a Role in any assertion, none encrypted: names how many it read', () => {
    const noRole = assertion('', `<saml:Attribute Name="${AWS}RoleSessionName"><saml:AttributeValue>jane</saml:AttributeValue></saml:Attribute>`);
    expect(fails(() => parseSaml(response(noRole, noRole))).message).toBe(`none of the 2 assertions has a ${AWS}Role attribute: AWS can grant no role from it`);
    expect(fails(() => parseSaml(response(noRole))).message).toBe(`the assertion has no ${AWS}Role attribute: AWS can grant no role from it`);
  });

  it('five other assertions: three named, the rest counted', () => {
    const noRole = assertion('', `<saml:Attribute Name="${AWS}RoleSessionName"><saml:AttributeValue>jane</saml:AttributeValue></saml:Attribute>`);
    const doc = parseSaml(response(noRole, assertion(''), noRole, noRole, noRole, noRole));
    expect(doc.warnings).toEqual([
      'assertion 1 of 6 has no Role attribute; shown is assertion 2',
      'assertion 3 of 6 has no Role attribute',
      'assertion 4 of 6 has no Role attribute',
      '… and 2 more assertion(s)',
    ]);
  });

  it('a second assertion that grants roles too is named with its count', () => {
    const two = `<saml:Attribute Name="${AWS}Role"><saml:AttributeValue>${grant('222222222222', 'a')}</saml:AttributeValue><saml:AttributeValue>${grant('222222222222', 'b')}</saml:AttributeValue></saml:Attribute>`;
    const doc = parseSaml(response(assertion(''), assertion('', two)));
    expect(doc.roles.map((r) => r.account)).toEqual(['111111111111']);
    expect(doc.warnings).toEqual(['assertion 2 of 2 grants 2 role(s) too, not shown: only assertion 1 is shown']);
  });
});

describe('which assertion is shown', () => {
  it('the first that grants a role, over an earlier one whose Role attribute is empty', () => {
    const empty = assertion('<saml:Issuer>empty</saml:Issuer>', `<saml:Attribute Name="${AWS}Role"/>`);
    const doc = parseSaml(response(empty, assertion('<saml:Issuer>granting</saml:Issuer>')));
    expect(doc.issuer).toBe('granting');
    expect(doc.warnings).toEqual(['assertion 1 of 2 grants 0 role(s) too, not shown: only assertion 2 is shown']);
  });
});

// Third-party SAML test data (../shared/corpus/project-fixtures/saml/README.md names each file's
// origin): the roles, durations and validity their source projects' tests expect, in every encoding.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { inspect } from '../../src/saml/inspect.js';
import type { Inspection } from '../../src/saml/render.js';
import { corpusPath, missingCorpus } from '../support/corpus.js';

const DIR = corpusPath('project-fixtures', 'saml');
const fixture = (path: string) => readFileSync(join(DIR!, path));

interface Expected {
  /** `account:path+name` of each role, in document order. */
  roles: string[];
  providers: string[];
  sessionDuration?: number;
  roleSessionName?: string;
  /** A clock inside the window (what the source project's test treats as valid), if any. */
  validAt?: string;
  /** The state at 2026-11-26 (now-ish), and the window we report. */
  today: { state: string; notBefore?: string; notOnOrAfter?: string; notes?: string[] };
  destination?: string;
  recipient?: string;
}

const TODAY = new Date('2026-11-26T10:00:00Z');
const GOOGLE_ROLES = ['123456789012:/admin', '123456789012:/read-only', '123456789012:/test'];
const SAML2AWS_ROLES = ['123123123123:/AWS-Admin-CloudOPSBuild', '123123123123:/AWS-Admin-CloudOPSNonProd'];
const GOOGLE_WINDOW = { notBefore: '2017-07-24T10:26:41.125Z', notOnOrAfter: '2017-07-24T10:36:41.125Z' };
const TOO_OLD = (ago: string) => `issued ${ago} ago: STS accepts an assertion only within 5 minutes of issue`;

const READABLE: Record<string, Expected> = {
  'saml2aws/assertion.xml': {
    roles: SAML2AWS_ROLES, providers: ['ExampleADFS'], sessionDuration: 28800, roleSessionName: 'wolfeidau@example.com', validAt: '2016-09-10T02:55:00Z',
    destination: 'https://signin.aws.amazon.com/saml',
    today: { state: 'expired', notBefore: '2016-09-10T02:54:39.371Z', notOnOrAfter: '2016-09-10T02:59:39.387Z' },
  },
  'saml2aws/assertion_no_destination.xml': {
    roles: SAML2AWS_ROLES, providers: ['ExampleADFS'], sessionDuration: 28800, validAt: '2016-09-10T02:55:00Z', recipient: 'https://signin.aws.amazon.com/saml',
    today: { state: 'expired', notOnOrAfter: '2016-09-10T02:59:39.387Z' },
  },
  'saml2aws/assertion_invalid_date.xml': {
    roles: SAML2AWS_ROLES, providers: ['ExampleADFS'], sessionDuration: 28800,
    today: {
      state: 'expired', notOnOrAfter: '2016-09-10T03:54:39.371Z',
      notes: ['SubjectConfirmationData/@NotOnOrAfter is not a date (xs:dateTime): "This-is-invalid-2016-09-10F32:59:39.387Z"', TOO_OLD('3729d 7h')],
    },
  },
  'saml2aws/assertion_pingfed.xml': {
    roles: ['456456456456:/admin', '456456456456:/developer', '789789789789:/admin', '123123123123:/developer', '123123123123:/admin'],
    providers: ['example-idp'], roleSessionName: 'evan.mclean', validAt: '2016-09-23T23:30:00Z',
    today: { state: 'expired', notOnOrAfter: '2016-09-23T23:34:25.315Z' },
  },
  'saml2aws/ecp_soap_response_success.xml': {
    roles: ['123456789003:/administrator'], providers: ['idp.example.com'], validAt: '2019-05-29T20:25:00Z',
    today: { state: 'expired', notOnOrAfter: '2019-05-29T20:29:58.011Z' },
  },
  'aws-google-auth/valid-response.xml': {
    roles: GOOGLE_ROLES, providers: ['GoogleApps'], sessionDuration: 28800, roleSessionName: 'first.last@example.com', validAt: '2017-07-24T10:31:41Z',
    today: { state: 'expired', ...GOOGLE_WINDOW },
  },
  'aws-google-auth/too-many-commas.xml': {
    roles: GOOGLE_ROLES, providers: ['GoogleApps'], sessionDuration: 28800, validAt: '2017-07-24T10:31:41Z',
    today: { state: 'expired', ...GOOGLE_WINDOW },
  },
  'aws-google-auth/saml-response-too-soon.xml': { roles: GOOGLE_ROLES, providers: ['GoogleApps'], sessionDuration: 28800, today: { state: 'not-yet-valid' } },
  'aws-google-auth/saml-response-too-late.xml': { roles: GOOGLE_ROLES, providers: ['GoogleApps'], sessionDuration: 28800, today: { state: 'expired' } },
  'aws-google-auth/saml-response-expired-before-valid.xml': { roles: GOOGLE_ROLES, providers: ['GoogleApps'], sessionDuration: 28800, today: { state: 'not-yet-valid' } },
  // aws-google-auth reads only Conditions (valid until 2100); STS also holds the bearer
  // confirmation's NotOnOrAfter, so it is valid only until that.
  'aws-google-auth/saml-response-no-expire.xml': {
    roles: GOOGLE_ROLES, providers: ['GoogleApps'], sessionDuration: 28800, validAt: '2017-07-24T10:31:41Z',
    today: { state: 'expired', notBefore: '2010-07-24T10:26:41.125Z', notOnOrAfter: '2017-07-24T10:36:41.125Z' },
  },
  'gimme-aws-creds/test_aws_resolver.saml.b64': {
    roles: ['987654321987:/testrole3', '987654321987:/testrole4', '987654321987:/testrole5', '012345678901:/testrole1', '012345678901:/testrole2'],
    providers: ['OKTA-IDP'], sessionDuration: 3600, roleSessionName: 'john.doe@mycorp.com', validAt: '2018-03-14T22:18:41Z',
    today: { state: 'expired', notOnOrAfter: '2018-03-14T22:23:41.839Z' },
  },
  'gimme-aws-creds/test_okta_identity_engine_client.saml.b64': {
    roles: ['123456789012:/SSO.AdminRole', '123456789012:/SSO.ReadOnlyRole'], providers: ['Okta'], sessionDuration: 7200, validAt: '2023-03-29T17:48:00Z',
    today: { state: 'expired', notBefore: '2023-03-29T17:42:56.177Z', notOnOrAfter: '2023-03-29T17:52:56.177Z' },
  },
  'aws-adfs/a_page_of_allowed_beer_roles.xml': {
    roles: ['000000000000:/beer-lover', '000000000000:/beer-crafter'], providers: ['ADFS'], roleSessionName: 'beer.lover@awesome.company.com',
    today: { state: 'unknown', notes: ['no NotOnOrAfter: the validity window is unknown'] },
  },
  'aws-adfs/a_page_with_saml_containing_session_duration.xml': {
    roles: ['000000000000:/beer-lover', '000000000000:/beer-crafter'], providers: ['ADFS'], sessionDuration: 7200,
    today: { state: 'unknown' },
  },
};

const REFUSED: Record<string, RegExp> = {
  'saml2aws/notxml.xml': /^not a SAML response: it is neither XML \(starting with "<"\) nor base64$/,
  'crewjam-saml/TestIDPMarshalAssertion_encrypted_assertion': /^the assertion is encrypted/,
  'crewjam-saml/TestSPCanHandleOktaSignedResponseEncryptedAssertion_response': /^the assertion is encrypted/,
  'crewjam-saml/TestSPCanHandleOneloginResponse_response': /^the assertion has no https:\/\/aws\.amazon\.com\/SAML\/Attributes\/Role attribute/,
  'python3-saml/invalids/status_code_responer_and_msg.xml.base64': /^the IdP says: "something_is_wrong" \(status Responder\)$/,
  'python3-saml/invalids/status_code_responder.xml.base64': /^the IdP did not sign you in \(status Responder\) and gave no message$/,
  'python3-saml/invalids/multiple_assertions.xml.base64': /^none of the 2 assertions has a .*Role attribute/,
  'python3-saml/invalids/encrypted_attrs.xml.base64': /^the assertion has no .*Role attribute/,
  'python3-saml/valid_encrypted_assertion.xml.base64': /^the assertion is encrypted/,
  'python3-saml/unsigned_response_with_miliseconds.xm.base64': /^the assertion has no .*Role attribute/,
  'python3-saml/response_with_ampersands.xml': /^the assertion has no .*Role attribute/,
  'python3-saml/valid_response.xml.base64': /^the assertion has no .*Role attribute/,
};

/** The XML a fixture holds (base64 files decoded), for re-encoding. */
function xmlOf(bytes: Buffer): string {
  const text = bytes.toString('utf8').trim();
  return text.startsWith('<') ? text : Buffer.from(text.replace(/\s/g, ''), 'base64').toString('utf8');
}

const ENCODED_AS: Record<string, Inspection['encoding']> = {
  'as XML': 'xml',
  'base64 on one line': 'base64',
  'base64 wrapped at 76': 'base64',
  'URL-encoded in a form body': 'base64',
  deflated: 'base64+deflate',
  'UTF-16LE base64 with a BOM': 'base64',
  'UTF-16LE XML without a BOM': 'xml',
};

const ENCODINGS: Record<string, (xml: string) => Buffer | string> = {
  'as XML': (xml) => xml,
  'base64 on one line': (xml) => Buffer.from(xml).toString('base64'),
  'base64 wrapped at 76': (xml) => Buffer.from(xml).toString('base64').replace(/(.{76})/g, '$1\r\n'),
  'URL-encoded in a form body': (xml) => `RelayState=&SAMLResponse=${encodeURIComponent(Buffer.from(xml).toString('base64'))}`,
  deflated: (xml) => deflateRawSync(Buffer.from(xml)).toString('base64'),
  'UTF-16LE base64 with a BOM': (xml) => Buffer.from(`\uFEFF${Buffer.from(xml).toString('base64')}`, 'utf16le'),
  'UTF-16LE XML without a BOM': (xml) => Buffer.from(xml, 'utf16le'),
};

/** Everything the source project's test expects of the file, and the window we report. */
function expectRead(i: Inspection, expected: Expected): void {
  expect(i.doc.roles.map((r) => `${r.account}:${r.path}${r.role}`)).toEqual(expected.roles);
  expect([...new Set(i.doc.roles.map((r) => r.provider))]).toEqual(expected.providers);
  expect(i.doc.sessionDuration).toBe(expected.sessionDuration);
  if (expected.roleSessionName) expect(i.doc.roleSessionName).toBe(expected.roleSessionName);
  if (expected.destination) expect(i.doc.destination).toBe(expected.destination);
  if (expected.recipient) {
    expect(i.doc.recipient).toBe(expected.recipient);
    expect(i.doc.destination).toBeUndefined();
  }
  expect(i.doc.warnings).toEqual([]);
  expect(i.validity).toMatchObject(expected.today);
}

describe.skipIf(!DIR)(`third-party SAML fixtures${missingCorpus('project-fixtures', 'saml')}`, () => {
  describe.each(Object.entries(READABLE))('%s', (path, expected) => {
    it('gives the roles, duration and validity the source project expects', () => {
      const bytes = fixture(path);
      expectRead(inspect(bytes, TODAY, false), expected);
      if (expected.validAt) expect(inspect(bytes, new Date(expected.validAt), false).validity.state).toBe('valid');
    });

    // Each re-encoding against the same expectations (not against another inspect()), and
    // reported as the encoding it is.
    it.each(Object.keys(ENCODINGS))('gives the same expected fields %s', (encoding) => {
      const i = inspect(ENCODINGS[encoding]!(xmlOf(fixture(path))), TODAY, false);
      expectRead(i, expected);
      expect(i.encoding).toBe(ENCODED_AS[encoding]);
    });
  });

  describe.each(Object.entries(REFUSED))('%s', (path, message) => {
    it('is refused with the reason', () => {
      let error: unknown;
      try {
        inspect(fixture(path), TODAY, false);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toMatch(message);
      expect((error as UserError).exitCode).toBe(1);
    });
  });

  it('the encrypted-attributes hint names EncryptedAttribute', () => {
    try {
      inspect(fixture('python3-saml/invalids/encrypted_attrs.xml.base64'), TODAY, false);
    } catch (e) {
      expect((e as UserError).opts.hint).toMatch(/encrypted \(EncryptedAttribute\)/);
      return;
    }
    throw new Error('expected a UserError');
  });
});

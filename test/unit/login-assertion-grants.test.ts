import { describe, expect, it } from 'vitest';
import { grantsInLine } from '../../src/login/assertion-grants.js';
import { buildSaml, grant, toBase64 } from '../support/saml-builder.js';

const ROLES = [grant('111111111111', 'admin'), grant('012345678901', 'readonly', { providerFirst: true })];

describe('grantsInLine', () => {
  it.each([
    ['a base64 SAMLResponse after a label', (xml: string) => `DEBUG SAMLResponse: ${toBase64(xml)}`],
    ['a form body', (xml: string) => `POST https://signin.aws.amazon.com/saml SAMLResponse=${toBase64(xml)}`],
    ['the XML itself', (xml: string) => `debug: ${xml}`],
  ])('reads the granted roles from %s', (_what, line) => {
    expect(grantsInLine(line(buildSaml({ roles: ROLES, prefix: 'saml' })))).toEqual([
      { account: '111111111111', role: 'admin' },
      { account: '012345678901', role: 'readonly' },
    ]);
  });

  it.each([
    ['an ordinary line', '✔ SSO completed successfully'],
    ['a session token', `aws_session_token = ${'FwoGZXIvYXdzE'.repeat(40)}`],
    ['an assertion without a Role attribute', `DEBUG ${toBase64(buildSaml({ roles: [] }))}`],
    ['base64 of something else', Buffer.from('x'.repeat(400)).toString('base64')],
  ])('finds nothing in %s', (_what, line) => {
    expect(grantsInLine(line)).toBeUndefined();
  });
});

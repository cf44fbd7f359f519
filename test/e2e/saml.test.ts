import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Runtime, sandboxPerTest } from '../support/sandbox.js';
import { buildSaml, grant, toBase64 } from '../support/saml-builder.js';

const sandbox = sandboxPerTest();

const ROLES = [grant('626007623524', 'admin'), grant('012345678901', 'devops', { providerFirst: true })];

describe.each<Runtime>(['node', 'deno'])('saml inspect under %s', (runtime) => {
  it('reads a base64 response from a file: roles, window, redacted subject', async () => {
    const box = await sandbox();
    const file = await box.write('response.b64', toBase64(buildSaml({ roles: ROLES, sessionDuration: 3600, nameId: 'jane.doe@example.com' })));
    const r = await box.run(['saml', 'inspect', file], { runtime });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^SAML response \(base64\)$/m);
    expect(r.stdout).toMatch(/Issuer +https:\/\/cloudsso\.example\.com/);
    expect(r.stdout).toMatch(/Valid +\S+ → \S+: valid for [45]m \d\ds more/);
    expect(r.stdout).toMatch(/SessionDuration +3600 s/);
    expect(r.stdout).toContain('  626007623524  admin   provider cloudsso\n  012345678901  devops  provider cloudsso\n');
    expect(r.stdout).toContain('[redacted] (emailAddress)');
    expect(r.stdout).not.toContain('jane.doe');
  });

  it('reads XML from standard input and prints one JSON document, subject shown on request', async () => {
    const box = await sandbox();
    const xml = buildSaml({ prefix: '', issueInstant: new Date(Date.now() - 2 * 3600_000), nameId: 'jane.doe@example.com' });
    const r = await box.run(['saml', 'inspect', '-', '--json', '--show-subject'], { runtime, input: xml });
    expect(r.exitCode).toBe(0);
    expect(r.json).toMatchObject({
      encoding: 'xml',
      kind: 'response',
      validity: { state: 'expired', redeemable: false },
      subject: { redacted: false, nameId: 'jane.doe@example.com' },
      roles: [{ account: '626007623524', role: 'admin', provider: 'cloudsso' }],
    });
  });
});

describe.each<Runtime>(['node', 'deno'])('saml inspect of UTF-16 under %s', (runtime) => {
  it('reads big-endian UTF-16 XML without a byte-order mark', async () => {
    const box = await sandbox();
    const file = await box.write('response.xml', Buffer.from(buildSaml({ roles: ROLES }), 'utf16le').swap16());
    const r = await box.run(['saml', 'inspect', file, '--json'], { runtime });
    expect(r.exitCode).toBe(0);
    expect(r.json).toMatchObject({ encoding: 'xml', charset: 'utf-16be', roles: [{ account: '626007623524' }, { account: '012345678901' }] });
  });
});

describe('saml inspect', () => {
  it('exits 1 with a clear message on garbage, a missing Role, a missing file or a huge input', async () => {
    const box = await sandbox();
    const garbage = await box.run(['saml', 'inspect', '-'], { input: 'not a saml response at all' });
    expect(garbage.exitCode).toBe(1);
    expect(garbage.stderr).toMatch(/^duo-sso-setup: error: not a SAML response: it is neither XML/m);
    expect(garbage.stdout).toBe('');
    const noRole = await box.run(['saml', 'inspect', '--json'], { input: toBase64(buildSaml({ roles: null })) });
    expect(noRole.exitCode).toBe(1);
    expect(noRole.json.error.message).toMatch(/no https:\/\/aws\.amazon\.com\/SAML\/Attributes\/Role attribute/);
    const missing = await box.run(['saml', 'inspect', box.path('nope.xml')]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('no such file');
    const huge = await box.run(['saml', 'inspect', '-'], { input: 'A'.repeat(2 * 1024 * 1024) });
    expect(huge.exitCode).toBe(1);
    expect(huge.stderr).toContain('standard input is larger than 1 MiB');
  });

  it('reads a UTF-16 file (PowerShell 5 `>`); an IdP error and deep nesting exit 1 with a clean message', async () => {
    const box = await sandbox();
    const utf16 = await box.write('response.txt', Buffer.from(`\uFEFF${toBase64(buildSaml({ roles: ROLES }))}\r\n`, 'utf16le'));
    const read = await box.run(['saml', 'inspect', utf16]);
    expect(read.exitCode).toBe(0);
    expect(read.stdout).toMatch(/^SAML response \(base64, UTF-16LE\)$/m);
    expect(read.stdout).toContain('Roles granted (2):');

    const denied = '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder">'
      + '<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:RequestDenied"/></samlp:StatusCode><samlp:StatusMessage>User is not assigned to this application</samlp:StatusMessage></samlp:Status></samlp:Response>';
    const refused = await box.run(['saml', 'inspect', '-'], { input: toBase64(denied) });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr.split('\n')[0]).toBe('duo-sso-setup: error: the IdP says: "User is not assigned to this application" (status Responder / RequestDenied)');

    const deep = await box.run(['saml', 'inspect', '-'], { input: `<?xml version="1.0"?>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}` });
    expect(deep.exitCode).toBe(1);
    expect(deep.stderr).toMatch(/not well-formed SAML: it nests elements more than 100 deep/);
    expect(deep.stderr).not.toMatch(/bug/i);
    const declaration = await box.run(['saml', 'inspect', '-'], { input: buildSaml().replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0?>') });
    expect(declaration.exitCode).toBe(1);
    expect(declaration.stderr).toMatch(/the XML declaration is malformed/);
    expect(declaration.stderr).not.toMatch(/bug/i);
  });

  it('a GovCloud response is read and named (no "STS will reject it"); an AuthnRequest is named as one, exit 1', async () => {
    const box = await sandbox();
    const file = await box.write('gov.xml', readFileSync(new URL('../fixtures/saml/okta-govcloud.xml', import.meta.url)));
    const gov = await box.run(['saml', 'inspect', file]);
    expect(gov.exitCode).toBe(0);
    expect(gov.stderr).toBe('');
    expect(gov.stdout).toContain('Audience         urn:amazon:webservices:govcloud (AWS GovCloud (US))\n');
    expect(gov.stdout).toContain('  098765432109  GovCloudAdmin     provider Okta (aws-us-gov)\n');
    expect(gov.stdout).not.toMatch(/STS will reject/);
    const request = await box.run(['saml', 'inspect', '-'], { input: '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r" Version="2.0" IssueInstant="2026-11-26T10:00:00Z"/>' });
    expect(request.exitCode).toBe(1);
    expect(request.stderr.split('\n')[0]).toBe('duo-sso-setup: error: not a SAML response: it is a SAML AuthnRequest: the request sent to the IdP, not its answer (<AuthnRequest>)');
  });

  it('exits 2 on an unknown flag', async () => {
    const box = await sandbox();
    const r = await box.run(['saml', 'inspect', '--no-such-flag']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--no-such-flag'/);
  });
});

// The organisation policy: parsing (every key, its errors with line:column), the sudoers-like
// trust rule on the file, and what it changes: config init's defaults, the validator's caps
// and production accounts, the doctor's policy check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parsePolicy, capsOf, type OrgPolicy } from '../../src/policy/policy.js';
import { readPolicy, untrustedBecause } from '../../src/policy/read.js';
import { policyPath, systemPolicyPath } from '../../src/platform/paths.js';
import { buildConfig, withOrgPolicy } from '../../src/config/init.js';
import { validateText } from '../../src/config/validate.js';
import { policyFromOrg } from '../../src/config/apply-fix.js';
import { missingRequired, policyCheck } from '../../src/doctor/checks/policy.js';
import { withPolicyKeys } from '../../src/policy/render-doc.js';
import type { CheckContext } from '../../src/check/types.js';

const isRoot = process.getuid?.() === 0;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FULL = {
  ssoUrl: 'https://sso.example.com',
  consoleUrl: 'https://go.example.com/aws',
  tap: 'acme/homebrew-tap',
  tapUrl: 'git@github.example.com:acme/homebrew-tap.git',
  releaseUrl: 'https://github.example.com/acme/duo-sso/releases/latest/download',
  productionAccounts: ['012345678901'],
  maxSessionSeconds: { production: 1800, nonProduction: 7200 },
  requiredProfiles: { prod: '012345678901:admin', dev: '111111111111:devops:3600' },
  secretStore: 'pass',
  autoRenew: true,
};

describe('parsePolicy', () => {
  it('reads every documented key into a typed policy', () => {
    const r = parsePolicy(JSON.stringify(FULL, null, 2), 'policy.json');
    expect(r.kind).toBe('valid');
    if (r.kind !== 'valid') return;
    expect(r.warnings).toEqual([]);
    expect(r.policy).toMatchObject({
      ssoUrl: FULL.ssoUrl, productionAccounts: ['012345678901'], maxSessionSeconds: { production: 1800, nonProduction: 7200 },
      secretStore: 'pass', autoRenew: true,
      requiredProfiles: [{ name: 'prod', accountId: '012345678901', role: 'admin' }, { name: 'dev', accountId: '111111111111', role: 'devops', seconds: 3600 }],
    });
    expect(capsOf(r.policy)).toEqual({ production: 1800, nonProduction: 7200 });
  });

  it('warns on unknown keys and still applies the rest', () => {
    const r = parsePolicy('{"ssoUrl": "https://sso.example.com", "sessionCap": 3600}', 'p.json');
    expect(r.kind).toBe('valid');
    expect(r.warnings.map((w) => w.key)).toEqual(['sessionCap']);
  });

  it.each([
    [{ ssoUrl: 'http://sso.example.com' }, 'ssoUrl', 'https URL'],
    [{ productionAccounts: [12345678901] }, 'productionAccounts[0]', 'leading zero'],
    [{ productionAccounts: ['1234'] }, 'productionAccounts[0]', '12-digit'],
    [{ maxSessionSeconds: { production: 60 } }, 'maxSessionSeconds.production', '900 to 43200'],
    [{ maxSessionSeconds: { nonProduction: 50000 } }, 'maxSessionSeconds.nonProduction', '900 to 43200'],
    [{ requiredProfiles: { 'my prof': '111111111111:admin' } }, 'requiredProfiles.my prof', 'not a profile name'],
    [{ requiredProfiles: { dev: '111111111111' } }, 'requiredProfiles.dev', 'ACCOUNT:ROLE'],
    [{ requiredProfiles: { dev: '111111111111:admin:99999' } }, 'requiredProfiles.dev', 'outside'],
    [{ secretStore: 'vault' }, 'secretStore', 'keychain, pass, any'],
    [{ autoRenew: 'yes' }, 'autoRenew', 'true or false'],
    [{ tap: 'acme' }, 'tap', 'owner/name'],
  ])('refuses %j (%s)', (doc, key, words) => {
    const r = parsePolicy(JSON.stringify(doc), 'p.json');
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.problems.map((p) => p.key)).toContain(key);
    expect(r.problems.find((p) => p.key === key)!.message).toContain(words);
  });

  it('reports a syntax error with line and column', () => {
    const r = parsePolicy('{\n  "ssoUrl": "https://x.example.com"\n  "tap": "a/b"\n}\n', 'p.json');
    expect(r).toMatchObject({ kind: 'invalid', problems: [{ line: 3, column: 3 }] });
  });

  it('never throws, whatever the text (generated)', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ maxSessionSeconds: v, requiredProfiles: v, productionAccounts: v }))), (text) => {
      const r = parsePolicy(text, 'p.json');
      expect(['valid', 'invalid']).toContain(r.kind);
    }), { numRuns: 2000 });
  });
});

describe('where the policy lives and whether it is trusted', () => {
  it('has one fixed place per OS; DUO_SSO_SETUP_POLICY names the file to read when nothing is there', () => {
    expect(systemPolicyPath({ DUO_SSO_SETUP_POLICY: '/opt/p.json' }, 'linux')).toBe('/etc/duo-sso-setup/policy.json');
    expect(policyPath({}, 'linux')).toBe('/etc/duo-sso-setup/policy.json');
    expect(policyPath({}, 'darwin')).toBe('/Library/Application Support/duo-sso-setup/policy.json');
    expect(policyPath({ ProgramData: 'D:\\PD' }, 'win32')).toMatch(/^D:\\PD.duo-sso-setup.policy\.json$/);
    expect(policyPath({ DUO_SSO_SETUP_POLICY: '/opt/p.json' }, 'linux')).toBe('/opt/p.json');
  });

  it('trusts only a regular file owned by root that nobody else can write (like sudoers)', () => {
    const st = (uid: number, mode: number, file = true) => ({ uid, mode, isFile: () => file });
    expect(untrustedBecause(st(0, 0o100644), 'linux')).toBeUndefined();
    expect(untrustedBecause(st(0, 0o100664), 'linux')).toContain('group-writable');
    expect(untrustedBecause(st(0, 0o100646), 'linux')).toContain('world-writable');
    expect(untrustedBecause(st(1000, 0o100644), 'linux')).toContain('owned by uid 1000');
    expect(untrustedBecause(st(0, 0o010644, false), 'linux')).toContain('not a regular file');
  });

  it.runIf(isRoot)('reads the real file: missing, applied, group-writable, another owner, a symlink, a FIFO', async () => {
    const path = join(dir, 'policy.json');
    expect((await readPolicy({ policyFile: path })).kind).toBe('none');
    await writeFile(path, JSON.stringify(FULL));
    await chmod(path, 0o644);
    expect(await readPolicy({ policyFile: path })).toMatchObject({ kind: 'applied', policy: { ssoUrl: FULL.ssoUrl } });
    await chmod(path, 0o664);
    expect(await readPolicy({ policyFile: path })).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('group-writable') });
    await chmod(path, 0o644);
    await chown(path, 65534, 65534);
    expect(await readPolicy({ policyFile: path })).toMatchObject({ kind: 'ignored', reason: 'it is owned by uid 65534, not root' });
    const link = join(dir, 'link.json');
    await chown(path, 0, 0);
    await symlink(path, link);
    expect(await readPolicy({ policyFile: link })).toMatchObject({ kind: 'ignored', reason: 'it is a symbolic link' });
    const fifo = join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    expect(await readPolicy({ policyFile: fifo })).toMatchObject({ kind: 'ignored', reason: 'it is not a regular file' });
  });
});

describe.runIf(isRoot)('the system policy always applies; DUO_SSO_SETUP_POLICY only where there is none', () => {
  // `system` stands for /etc/duo-sso-setup/policy.json (a function argument: code, not a
  // setting a user has); test/e2e/policy-system.test.ts does the same with the real location.
  const put = async (name: string, value: unknown, mode = 0o644) => {
    const path = join(dir, name);
    await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
    await chmod(path, mode);
    return path;
  };

  it('a trusted system policy wins over the variable, whatever it names (missing, /etc/passwd, a laxer policy)', async () => {
    const system = await put('system.json', FULL);
    const lax = await put('lax.json', { ...FULL, ssoUrl: 'https://elsewhere.example.com' });
    for (const named of [join(dir, 'nonexistent.json'), '/etc/passwd', lax, system]) {
      const read = await readPolicy({ policyFile: named }, 'linux', system);
      expect(read, named).toMatchObject({ kind: 'applied', path: system, source: 'system', policy: { ssoUrl: FULL.ssoUrl } });
      if (named !== system) expect(read.because).toBe(`the system location ${system} always applies; DUO_SSO_SETUP_POLICY=${named} is not used`);
    }
  });

  it('an untrusted or invalid file at the system location still decides: nothing else is applied in its place', async () => {
    const lax = await put('lax.json', FULL);
    const system = await put('system.json', FULL, 0o666);
    expect(await readPolicy({ policyFile: lax }, 'linux', system)).toMatchObject({ kind: 'ignored', path: system, source: 'system' });
    await writeFile(system, '{ "autoRenew": maybe }');
    await chmod(system, 0o644);
    expect(await readPolicy({ policyFile: lax }, 'linux', system)).toMatchObject({ kind: 'invalid', path: system, source: 'system' });
  });

  it('with nothing at the system location, the variable names the policy (still only a trusted one)', async () => {
    const system = join(dir, 'absent', 'policy.json');
    const named = await put('named.json', FULL);
    expect(await readPolicy({ policyFile: named }, 'linux', system)).toMatchObject({
      kind: 'applied', path: named, source: 'variable', because: `DUO_SSO_SETUP_POLICY=${named}, as there is no policy at the system location ${system}`,
    });
    await chmod(named, 0o664);
    expect(await readPolicy({ policyFile: named }, 'linux', system)).toMatchObject({ kind: 'ignored', source: 'variable' });
    expect(await readPolicy({ policyFile: system }, 'linux', system)).toMatchObject({ kind: 'none', path: system, source: 'system', because: `the system location ${system}` });
  });
});

describe('what the policy changes', () => {
  const org = (parsePolicy(JSON.stringify(FULL), 'p.json') as { policy: OrgPolicy }).policy;

  it('config init: the policy SSO URL and required profiles, production accounts at the policy production cap', () => {
    const opts = withOrgPolicy({}, org);
    const config = buildConfig(opts, org);
    expect(config.url).toBe('https://sso.example.com');
    expect(config.profiles).toEqual({
      prod: { aws_account_id: '012345678901', aws_role_name: 'admin', session_duration_seconds: 1800 },
      dev: { aws_account_id: '111111111111', aws_role_name: 'devops', session_duration_seconds: 3600 },
    });
    expect(opts.production).toEqual(['prod']);
  });

  it('config init: a profile given by name wins over the policy\'s, flags still beat the policy URL', () => {
    const opts = withOrgPolicy({ url: 'https://mine.example.com', profiles: [{ name: 'dev', accountId: '222222222222', role: 'admin' }] }, org);
    expect(opts.url).toBe('https://mine.example.com');
    expect(opts.profiles!.map((p) => `${p.name}=${p.accountId}`)).toEqual(['dev=222222222222', 'prod=012345678901']);
  });

  it('config init refuses a duration above the policy cap, naming the policy caps', () => {
    expect(() => buildConfig(withOrgPolicy({ profiles: [{ name: 'p2', accountId: '012345678901', role: 'x', seconds: 3600 }] }, org), org))
      .toThrow(/3600 s is above the 1800 s cap for production/);
  });

  it('validate: a profile in a production account gets the policy production cap, others the non-production one', () => {
    const text = JSON.stringify({
      url: 'https://sso.example.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
      session_duration_seconds: 3600, preferred_device: 'phone1', preferred_factor: 'push', debug: false,
      profiles: {
        prod: { aws_account_id: '012345678901', aws_role_name: 'admin', session_duration_seconds: 3600 },
        dev: { aws_account_id: '111111111111', aws_role_name: 'devops', session_duration_seconds: 14400 },
      },
    });
    const without = validateText(text).filter((f) => f.id === 'duration-over-cap');
    expect(without).toEqual([]);
    const withPolicy = validateText(text, policyFromOrg(org)).filter((f) => f.id === 'duration-over-cap').map((f) => f.message);
    expect(withPolicy).toEqual([
      'profile "prod": 3600 s is above the 1800 s cap for production accounts',
      'profile "dev": 14400 s is above the 7200 s cap for non-production accounts',
    ]);
  });

  it('doctor: missing or different required profiles fail with add-profile commands', async () => {
    const missing = missingRequired(org, { profiles: { dev: { aws_account_id: '111111111111', aws_role_name: 'admin' } } });
    expect(missing.map((m) => m.why)).toEqual([
      'profile "prod" (012345678901:admin) is required by the policy and missing',
      'profile "dev" is 111111111111:admin; the policy requires 111111111111:devops',
    ]);
  });

  it.runIf(isRoot)('doctor policy check: applied and complying, ignored (group-writable), invalid (line:col)', async () => {
    const policyFile = join(dir, 'policy.json');
    const duoConfig = join(dir, 'config.json');
    const ctx = { paths: { policyFile, duoConfig } } as unknown as CheckContext;
    expect((await policyCheck.run(ctx)).status).toBe('skip');
    await writeFile(policyFile, JSON.stringify(FULL));
    await chmod(policyFile, 0o644);
    await writeFile(duoConfig, JSON.stringify({ profiles: {} }));
    const failing = await policyCheck.run(ctx);
    expect(failing.status).toBe('fail');
    expect(failing.fix!.commands).toContainEqual(['duo-sso-setup', 'config', 'add-profile', 'prod', '--account', '012345678901', '--role', 'admin', '--production', '--force']);
    await writeFile(duoConfig, JSON.stringify({ profiles: {
      prod: { aws_account_id: '012345678901', aws_role_name: 'admin' }, dev: { aws_account_id: '111111111111', aws_role_name: 'devops' } } }));
    expect(await policyCheck.run(ctx)).toMatchObject({ status: 'ok', data: { status: 'applied', path: policyFile } });
    await chmod(policyFile, 0o666);
    expect(await policyCheck.run(ctx)).toMatchObject({ status: 'warn', summary: expect.stringContaining('world-writable') });
    await writeFile(policyFile, '{\n  "autoRenew": maybe\n}\n');
    await chmod(policyFile, 0o644);
    const invalid = await policyCheck.run(ctx);
    expect(invalid.status).toBe('fail');
    expect(invalid.details[0]).toMatch(new RegExp(`^${policyFile}:2:\\d+: `));
  });
});

describe('docs/fleet.md', () => {
  it('has the policy keys table generated from the parser\'s keys (UPDATE_DOCS=1 rewrites it)', async () => {
    const url = new URL('../../docs/fleet.md', import.meta.url);
    const doc = await readFile(url, 'utf8');
    const wanted = withPolicyKeys(doc);
    if (process.env.UPDATE_DOCS === '1' && wanted !== doc) await writeFile(url, wanted);
    else expect(doc).toBe(wanted);
    expect(doc).toContain('| `requiredProfiles` |');
  });
});

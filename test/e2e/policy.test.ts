// The organisation policy end to end: the built CLI in a sandbox with DUO_SSO_SETUP_POLICY
// pointing at a root-owned policy file (these tests run as root, as CI does).
import { afterEach, describe, expect, it } from 'vitest';
import { chmod, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox, createGpgKey } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';

const isRoot = process.getuid?.() === 0;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const POLICY = {
  ssoUrl: 'https://sso.example.com',
  productionAccounts: ['012345678901'],
  maxSessionSeconds: { production: 1800, nonProduction: 7200 },
  requiredProfiles: { prod: '012345678901:admin', dev: '111111111111:devops' },
};

async function machine(mode: number, extra: Record<string, unknown> = {}) {
  const sts = await StsServer.start({ roles: { 'arn:aws:iam::012345678901:role/admin': { maxSessionDuration: 3600 } } });
  const box = await Sandbox.create({ tools: ['/usr/bin/aws', 'gpg', 'pass'], env: { AWS_ENDPOINT_URL_STS: sts.url } });
  cleanups.push(() => sts.close(), () => box.cleanup());
  await installDuoSsoSim(box, { stsEndpoint: sts.url });
  const policy = join(box.root, 'policy.json');
  await writeFile(policy, JSON.stringify({ ...POLICY, ...extra }, null, 2));
  await chmod(policy, mode);
  box.env.DUO_SSO_SETUP_POLICY = policy;
  return { box, policy };
}

describe.runIf(isRoot)('organisation policy', () => {
  it('setup --yes --dry-run plans the two required profiles with the policy caps, without any flag, and writes nothing', async () => {
    const { box, policy } = await machine(0o644);
    const r = await box.run(['setup', '--yes', '--dry-run', '--json', '--no-login'], { timeoutMs: 120_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.config.policy).toEqual({ path: policy, status: 'applied' });
    expect(r.json.config.production).toEqual(['prod']);
    expect(r.json.config.config.url).toBe('https://sso.example.com');
    expect(r.json.config.config.profiles).toEqual({
      prod: { aws_account_id: '012345678901', aws_role_name: 'admin', session_duration_seconds: 1800 },
      dev: { aws_account_id: '111111111111', aws_role_name: 'devops', session_duration_seconds: 3600 },
    });
    expect(existsSync(box.path('.config/duo-sso/config.json'))).toBe(false);
  });

  it('a group-writable policy is ignored with a warning: config init uses the built-in defaults, doctor warns', async () => {
    const { box, policy } = await machine(0o664);
    const init = await box.run(['config', 'init', '--yes', '--dry-run']);
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stderr).toContain(`warning: the organisation policy ${policy} is ignored: it is group-writable (mode 0664)`);
    expect(init.stdout).not.toContain('sso.example.com');
    const doctor = await box.run(['doctor', '--only', 'policy', '--json']);
    expect(doctor.json.checks[0]).toMatchObject({ id: 'policy', status: 'warn', data: { status: 'ignored', path: policy } });
  });

  it('doctor --fix adds the profiles the policy requires; validate then judges durations by the policy caps', async () => {
    const { box } = await machine(0o644);
    await box.write('.config/duo-sso/config.json', `${JSON.stringify({
      url: 'https://sso.example.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
      session_duration_seconds: 3600, preferred_device: 'phone1', preferred_factor: 'push', debug: false,
      profiles: { dev: { aws_account_id: '111111111111', aws_role_name: 'devops', session_duration_seconds: 14400 } },
    }, null, 2)}\n`, 0o600);
    const before = await box.run(['doctor', '--only', 'policy,session-duration', '--json']);
    expect(before.exitCode).toBe(1);
    const byId = Object.fromEntries(before.json.checks.map((c: any) => [c.id, c]));
    expect(byId.policy.summary).toBe('profile "prod" (012345678901:admin) is required by the policy and missing');
    expect(byId['session-duration'].summary).toBe('profile "dev": 14400 s is above the 7200 s cap for non-production accounts');
    const fix = await box.run(['doctor', '--only', 'policy,session-duration', '--fix', '--yes', '--json']);
    expect(fix.exitCode, fix.stdout + fix.stderr).toBe(0);
    const config = JSON.parse(await box.read('.config/duo-sso/config.json'));
    expect(config.profiles.prod).toEqual({ aws_account_id: '012345678901', aws_role_name: 'admin', session_duration_seconds: 1800 });
    expect(config.profiles.dev.session_duration_seconds).toBe(7200);
  });

  it('login: a profile STS refuses is lowered to the policy production cap, not the usual 3600 s', async () => {
    const { box } = await machine(0o644);
    await box.write('.config/duo-sso/config.json', `${JSON.stringify({
      url: 'https://sso.example.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
      session_duration_seconds: 3600, preferred_device: 'phone1', preferred_factor: 'push', debug: false,
      profiles: { prod: { aws_account_id: '012345678901', aws_role_name: 'admin', session_duration_seconds: 7200 } },
    }, null, 2)}\n`, 0o600);
    const r = await box.run(['login', '--yes', '--json'], { timeoutMs: 120_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.repairs).toContainEqual(expect.objectContaining({ kind: 'lower-duration', profile: 'prod', from: 7200, to: 1800 }));
    expect(JSON.parse(await box.read('.config/duo-sso/config.json')).profiles.prod.session_duration_seconds).toBe(1800);
  });

  it('its releaseUrl, consoleUrl and secretStore are what install, console --sso and credentials migrate use', async () => {
    const { box } = await machine(0o644, {
      releaseUrl: 'https://mirror.example.com/duo-sso/releases/latest/download',
      consoleUrl: 'https://console.example.com/aws',
      secretStore: 'pass',
    });
    const plan = await box.run(['install', 'duo-sso', '--method', 'release', '--dry-run']);
    expect(plan.stdout + plan.stderr).toContain('https://mirror.example.com/duo-sso/releases/latest/download/duo-sso_linux_');
    // A flag still wins over the policy.
    const flag = await box.run(['install', 'duo-sso', '--method', 'release', '--dry-run', '--release-url', 'https://other.example.com/dl']);
    expect(flag.stdout + flag.stderr).toContain('https://other.example.com/dl/duo-sso_linux_');
    const sso = await box.run(['console', '--sso', '--print']);
    expect(sso.stdout.trim()).toBe('https://console.example.com/aws');
    await box.write('.aws/credentials', '[prod]\naws_access_key_id = ASIAEXAMPLEEXAMPLE12\naws_secret_access_key = s\naws_session_token = t\n', 0o600);
    const before = await box.read('.aws/credentials');
    const migrate = await box.run(['credentials', 'migrate', '--store', 'keychain', '--yes']);
    expect(migrate.exitCode).toBe(1);
    expect(migrate.stderr).toContain('keeps AWS keys in the pass store only, not keychain');
    expect(await box.read('.aws/credentials')).toBe(before);
  });

  it('autoRenew: true turns renewal on for what credentials migrate moves, unless --no-renew says otherwise', async () => {
    const { box } = await machine(0o644, { autoRenew: true });
    const fpr = await createGpgKey(box);
    expect((await box.exec('pass', ['init', fpr])).exitCode).toBe(0);
    await box.write('.aws/credentials', '[dev]\naws_access_key_id = ASIAEXAMPLEEXAMPLE12\naws_secret_access_key = s\naws_session_token = t\n\n[ops]\naws_access_key_id = ASIAEXAMPLEEXAMPLE34\naws_secret_access_key = s\naws_session_token = t\n', 0o600);
    const first = await box.run(['credentials', 'migrate', '--profile', 'dev', '--store', 'pass', '--yes']);
    expect(first.exitCode, first.stderr).toBe(0);
    const second = await box.run(['credentials', 'migrate', '--profile', 'ops', '--store', 'pass', '--no-renew', '--yes']);
    expect(second.exitCode, second.stderr).toBe(0);
    const state = JSON.parse(await box.read('.config/duo-sso-setup/state.json'));
    expect(state.renewal.profiles).toEqual({ dev: true, ops: false });
  });
});

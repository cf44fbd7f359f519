// Every hint leads somewhere: a profile name found nowhere is said to be unknown (exit 2),
// with the known ones listed, before any question; `login --profile X` is only offered for a
// profile config.json has, and the offered command then works.
import { afterEach, describe, expect, it } from 'vitest';
import { Sandbox } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function machine() {
  const sts = await StsServer.start({ roles: { 'arn:aws:iam::111111111111:role/admin': { maxSessionDuration: 3600 } } });
  const box = await Sandbox.create({ tools: ['/usr/bin/aws'], env: { AWS_ENDPOINT_URL_STS: sts.url } });
  cleanups.push(() => sts.close(), () => box.cleanup());
  await installDuoSsoSim(box, { stsEndpoint: sts.url });
  await box.write('.config/duo-sso/config.json', JSON.stringify({ session_duration_seconds: 3600, profiles: { eticloud: { aws_account_id: '111111111111', aws_role_name: 'admin' } } }));
  // A profile of the user's own, not duo-sso's (long-term keys).
  await box.write('.aws/credentials', '[static]\naws_access_key_id = AKIALONGTERM0000001\naws_secret_access_key = longTermSecret000000000000000000000000\n', 0o600);
  return { box, sts };
}

/** The `duo-sso-setup …` commands a message offers (after "Log in:", "$ ", or on a line of its own). */
function offered(text: string): string[][] {
  return [...text.matchAll(/(?:^|: |\$ )(duo-sso-setup [^\n;(]+?)\s*$/gm)].map((m) => m[1]!.trim().split(/\s+/));
}

describe('hints that lead somewhere', () => {
  it.each([
    ['exec', ['exec', '-p', 'nope', '--', 'sh', '-c', 'echo ran']],
    ['env', ['env', '-p', 'nope']],
    ['console', ['console', '--print', '-p', 'nope']],
    ['credentials migrate', ['credentials', 'migrate', '--profile', 'nope']],
    ['credentials restore', ['credentials', 'restore', '--profile', 'nope']],
  ])('%s with an unknown profile: exit 2, named unknown, the known ones listed, no question, no login hint', async (_name, args) => {
    const { box } = await machine();
    const r = await box.run(args);
    expect(r.exitCode, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^duo-sso-setup: error: unknown profile 'nope': not in \S+config\.json, \S+\/\.aws\/config or \S+\/\.aws\/credentials\nProfiles duo-sso logs in \(\S+\): eticloud\nOther AWS profiles: static\n$/);
    expect(r.stderr).not.toMatch(/--yes|login --profile nope/);
  });

  it('a profile config.json has, without keys: exec offers `login --profile X`, which works, and then exec does', async () => {
    const { box } = await machine();
    const r = await box.run(['exec', '-p', 'eticloud', '--', 'sh', '-c', 'echo ran']);
    expect(r.exitCode).toBe(1);
    const hints = offered(r.stderr);
    expect(hints).toEqual([['duo-sso-setup', 'login', '--profile', 'eticloud']]);
    const login = await box.run([...hints[0]!.slice(1), '--yes']);
    expect(login.exitCode, login.stderr).toBe(0);
    const again = await box.run(['exec', '-p', 'eticloud', '--', 'sh', '-c', 'echo ran']);
    expect(again).toMatchObject({ exitCode: 0, stdout: 'ran\n' });
  });

  it('a profile only in ~/.aws (not duo-sso\'s): no `login --profile` that would fail, the duo-sso profiles named instead', async () => {
    const { box } = await machine();
    await box.write('.aws/config', '[profile mine]\nregion = eu-west-1\n');
    const r = await box.run(['env', '-p', 'mine']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('mine is not in');
    expect(r.stderr).toContain('so duo-sso does not log it in. Profiles it logs in: eticloud');
    expect(r.stderr).not.toContain('login --profile mine');
  });
});

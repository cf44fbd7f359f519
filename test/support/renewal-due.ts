// A machine whose stored credentials are due for renewal: `login --store pass` against the
// duo-sso simulator and the STS stand-in, 55 minutes ago (faketime moves the clock of the
// login, of gpg and of everything they start; the STS stand-in's clock moves with them), so
// that now the 1-hour credentials have 5 minutes left (or as many minutes ago as asked). Shared by test/e2e/renew.test.ts and
// test/e2e/own-file-traps.test.ts.
import { expect } from 'vitest';
import { join } from 'node:path';
import { CLI, Sandbox, systemTool, type RunOutput } from './sandbox.js';
import { StsServer } from './sts-server.js';
import { installDuoSsoSim, type DuoSsoSim } from './duo-sso-sim/index.js';

export const RENEW_ACCOUNT = '111111111111';
/** Runs a program `offset` seconds from now (negative: in the past), without a controlling terminal. */
export function at(box: Sandbox, offset: number, file: string, args: string[]): Promise<RunOutput> {
  return box.exec(systemTool('setsid')!, ['--wait', systemTool('faketime')!, '-f', `${offset >= 0 ? '+' : ''}${offset}`, file, ...args], { timeoutMs: 120_000 });
}

/** The STS stand-in, a sandbox with the real AWS CLI, gpg and pass, the duo-sso simulator and a config.json with one 1-hour profile. */
export async function renewalStandIns(cleanups: (() => Promise<void>)[]): Promise<{ sts: StsServer; box: Sandbox; sim: DuoSsoSim }> {
  const sts = await StsServer.start({ roles: { [`arn:aws:iam::${RENEW_ACCOUNT}:role/admin`]: { maxSessionDuration: 3600 } } });
  const box = await Sandbox.create({ tools: ['/usr/bin/aws', 'gpg', 'pass'], env: { AWS_ENDPOINT_URL_STS: sts.url, AWS_EC2_METADATA_DISABLED: 'true' } });
  cleanups.push(() => sts.close(), () => box.cleanup());
  const sim = await installDuoSsoSim(box, { stsEndpoint: sts.url });
  await box.write('.config/duo-sso/config.json', JSON.stringify({
    url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
    session_duration_seconds: 3600, preferred_device: 'phone1', preferred_factor: 'push', debug: false,
    profiles: { eticloud: { aws_account_id: RENEW_ACCOUNT, aws_role_name: 'admin' } },
  }, null, 2));
  return { sts, box, sim };
}

/** Profile eticloud's session keys in pass from a login `minutesAgo` minutes ago (55: 5 minutes are left), renewal on. */
export async function renewalDueMachine(cleanups: (() => Promise<void>)[], minutesAgo = 55): Promise<{ sts: StsServer; box: Sandbox; sim: DuoSsoSim }> {
  const earlierSeconds = minutesAgo * 60;
  const earlier = (box: Sandbox, file: string, args: string[]) => at(box, -earlierSeconds, file, args);
  const { sts, box, sim } = await renewalStandIns(cleanups);
  // The gpg key is made at the same time too: gpg refuses a key "created in the future".
  const gen = await earlier(box, systemTool('gpg')!, ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', 'Test User <test@example.com>', 'default', 'default', 'never']);
  expect(gen.exitCode, gen.stderr).toBe(0);
  const fpr = /^fpr:+([0-9A-F]{40}):/m.exec((await box.exec(systemTool('gpg')!, ['--batch', '--list-secret-keys', '--with-colons'])).stdout)![1]!;
  expect((await earlier(box, join(box.bin, 'pass'), ['init', fpr])).exitCode).toBe(0);
  sts.dateSkewSeconds = -earlierSeconds;
  const login = await earlier(box, process.execPath, [CLI, 'login', '--yes', '--json', '--store', 'pass']);
  sts.dateSkewSeconds = 0;
  expect(login.exitCode, login.stderr).toBe(0);
  expect(JSON.parse(login.stdout).stored).toEqual([expect.objectContaining({ profile: 'eticloud', store: 'pass' })]);
  expect(JSON.parse(await box.read('.config/duo-sso-setup/state.json')).renewal).toEqual({ profiles: { eticloud: true } });
  expect(await sim.runs()).toHaveLength(1);
  return { sts, box, sim };
}

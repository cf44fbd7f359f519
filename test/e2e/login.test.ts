// `login` end to end: the built CLI runs the duo-sso simulator, which talks to the loopback
// STS stand-in; the real AWS CLI then uses the credentials the login left.
import { afterEach, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { CLI, Sandbox, createGpgKey, type Runtime } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { installDuoSsoSim, type DuoSsoKnobs } from '../support/duo-sso-sim/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const SHORT = { account: '111111111111', role: 'admin' }; // MaxSessionDuration 3600
const LONG = { account: '222222222222', role: 'admin' }; // MaxSessionDuration 14400

interface Setup {
  box: Sandbox;
  sts: StsServer;
  sim: Awaited<ReturnType<typeof installDuoSsoSim>>;
}

async function setup(profiles: Record<string, { account: string; role: string; seconds?: number }>, knobs: Partial<DuoSsoKnobs> = {}, topLevel: number | undefined = 3600): Promise<Setup> {
  const sts = await StsServer.start({ roles: { 'arn:aws:iam::111111111111:role/admin': { maxSessionDuration: 3600 }, 'arn:aws:iam::222222222222:role/admin': { maxSessionDuration: 14400 }, 'arn:aws:iam::333333333333:role/admin': { maxSessionDuration: 43200 } } });
  const box = await Sandbox.create({ tools: ['/usr/bin/aws'], env: { AWS_ENDPOINT_URL_STS: sts.url, AWS_ENDPOINT_URL_IAM: sts.url } });
  cleanups.push(() => sts.close(), () => box.cleanup());
  const sim = await installDuoSsoSim(box, { stsEndpoint: sts.url, ...knobs });
  const config = {
    url: 'https://cloudsso.cisco.com',
    partner_spid: 'https://signin.aws.amazon.com/saml',
    aws_urn: 'https://signin.aws.amazon.com/saml',
    ...(topLevel ? { session_duration_seconds: topLevel } : {}),
    preferred_device: 'phone1',
    preferred_factor: 'push',
    debug: false,
    profiles: Object.fromEntries(Object.entries(profiles).map(([n, p]) => [n, { aws_account_id: p.account, aws_role_name: p.role, ...(p.seconds ? { session_duration_seconds: p.seconds } : {}) }])),
  };
  await box.write('.config/duo-sso/config.json', `${JSON.stringify(config, null, 2)}\n`);
  return { box, sts, sim };
}

function secretsIn(text: string): string[] {
  return [...text.matchAll(/^(?:aws_secret_access_key|aws_session_token|aws_access_key_id) = (\S+)$/gm)].map((m) => m[1]!);
}

/**
 * A python3 script that runs argv[1:] on a pseudo-terminal, copies what it prints to stdout,
 * and types `keys` (one write each, a little apart) once `prompt` is on the screen; exits 99
 * if the prompt never shows within 10 s.
 */
function answerOnTerminal(prompt: string, keys: string[]): string {
  const lit = (t: string) => JSON.stringify(t);
  return [
    'import os, pty, select, sys, time',
    'pid, fd = pty.fork()',
    'if pid == 0: os.execv(sys.argv[1], sys.argv[1:])',
    'seen, deadline, answered = b"", time.time() + 10, False',
    'while True:',
    '    if not answered and time.time() > deadline: os.kill(pid, 9); sys.exit(99)',
    '    r, _, _ = select.select([fd], [], [], 0.2)',
    '    if not r: continue',
    '    try: chunk = os.read(fd, 4096)',
    '    except OSError: break',
    '    if not chunk: break',
    '    seen += chunk; sys.stdout.buffer.write(chunk); sys.stdout.flush()',
    `    if not answered and ${lit(prompt)}.encode() in seen:`,
    ...keys.map((k) => `        time.sleep(0.2); os.write(fd, ${lit(k)}.encode())`),
    '        answered = True',
    'sys.exit(os.waitpid(pid, 0)[1] >> 8)',
  ].join('\n');
}

async function backups(box: Sandbox, dir: string): Promise<string[]> {
  return (await readdir(box.path(dir))).filter((n) => n.endsWith('.bak'));
}

describe.each<Runtime>(['node', 'deno'])('login under %s', (runtime) => {
  it('lowers only the profile whose role refuses 14400 s, retries, and verifies both profiles against STS', async () => {
    // `long` comes first, so duo-sso saves it and then fails on `short`: one suspect, one retry.
    const { box, sts, sim } = await setup({ long: { ...LONG, seconds: 14400 }, short: { ...SHORT, seconds: 14400 } });
    const r = await box.run(['login', '--yes', '--json'], { runtime });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.ok).toBe(true);

    const config = JSON.parse(await box.read('.config/duo-sso/config.json'));
    expect(config.profiles.short.session_duration_seconds).toBe(3600);
    expect(config.profiles.long.session_duration_seconds).toBe(14400);
    expect(config.session_duration_seconds).toBe(3600);
    const [backup] = await backups(box, '.config/duo-sso');
    expect(backup).toBeDefined();
    expect(JSON.parse(await box.read(`.config/duo-sso/${backup}`)).profiles.short.session_duration_seconds).toBe(14400);

    expect((await sim.runs()).map((x) => [x.argv, x.exitCode])).toEqual([[[], 1], [['-profile', 'short'], 0]]);
    expect(r.json.repairs).toEqual([expect.objectContaining({ kind: 'lower-duration', profile: 'short', from: 14400, to: 3600, backup: expect.stringContaining('config.json.') })]);
    const byName = Object.fromEntries(r.json.profiles.map((p: any) => [p.name, p]));
    expect(byName.long.identity.arn).toBe('arn:aws:sts::222222222222:assumed-role/admin/jdoe@example.com');
    expect(byName.short.identity.arn).toBe('arn:aws:sts::111111111111:assumed-role/admin/jdoe@example.com');
    expect(byName.short).toMatchObject({ saved: true, verified: true, sessionDurationSeconds: 3600 });
    expect(sts.actions('GetCallerIdentity').filter((a) => a.status === 200)).toHaveLength(2);

    const state = JSON.parse(await box.read('.config/duo-sso-setup/state.json'));
    expect(state.durations.short).toMatchObject({ refused: 14400, worked: 3600 });
    expect(state.durations.long).toMatchObject({ worked: 14400 });
    // Learned afterwards with iam:GetRole, using the new credentials.
    expect(state.roles['111111111111:admin']).toMatchObject({ below: 14400, max: 3600 });
    expect(state.roles['222222222222:admin']).toMatchObject({ max: 14400 });
    expect(byName.long.roleMaxSessionDuration).toBe(14400);
    expect(r.json.suggestions).toBeUndefined();

    const credentials = await box.read('.aws/credentials');
    const secrets = secretsIn(credentials);
    expect(secrets).toHaveLength(6);
    for (const secret of secrets) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
    expect(r.stderr).not.toMatch(/Warning/);
    expect(r.stderr).toContain("Failed to Assume Role 'admin' via STS: ValidationError");

    // The real AWS CLI v2 with what the login left behind, after the next steps login printed.
    expect(r.json.next).toEqual(['aws configure set region us-east-1 --profile long', 'aws sts get-caller-identity --profile long', 'export AWS_PROFILE=long']);
    for (const [name, account] of [['short', SHORT.account], ['long', LONG.account]]) {
      const configure = await box.exec(`${box.bin}/aws`, ['configure', 'set', 'region', 'us-east-1', '--profile', name!]);
      expect(configure.exitCode, configure.stderr).toBe(0);
      const aws = await box.exec(`${box.bin}/aws`, ['sts', 'get-caller-identity', '--profile', name!, '--endpoint-url', sts.url, '--output', 'json']);
      expect(aws.exitCode, aws.stderr).toBe(0);
      expect(JSON.parse(aws.stdout).Account).toBe(account);
    }
  });
});

describe('login', () => {
  it('finds the culprit by trying a suspect alone when the failing role name is shared (three runs)', async () => {
    const { box, sim } = await setup({ short: { ...SHORT, seconds: 14400 }, long: { ...LONG, seconds: 14400 } });
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await sim.runs()).map((x) => [x.argv, x.exitCode])).toEqual([[[], 1], [['-profile', 'short'], 1], [[], 0]]);
    const config = JSON.parse(await box.read('.config/duo-sso/config.json'));
    expect([config.profiles.short.session_duration_seconds, config.profiles.long.session_duration_seconds]).toEqual([3600, 14400]);
    expect(r.json.profiles.every((p: any) => p.verified)).toBe(true);
  });

  it('an empty AWS_REGION: verified all the same, but reported (the AWS CLI uses it over the profile\'s region) and Next: unsets it first', async () => {
    const { box } = await setup({ short: SHORT });
    await box.write('.aws/config', '[profile short]\nregion = eu-west-1\n');
    const r = await box.run(['login', '--yes', '--json'], { env: { AWS_REGION: '' } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.profiles).toEqual([expect.objectContaining({ name: 'short', verified: true, regionConfigured: false, emptyRegionVariable: 'AWS_REGION' })]);
    expect(r.json.next).toEqual(['unset AWS_REGION', 'aws sts get-caller-identity --profile short', 'export AWS_PROFILE=short']);
    // Without the variable the profile's own region counts.
    const again = await box.run(['login', '--yes', '--json'], { env: { AWS_REGION: undefined } });
    expect(again.json.profiles[0]).toMatchObject({ regionConfigured: true });
    expect(again.json.profiles[0].emptyRegionVariable).toBeUndefined();
    expect(again.json.next[0]).toBe('aws sts get-caller-identity --profile short');
  });

  it('offers, but does not apply, a longer session the role and the policy allow', async () => {
    const { box } = await setup({ big: { account: '333333333333', role: 'admin' } });
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.suggestions).toEqual([{
      profile: 'big', from: 3600, to: 14400,
      reason: "role 'admin' in account 333333333333 allows 43200 s; non-production policy allows 14400 s without SRE approval",
      commands: [['duo-sso-setup', 'config', 'add-profile', 'big', '--account', '333333333333', '--role', 'admin', '--duration', '14400', '--force']],
    }]);
    expect(JSON.parse(await box.read('.config/duo-sso/config.json')).session_duration_seconds).toBe(3600);
  });

  it('lowers a profile that worked at its duration before, once its role allows less', async () => {
    const { box, sim } = await setup({ long: { ...SHORT, seconds: 14400 } });
    await box.write('.config/duo-sso-setup/state.json', JSON.stringify({ version: 1, productionProfiles: [], durations: { long: { worked: 14400, at: '2026-01-01T00:00:00Z' } }, roles: {} }));
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.repairs).toEqual([expect.objectContaining({ kind: 'lower-duration', profile: 'long', from: 14400, to: 3600 })]);
    expect((await sim.runs()).map((x) => x.exitCode)).toEqual([1, 0]);
  });

  it('drops a --session-duration the role refuses instead of "lowering" config.json, and records what STS refused', async () => {
    const { box, sim } = await setup({ short: { ...SHORT } });
    const before = await box.read('.config/duo-sso/config.json');
    const r = await box.run(['login', '--yes', '--json', '--session-duration', '14400']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await sim.runs()).map((x) => [x.argv, x.exitCode])).toEqual([[['-session-duration', '14400'], 1], [['-profile', 'short'], 0]]);
    expect(r.stderr).toContain("role 'admin' in account 111111111111 allows less than the 14400 s of --session-duration; running duo-sso again without it");
    expect(r.json.repairs).toEqual([]);
    expect(await box.read('.config/duo-sso/config.json')).toBe(before);
    expect(await backups(box, '.config/duo-sso')).toEqual([]);
    const state = JSON.parse(await box.read('.config/duo-sso-setup/state.json'));
    expect(state.roles['111111111111:admin']).toMatchObject({ below: 14400 });
    expect(state.durations.short).toMatchObject({ refused: 14400, worked: 3600 });
  });

  it('remembers the duration --session-duration asked for, so the expiry shown is right', async () => {
    const { box } = await setup({ long: { ...LONG } });
    const r = await box.run(['login', '--yes', '--json', '--session-duration', '7200']);
    expect(r.exitCode, r.stderr).toBe(0);
    const hours = (Date.parse(r.json.profiles[0].expires) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    const status = await box.run(['status', '--json']);
    expect(status.json.profiles[0].expires).toBe(r.json.profiles[0].expires);
  });

  it('lowers to a role maximum learned on an earlier login instead of 3600', async () => {
    const { box, sts } = await setup({ mid: { account: '333333333333', role: 'admin', seconds: 14400 } });
    sts.setRole('arn:aws:iam::333333333333:role/admin', 7200);
    await box.write('.config/duo-sso-setup/state.json', JSON.stringify({ version: 1, productionProfiles: [], durations: {}, roles: { '333333333333:admin': { max: 7200, at: '2026-01-01T00:00:00Z' } } }));
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.repairs).toEqual([expect.objectContaining({ kind: 'lower-duration', profile: 'mid', from: 14400, to: 7200 })]);
    expect(JSON.parse(await box.read('.config/duo-sso/config.json')).profiles.mid.session_duration_seconds).toBe(7200);
  });

  it('stays silent when the role may not read itself with iam:GetRole', async () => {
    const { box, sts } = await setup({ big: { account: '333333333333', role: 'admin' } });
    sts.iamGetRole = false;
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.suggestions).toBeUndefined();
    expect(r.json.profiles[0].roleMaxSessionDuration).toBeUndefined();
    expect(sts.actions('GetRole')[0]).toMatchObject({ errorCode: 'AccessDenied' });
    expect(r.stderr).not.toMatch(/AccessDenied|GetRole/);
  });

  it('when the suspect tried alone works, lowers the other one without another guess (duo-sso order is not config order)', async () => {
    const { box, sim } = await setup({ long: { ...LONG, seconds: 14400 }, short: { ...SHORT, seconds: 14400 } }, { profileOrder: 'reverse' });
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await sim.runs()).map((x) => [x.argv, x.exitCode])).toEqual([[[], 1], [['-profile', 'long'], 0], [['-profile', 'short'], 0]]);
    const config = JSON.parse(await box.read('.config/duo-sso/config.json'));
    expect([config.profiles.long.session_duration_seconds, config.profiles.short.session_duration_seconds]).toEqual([14400, 3600]);
    expect(r.json.profiles.every((p: any) => p.verified)).toBe(true);
  });

  it('--store pass moves the new keys into pass; the real AWS CLI gets them through credential_process; the next login re-stores them', async () => {
    const { box, sts } = await setup({ long: { ...LONG } });
    await box.addTool('gpg');
    await box.addTool('pass');
    const fpr = await createGpgKey(box);
    expect((await box.exec(`${box.bin}/pass`, ['init', fpr])).exitCode).toBe(0);
    const r = await box.run(['login', '--yes', '--json', '--store', 'pass']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.stored).toEqual([expect.objectContaining({ profile: 'long', store: 'pass', status: 'migrated' })]);
    expect(await box.read('.aws/credentials')).not.toMatch(/aws_secret_access_key/);
    expect(await box.read('.aws/config')).toMatch(/credential_process = .*credential-process --profile long/);
    const aws = await box.exec(`${box.bin}/aws`, ['sts', 'get-caller-identity', '--profile', 'long', '--endpoint-url', sts.url, '--region', 'us-east-1', '--output', 'json']);
    expect(aws.exitCode, aws.stderr).toBe(0);
    expect(JSON.parse(aws.stdout).Account).toBe(LONG.account);
    const status = await box.run(['status', '--json', '--verify']);
    expect(status.json.profiles[0]).toMatchObject({ name: 'long', state: 'valid', storedIn: 'pass', expiresFrom: 'store', identity: { account: LONG.account } });
    // (From the duo-sso run's start, so a little under the hour; `login --store` turned renewal on.)
    expect((await box.run(['status'])).stdout).toMatch(/^✓ long {2}222222222222 admin {2}expires \d\d:\d\d \(in (59|60) min\) {2}keys in pass, renewed by credential_process$/m);

    const again = await box.run(['login', '--yes', '--json']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.json.stored).toEqual([expect.objectContaining({ profile: 'long', store: 'pass', status: 'migrated' })]);
    expect(await box.read('.aws/credentials')).not.toMatch(/aws_secret_access_key/);
  });

  it('remembers --store as the default for later logins, and --no-store forgets it', async () => {
    const { box } = await setup({ long: { ...LONG } });
    await box.addTool('gpg');
    await box.addTool('pass');
    const fpr = await createGpgKey(box);
    expect((await box.exec(`${box.bin}/pass`, ['init', fpr])).exitCode).toBe(0);
    expect((await box.run(['login', '--yes', '--json', '--store', 'pass'])).exitCode).toBe(0);
    expect(JSON.parse(await box.read('.config/duo-sso-setup/state.json')).loginStore).toBe('pass');

    // A profile added later goes into pass too, without --store.
    expect((await box.run(['config', 'add-profile', 'other', '--account', '333333333333', '--role', 'admin', '--duration', '3600', '--yes'])).exitCode).toBe(0);
    const second = await box.run(['login', '--yes', '--json']);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.json.stored.map((s: any) => [s.profile, s.store])).toEqual([['long', 'pass'], ['other', 'pass']]);
    expect(second.stderr).toContain('the default since `login --store pass`');
    expect(await box.read('.aws/credentials')).not.toMatch(/aws_secret_access_key/);

    // --no-store: the default is gone; a new profile keeps its keys in the file, stored ones stay stored.
    expect((await box.run(['config', 'add-profile', 'third', '--account', '111111111111', '--role', 'admin', '--duration', '3600', '--yes'])).exitCode).toBe(0);
    const third = await box.run(['login', '--yes', '--json', '--no-store']);
    expect(third.exitCode, third.stderr).toBe(0);
    expect(JSON.parse(await box.read('.config/duo-sso-setup/state.json')).loginStore).toBeUndefined();
    expect(third.json.stored.map((s: any) => s.profile)).toEqual(['long', 'other']);
    expect(await box.read('.aws/credentials')).toMatch(/\[third\]\naws_access_key_id = ASIA\w+\naws_secret_access_key = /);
  });

  it('keeps secrets out of the output even when duo-sso prints them (debug mode)', async () => {
    const { box } = await setup({ long: { ...LONG } });
    const config = JSON.parse(await box.read('.config/duo-sso/config.json'));
    await box.write('.config/duo-sso/config.json', JSON.stringify({ ...config, debug: true }));
    const r = await box.run(['login', '--yes']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/DEBUG STS response: .*<SecretAccessKey>\[redacted\]</);
    expect(r.stderr).toMatch(/DEBUG SAMLResponse: \[redacted\]/);
    for (const secret of secretsIn(await box.read('.aws/credentials'))) expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('reads the clock skew from STS\'s Date header while verifying, and warns beyond 60 s with the time-sync command', async () => {
    const { box, sts } = await setup({ long: { ...LONG } });
    const ok = await box.run(['login', '--yes', '--json']);
    expect(ok.json.clock).toMatchObject({ level: 'ok', summary: 'this clock agrees with AWS' });
    expect(ok.stderr).not.toContain('clock:');
    sts.dateSkewSeconds = 120;
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.clock).toMatchObject({ level: 'warn', summary: 'this clock is 2 min behind AWS', fix: [['sudo', 'timedatectl', 'set-ntp', 'true']] });
    expect(r.stderr).toContain('clock: this clock is 2 min behind AWS; STS refuses signatures more than 15 min off and SAML assertions expire in 5 min.\n  $ sudo timedatectl set-ntp true\n');
  });

  it('logs in but says so when STS cannot be reached for the verification', async () => {
    const { box } = await setup({ long: { ...LONG } });
    const r = await box.run(['login', '--yes', '--json'], { env: { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.profiles[0]).toMatchObject({ saved: true, verified: false, error: { code: 'Unreachable' } });
    const human = await box.run(['login', '--yes'], { env: { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' } });
    expect(human.stdout).toMatch(/^! long {2}Unreachable: could not reach http:\/\/127\.0\.0\.1:9/m);
  });

  it('writes the lower duration where it affects only the refused profile', async () => {
    const shared = await setup({ long: { ...LONG }, short: { ...SHORT } }, {}, 14400);
    expect((await shared.box.run(['login', '--yes'])).exitCode).toBe(0);
    const both = JSON.parse(await shared.box.read('.config/duo-sso/config.json'));
    expect([both.session_duration_seconds, both.profiles.long.session_duration_seconds, both.profiles.short.session_duration_seconds]).toEqual([14400, undefined, 3600]);

    const alone = await setup({ short: { ...SHORT } }, {}, 14400);
    const r = await alone.box.run(['login', '--yes', '--json']);
    expect(r.json.repairs).toEqual([expect.objectContaining({ kind: 'lower-duration', scope: 'top-level', from: 14400, to: 3600 })]);
    const one = JSON.parse(await alone.box.read('.config/duo-sso/config.json'));
    expect([one.session_duration_seconds, one.profiles.short.session_duration_seconds]).toEqual([3600, undefined]);
  });

  it('never runs duo-sso more than 3 times, and says what is left', async () => {
    const { box, sts, sim } = await setup({
      a: { account: '444444444444', role: 'admin', seconds: 14400 },
      b: { account: '555555555555', role: 'admin', seconds: 14400 },
      c: { account: '666666666666', role: 'admin', seconds: 14400 },
    });
    for (const account of ['444444444444', '555555555555', '666666666666']) sts.setRole(`arn:aws:iam::${account}:role/admin`, 3600);
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode).toBe(1);
    expect((await sim.runs()).map((x) => x.argv)).toEqual([[], ['-profile', 'a'], []]);
    expect(r.json.problem).toMatchObject({ id: 'gave-up', message: expect.stringMatching(/after 3 runs of duo-sso .*; not logged in: b, c$/), commands: [['duo-sso-setup', 'login', '--profile', 'b', '--profile', 'c']] });
    // Carrying on as told finishes the job, still 3 runs per login: b is repaired and logged in,
    // c's duration is lowered on the last run, so the login after that needs one run.
    const again = await box.run(['login', '--yes', '--json', '--profile', 'b', '--profile', 'c']);
    expect(again.exitCode).toBe(1);
    expect((await sim.runs()).slice(3).map((x) => x.argv)).toEqual([['-profile', 'b'], ['-profile', 'b'], ['-profile', 'c']]);
    expect(again.json.repairs.map((x: any) => x.profile)).toEqual(['b', 'c']);
    expect(again.json.problem).toMatchObject({ id: 'gave-up', commands: [['duo-sso-setup', 'login', '--profile', 'c']] });
    const last = await box.run(['login', '--yes', '--json', '--profile', 'c']);
    expect(last.exitCode, last.stderr).toBe(0);
    expect(await sim.runs()).toHaveLength(7);
    const config = JSON.parse(await box.read('.config/duo-sso/config.json'));
    expect(['a', 'b', 'c'].map((n) => config.profiles[n].session_duration_seconds)).toEqual([3600, 3600, 3600]);
    expect(r.json.repairs.map((x: any) => x.profile)).toEqual(['a']);
    expect(r.json.profiles.map((p: any) => [p.name, p.saved])).toEqual([['a', true], ['b', false], ['c', false]]);
  });

  it('keeps to 3 runs of duo-sso per login when profiles are named one by one', async () => {
    const { box, sts, sim } = await setup({
      a: { account: '444444444444', role: 'admin', seconds: 14400 },
      b: { account: '555555555555', role: 'admin', seconds: 14400 },
      c: { ...LONG },
    });
    for (const account of ['444444444444', '555555555555']) sts.setRole(`arn:aws:iam::${account}:role/admin`, 3600);
    const r = await box.run(['login', '--yes', '--json', '--profile', 'a', '--profile', 'b']);
    expect(r.exitCode).toBe(1);
    expect((await sim.runs()).map((x) => [x.argv, x.exitCode])).toEqual([[['-profile', 'a'], 1], [['-profile', 'a'], 0], [['-profile', 'b'], 1]]);
    expect(r.json.problem).toMatchObject({ id: 'gave-up', message: expect.stringMatching(/after 3 runs of duo-sso .*; not logged in: b$/), commands: [['duo-sso-setup', 'login', '--profile', 'b']] });
    expect(r.json.profiles.map((p: any) => [p.name, p.verified])).toEqual([['a', true], ['b', false]]);
  });

  it('runs duo-sso once for all profiles when more profiles are named than a login runs it', async () => {
    const { box, sim } = await setup({ a: { ...LONG }, b: { ...SHORT }, c: { ...LONG }, d: { ...SHORT }, e: { ...LONG } });
    const r = await box.run(['login', '--yes', '--json', '-p', 'a', '-p', 'b', '-p', 'c', '-p', 'd']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await sim.runs()).map((x) => x.argv)).toEqual([[]]);
    expect(r.json.profiles.map((p: any) => [p.name, p.verified])).toEqual([['a', true], ['b', true], ['c', true], ['d', true]]);
  });

  it('runs duo-sso once per named profile, or once when every profile is named', async () => {
    const { box, sim } = await setup({ a: { ...LONG }, b: { ...SHORT }, c: { ...LONG } });
    expect((await box.run(['login', '--yes', '--profile', 'c', '--profile', 'a'])).exitCode).toBe(0);
    expect((await sim.runs()).map((x) => x.argv)).toEqual([['-profile', 'c'], ['-profile', 'a']]);
    expect((await box.run(['login', '--yes', '-p', 'a', '-p', 'b', '-p', 'c'])).exitCode).toBe(0);
    expect((await sim.runs()).at(-1)!.argv).toEqual([]);
  });

  it('prints a human summary with identities and the next command', async () => {
    const { box } = await setup({ long: { ...LONG, seconds: 14400 } });
    const r = await box.run(['login']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^✓ long {2}arn:aws:sts::222222222222:assumed-role\/admin\/jdoe@example\.com {2}expires \d\d:\d\d \(in 4 h\)$/m);
    expect(r.stdout).toContain('$ aws sts get-caller-identity --profile long');
    expect(r.stdout).toContain('$ export AWS_PROFILE=long');
    expect(r.stderr).toContain('✔ AWS Credentials saved for profile \'long\'');
  });

  it('moves credentials duo-sso saved under [default] to their profiles and restores [default]', async () => {
    const { box, sts } = await setup({ long: { ...LONG, seconds: 14400 }, other: { ...SHORT } }, { credentialsUnderDefault: true });
    await box.write('.aws/credentials', '# mine\n[default]\naws_access_key_id = AKIAMINE\naws_secret_access_key = minesecret\n', 0o600);
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.repairs).toEqual([expect.objectContaining({ kind: 'move-credentials', profiles: ['long', 'other'] })]);
    const text = await box.read('.aws/credentials');
    expect(text).toMatch(/^# mine\n/);
    expect(text).toMatch(/^\[default\]\naws_access_key_id = AKIAMINE\naws_secret_access_key = minesecret\n(?:\n|$)/m);
    expect(text.match(/^\[(\w+)\]$/gm)).toEqual(['[default]', '[long]', '[other]']);
    expect(r.json.profiles.map((p: any) => p.identity?.account)).toEqual(['222222222222', '111111111111']);
    expect(await box.mode('.aws/credentials')).toBe(0o600);
    expect(sts.actions('GetCallerIdentity').every((a) => a.status === 200)).toBe(true);
  });

  it('a profile named x]y never reaches ~/.aws/credentials through the [default] repair', async () => {
    const { box } = await setup({ 'x]y': { ...LONG } }, { credentialsUnderDefault: true });
    const r = await box.run(['login', '--yes']);
    expect(r.stderr).not.toMatch(/This is a bug/);
    expect(r.stderr).toMatch(/cannot move the credentials duo-sso saved under \[default\] to profile "x\]y"/);
    expect(r.exitCode).toBe(1);
    expect(await box.read('.aws/credentials').catch(() => '')).not.toContain('[x]y]');
  });

  it("moves them too when duo-sso says it saved profile 'default'", async () => {
    const { box } = await setup({ long: { ...LONG } }, { credentialsUnderDefault: 'says-so' });
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.repairs).toEqual([expect.objectContaining({ kind: 'move-credentials', profiles: ['long'] })]);
    expect((await box.read('.aws/credentials')).match(/^\[(\w+)\]$/gm)).toEqual(['[long]']);
    expect(r.json.profiles[0]).toMatchObject({ name: 'long', verified: true });
  });

  it('retries once when the SAML assertion expired before STS redeemed it', async () => {
    const { box, sim } = await setup({ long: { ...LONG } }, { expiredAssertionRuns: 1 });
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect((await sim.runs()).map((x) => x.exitCode)).toEqual([1, 0]);
  });

  it('explains the first-run certificate prompt without a terminal instead of looping', async () => {
    const { box, sim } = await setup({ long: { ...LONG } }, { firstRunCertificatePrompt: true });
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode).toBe(1);
    expect(r.json.problem).toMatchObject({ id: 'first-run-client-certificate', commands: [['duo-sso-setup', 'login', '--interactive']] });
    expect(await sim.runs()).toHaveLength(1);
    const again = await box.run(['login', '--yes', '--json', '--interactive']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect((await sim.runs()).at(-1)!.argv).toEqual(['-interactive']);
  });

  it('reruns duo-sso with -interactive by itself when a terminal is attached', async () => {
    const { box, sim } = await setup({ long: { ...LONG } }, { firstRunCertificatePrompt: true });
    // python3's pty gives the CLI a real terminal on stdin, stdout and stderr.
    const r = await box.exec('python3', ['-c', 'import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)', process.execPath, CLI, 'login', '--yes']);
    expect((await sim.runs()).map((x) => [x.argv, x.exitCode])).toEqual([[[], 1], [['-interactive'], 0]]);
    expect(r.stdout).toMatch(/running duo-sso again with -interactive/);
    expect(r.exitCode).toBe(0);
  });

  it('keeps secrets that duo-sso quotes in a failure out of the problem, the runs and the output', async () => {
    const { box, sts } = await setup({ long: { ...LONG } });
    const assertion = Buffer.from('<samlp:Response>'.repeat(40)).toString('base64');
    const key = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    sts.failAssume = { status: 400, code: 'InvalidIdentityToken', message: `Response signature invalid; request SAMLAssertion=${assertion} aws_secret_access_key=${key}` };
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode).toBe(1);
    expect(r.json.problem.message).toMatch(/^duo-sso failed: InvalidIdentityToken: Response signature invalid; request SAMLAssertion=\[redacted\] aws_secret_access_key=\[redacted\]$/);
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(assertion.slice(0, 40));
      expect(text).not.toContain(key);
    }
    const human = await box.run(['login', '--yes']);
    expect(human.stdout + human.stderr).not.toContain(key);
  });

  it('asks before lowering a duration in a terminal, and says what is left when the answer is no', async () => {
    const { box, sim } = await setup({ short: { ...SHORT, seconds: 14400 } });
    const decline = answerOnTerminal('(Y/n)', ['n', '\r']);
    const before = await box.read('.config/duo-sso/config.json');
    const r = await box.exec('python3', ['-c', decline, process.execPath, CLI, 'login'], { env: { NO_COLOR: '1' } });
    expect(r.exitCode, r.stdout).toBe(1);
    expect(r.stdout).toContain("role 'admin' in account 111111111111 allows less than the 14400 s that profile short asks for; setting profile short's session_duration_seconds to 3600");
    expect(r.stdout).toContain("STS refused role 'admin' in account 111111111111 for profile short at 14400 s (the role allows less); its duration was left as it is");
    expect(r.stdout).toContain('$ duo-sso-setup config add-profile short --account 111111111111 --role admin --duration 3600 --force');
    expect(r.stdout).not.toContain('No profile using that role asks for more than 3600 s');
    expect(await box.read('.config/duo-sso/config.json')).toBe(before);
    expect(await sim.runs()).toHaveLength(1);
  });

  it('retries a role-chaining refusal once, then explains it from the knowledge base', async () => {
    const { box, sts, sim } = await setup({ long: { ...LONG } });
    sts.failAssume = { status: 400, code: 'ValidationError', message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.' };
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode).toBe(1);
    expect(await sim.runs()).toHaveLength(2);
    expect(r.stderr).toContain("STS refused role 'admin' for role chaining; trying once more");
    expect(r.json.problem).toMatchObject({ id: 'role-chaining-limit', message: "duo-sso failed: role-chaining (role 'admin')" });
    expect(r.json.problem.details.length).toBeGreaterThan(1);
  });

  it('explains other STS refusals from the shared knowledge base', async () => {
    const { box, sts, sim } = await setup({ long: { ...LONG } });
    sts.failAssume = { status: 400, code: 'IDPRejectedClaim', message: 'Error authenticating with the identity provider.' };
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode).toBe(1);
    expect(r.json.problem).toMatchObject({ id: 'idp-rejected-claim', message: 'duo-sso failed: IDPRejectedClaim: Error authenticating with the identity provider' });
    expect(r.json.problem.commands.length).toBeGreaterThan(0);
    expect(await sim.runs()).toHaveLength(1);
  });

  it('hands the terminal to duo-sso when config.json has no profiles, then verifies what it saved', async () => {
    const { box } = await setup({}, { grants: [{ account: '222222222222', role: 'admin' }] });
    const r = await box.exec('python3', ['-c', 'import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)', process.execPath, CLI, 'login', '--yes'], { input: '1\n', env: { NO_COLOR: '1' } });
    expect(r.stdout).toContain('Select a role [1-1]:');
    expect(r.stdout).toMatch(/✓ default {2}arn:aws:sts::222222222222:assumed-role\/admin\/jdoe@example\.com/);
    expect(r.exitCode).toBe(0);
    const without = await box.run(['login', '--yes']);
    expect(without.exitCode).toBe(1);
    expect(without.stderr).toMatch(/has no "profiles", so duo-sso would ask which account and role to use, and there is no terminal/);
  });

  it('with "debug": true and no profiles, shows the role picker but redacts what duo-sso prints in a terminal', async () => {
    const { box } = await setup({}, { grants: [{ account: '222222222222', role: 'admin' }] });
    const config = JSON.parse(await box.read('.config/duo-sso/config.json'));
    await box.write('.config/duo-sso/config.json', JSON.stringify({ ...config, debug: true }));
    const r = await box.exec('python3', ['-c', 'import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)', process.execPath, CLI, 'login', '--yes'], { input: '1\n', env: { NO_COLOR: '1' } });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.stdout).toContain('Select a role [1-1]:');
    expect(r.stdout).toContain('has "debug": true, so duo-sso prints your SAML assertion and AWS keys: its output is shown redacted');
    expect(r.stdout).toMatch(/DEBUG SAMLResponse: \[redacted\]/);
    expect(r.stdout).toMatch(/<SecretAccessKey>\[redacted\]</);
    const secrets = secretsIn(await box.read('.aws/credentials'));
    expect(secrets).toHaveLength(3);
    for (const secret of secrets) expect(r.stdout).not.toContain(secret);
  });

  it('shows duo-sso\'s role prompt before the user answers it when its output is read line by line (--json)', async () => {
    const { box } = await setup({}, { grants: [{ account: '222222222222', role: 'admin' }] });
    const expectPrompt = answerOnTerminal('Select a role [1-1]: ', ['1\n']);
    const r = await box.exec('python3', ['-c', expectPrompt, process.execPath, CLI, 'login', '--yes', '--json'], { env: { NO_COLOR: '1' } });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/"arn": "arn:aws:sts::222222222222:assumed-role\/admin\/jdoe@example\.com"/);
  });

  it('trusts the credentials file when duo-sso words its success differently', async () => {
    const { box } = await setup({ long: { ...LONG }, other: { ...SHORT } }, { silent: true });
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.profiles.map((p: any) => [p.name, p.verified])).toEqual([['long', true], ['other', true]]);
  });

  it('explains AccessDenied with the account and role the profile asked for', async () => {
    const { box, sim } = await setup({ long: { ...LONG } }, { grants: [{ account: '222222222222', role: 'readonly' }] });
    const r = await box.run(['login', '--yes']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("STS refused role 'admin': Not authorized to perform sts:AssumeRoleWithSAML");
    expect(r.stdout).toContain("long: role 'admin' in account 222222222222 — STS: Not authorized to perform sts:AssumeRoleWithSAML");
    expect(r.stdout).toContain('$ duo-sso-setup config remove-profile long');
    expect(await sim.runs()).toHaveLength(1);
  });

  it('lists what the SAML assertion granted when duo-sso shows it (debug mode) and STS refuses the role', async () => {
    const { box } = await setup({ long: { ...LONG } }, { grants: [{ account: '222222222222', role: 'readonly' }, { account: '333333333333', role: 'admin' }] });
    const config = JSON.parse(await box.read('.config/duo-sso/config.json'));
    await box.write('.config/duo-sso/config.json', JSON.stringify({ ...config, debug: true }));
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode).toBe(1);
    expect(r.json.problem).toMatchObject({
      id: 'access-denied-role',
      details: expect.arrayContaining(["long: role 'admin' in account 222222222222 — STS: Not authorized to perform sts:AssumeRoleWithSAML", '  your SSO grants: 222222222222 readonly, 333333333333 admin']),
      // The one role granted in that account is the likely intended one.
      commands: [['duo-sso-setup', 'config', 'add-profile', 'long', '--account', '222222222222', '--role', 'readonly', '--force'], ['duo-sso-setup', 'config', 'remove-profile', 'long']],
    });
    expect(r.stderr).toMatch(/DEBUG SAMLResponse: \[redacted\]/);
  });

  it('reports a profile whose credentials STS rejects, and stops after three runs of a persistent failure', async () => {
    const { box, sim } = await setup({ long: { ...LONG } }, { expiredAssertionRuns: 5 });
    const r = await box.run(['login', '--yes', '--json']);
    expect(r.exitCode).toBe(1);
    expect(r.json.problem.id).toBe('expired-assertion');
    expect((await sim.runs()).length).toBeLessThanOrEqual(3);
  });

  it('runs nothing in --dry-run and changes no file', async () => {
    const { box, sim } = await setup({ long: { ...LONG, seconds: 14400 } });
    const before = await box.read('.config/duo-sso/config.json');
    const r = await box.run(['login', '--dry-run', '--json']);
    expect(r.exitCode).toBe(0);
    expect(await box.read('.config/duo-sso/config.json')).toBe(before);
    await expect(box.read('.aws/credentials')).rejects.toThrow();
    expect(r.json).toMatchObject({ ok: true, dryRun: true, runs: [{ argv: ['duo-sso'] }] });
    expect(await sim.runs()).toHaveLength(0);
  });

  it('fails clearly on an unknown profile, a missing config and a missing duo-sso', async () => {
    const { box } = await setup({ long: { ...LONG } });
    const unknown = await box.run(['login', '--profile', 'nope']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/no profile 'nope' in .*config\.json\nProfiles there: long/);
    const noConfig = await box.run(['login', '--config', `${box.root}/missing.json`]);
    expect(noConfig.stderr).toMatch(/missing\.json does not exist\nCreate it: duo-sso-setup --config \S+\/missing\.json config init/);
    const noDuo = await box.run(['login'], { env: { PATH: box.sysBin } });
    expect(noDuo.exitCode).toBe(1);
    // On Linux, with no release key pinned, the plain install would be refused: the doctor's remedy instead.
    expect(noDuo.stderr).toMatch(/duo-sso is not installed.*\nInstall it: duo-sso-setup install duo-sso --sha256 HEX\nInstall duo-sso with the SHA-256 of duo-sso_linux_\w+ from its release page \(https:\/\/\S+\/releases\/latest\)/);
  });
});

// `status` and the doctor checks built on the same facts (`credentials`, `clock`), against
// the duo-sso simulator and the loopback STS stand-in.
import { afterEach, describe, expect, it } from 'vitest';
import { Sandbox, type Runtime } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function loggedIn(opts: { skew?: number } = {}): Promise<{ box: Sandbox; sts: StsServer }> {
  const sts = await StsServer.start({ roles: { 'arn:aws:iam::222222222222:role/admin': { maxSessionDuration: 14400 } }, dateSkewSeconds: opts.skew ?? 0 });
  const box = await Sandbox.create({ tools: ['/usr/bin/aws'], env: { AWS_ENDPOINT_URL_STS: sts.url, AWS_ENDPOINT_URL_IAM: sts.url } });
  cleanups.push(() => sts.close(), () => box.cleanup());
  await installDuoSsoSim(box, { stsEndpoint: sts.url });
  await box.write('.config/duo-sso/config.json', JSON.stringify({
    url: 'https://cloudsso.cisco.com',
    session_duration_seconds: 3600,
    profiles: { dev: { aws_account_id: '222222222222', aws_role_name: 'admin', session_duration_seconds: 7200 }, prod: { aws_account_id: '333333333333', aws_role_name: 'admin' } },
  }));
  const login = await box.run(['login', '--yes', '--profile', 'dev', '--no-verify']);
  expect(login.exitCode, login.stderr).toBe(0);
  return { box, sts };
}

describe.each<Runtime>(['node', 'deno'])('status under %s', (runtime) => {
  it('lists each configured profile with its expiry, verifies with STS, and exits 1 while one has no credentials', async () => {
    const { box } = await loggedIn();
    const r = await box.run(['status', '--json', '--verify'], { runtime });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).not.toMatch(/Warning/);
    const [dev, prod] = r.json.profiles;
    expect(dev).toMatchObject({ name: 'dev', account: '222222222222', role: 'admin', state: 'valid', expiresFrom: 'login', identity: { arn: 'arn:aws:sts::222222222222:assumed-role/admin/jdoe@example.com' } });
    const hours = (Date.parse(dev.expires) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    expect(prod).toMatchObject({ name: 'prod', state: 'missing' });
    const devOnly = await box.run(['status', '--profile', 'dev'], { runtime });
    expect(devOnly.exitCode).toBe(0);
    expect(devOnly.stdout).toMatch(/^✓ dev {2}222222222222 admin {2}expires \d\d:\d\d \(in 2 h\)$/m);
  });
});

describe('status', () => {
  it('reports credentials STS says have expired, and tells how to log in again', async () => {
    const { box, sts } = await loggedIn();
    for (const key of sts.issued.keys()) sts.expire(key);
    const r = await box.run(['status', '--verify', '--profile', 'dev']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^✗ dev {2}222222222222 admin {2}expired \(STS says so\)$/m);
    expect(r.stdout).toContain('$ duo-sso-setup login --profile dev');
    const json = await box.run(['status', '--verify', '--json', '--profile', 'dev']);
    expect(json.json.profiles[0]).toMatchObject({ state: 'expired', error: { code: 'ExpiredToken' } });
  });

  it('reports rejected credentials (a secret that does not match) without printing it', async () => {
    const { box } = await loggedIn();
    const text = await box.read('.aws/credentials');
    const secret = /aws_secret_access_key = (\S+)/.exec(text)![1]!;
    await box.write('.aws/credentials', text.replace(secret, `${secret}X`));
    const r = await box.run(['status', '--verify', '--json', '--profile', 'dev']);
    expect(r.json.profiles[0]).toMatchObject({ state: 'rejected', error: { code: 'SignatureDoesNotMatch' } });
    expect(r.stdout + r.stderr).not.toContain(secret);
    // STS's answer quotes the signed request, session token included: none of it is shown.
    const token = /aws_session_token = (\S+)/.exec(text)![1]!;
    const human = await box.run(['status', '--verify', '--profile', 'dev']);
    for (const out of [r.stdout + r.stderr, human.stdout + human.stderr]) {
      expect(out).not.toContain(token.slice(0, 24));
      expect(out).not.toContain('Canonical String');
    }
    expect(human.stdout).toMatch(/SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\.$/m);
  });

  it('refuses a profile that is not there, naming the ones that are', async () => {
    const { box } = await loggedIn();
    const r = await box.run(['status', '--profile', 'nope']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no profile 'nope' in .*config\.json\nProfiles there: dev, prod/);
  });

  it('points at config init without a config, and at add-profile/import when the config has no profiles', async () => {
    const box = await Sandbox.create();
    cleanups.push(() => box.cleanup());
    const none = await box.run(['status']);
    expect(none.stdout).toMatch(/config\.json does not exist and .* holds no credentials\.\n {2}\$ duo-sso-setup config init\n$/);
    await box.write('.config/duo-sso/config.json', '{"url": "https://cloudsso.cisco.com", "session_duration_seconds": 3600}\n');
    const empty = await box.run(['status']);
    expect(empty.stdout).toContain('config.json has none');
    expect(empty.stdout).toContain('$ duo-sso-setup config add-profile NAME --account ACCOUNT_ID --role ROLE\n');
    expect(empty.stdout).toContain('$ duo-sso-setup config import');
    expect(empty.stdout).not.toContain('config init');
  });

  it('says so when config.json is broken, instead of quietly listing the credentials file', async () => {
    const box = await Sandbox.create();
    cleanups.push(() => box.cleanup());
    await box.write('.config/duo-sso/config.json', '{"profiles": {\n');
    const r = await box.run(['status']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^invalid JSON: .*config\.json:2:1: .*\nProfiles are taken from .*credentials and the credential_process lines of ~\/\.aws\/config instead \(see duo-sso-setup config validate\)\.\n$/);
    expect(r.stdout).toMatch(/^No profiles: .*config\.json is not usable and .* holds no credentials\.\n {2}\$ duo-sso-setup config validate\n$/);
    const json = await box.run(['status', '--json']);
    expect(json.json).toMatchObject({ ok: false, source: 'credentials-file', configProblem: expect.stringMatching(/^invalid JSON: /), profiles: [] });
  });

  it('says the credentials file cannot be read instead of calling every profile "no credentials"', async () => {
    const { box } = await loggedIn();
    await box.exec('rm', ['-f', box.path('.aws/credentials')]);
    await box.exec('mkdir', [box.path('.aws/credentials')]);
    const r = await box.run(['status']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/credentials cannot be read: it is a directory, not a file\nMove it aside and log in again: duo-sso-setup login/);
    const doctor = await box.run(['doctor', '--json', '--only', 'credentials']);
    expect(doctor.json.checks[0]).toMatchObject({ status: 'fail', summary: expect.stringMatching(/credentials cannot be read: it is a directory, not a file$/), details: ['Move it aside and log in again: duo-sso-setup login'] });
  });

  it('says where the credentials file stops parsing (the AWS CLI reads none of it) instead of "no credentials, log in"', async () => {
    const { box } = await loggedIn();
    const file = box.path('.aws/credentials');
    // A key pasted above the first header (the commonest way to break it).
    await box.write('.aws/credentials', `region = us-east-1\n${await box.read('.aws/credentials')}`, 0o600);
    const aws = await box.exec('/usr/bin/aws', ['--version']);
    expect(aws.exitCode).not.toBe(0);
    expect(aws.stdout + aws.stderr).toContain(`Unable to parse config file: ${file}`);
    const r = await box.run(['status']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^duo-sso-setup: error: ${file}:1(:\\d+)?: line 1 .*: the AWS CLI cannot parse this file, so no profile works until it is corrected\nCorrect line 1 of ${file} `));
    expect(r.stderr).not.toContain('no credentials');
    const doctor = await box.run(['doctor', '--json', '--only', 'credentials']);
    expect(doctor.json.checks[0]).toMatchObject({ status: 'fail', summary: expect.stringContaining(`${file}:1`) });
  });

  it('falls back to the credentials file when config.json has no profiles', async () => {
    const box = await Sandbox.create();
    cleanups.push(() => box.cleanup());
    await box.write('.aws/credentials', '[default]\naws_access_key_id = AKIAX\naws_secret_access_key = s\nx_security_token_expires = 2001-01-01T00:00:00Z\n');
    const r = await box.run(['status', '--json']);
    expect(r.json).toMatchObject({ ok: false, source: 'credentials-file', profiles: [{ name: 'default', state: 'expired', expiresFrom: 'credentials-file' }] });
  });
});

describe('doctor checks clock and credentials', () => {
  it('warns about a 2-minute skew and fails a 10-minute one, with the time-sync command', async () => {
    const { box, sts } = await loggedIn({ skew: 120 });
    const warn = await box.run(['doctor', '--json', '--only', 'clock,credentials']);
    const clock = warn.json.checks.find((c: any) => c.id === 'clock');
    expect(clock).toMatchObject({ status: 'warn', summary: 'this clock is 2 min behind AWS', data: { skewSeconds: expect.any(Number) } });
    expect(clock.fix.commands[0]).toEqual(['sudo', 'timedatectl', 'set-ntp', 'true']);
    const creds = warn.json.checks.find((c: any) => c.id === 'credentials');
    expect(creds).toMatchObject({ status: 'warn', summary: 'prod: no credentials', fix: { commands: [['duo-sso-setup', 'login', '--profile', 'prod']] } });
    sts.dateSkewSeconds = -600;
    const fail = await box.run(['doctor', '--json', '--only', 'clock']);
    expect(fail.json.checks[0]).toMatchObject({ status: 'fail', summary: 'this clock is 10 min ahead of AWS' });
    expect(fail.exitCode).toBe(1);
    sts.dateSkewSeconds = 0;
    const ok = await box.run(['doctor', '--json', '--only', 'clock']);
    expect(ok.json.checks[0].status).toBe('ok');
  });

  it('skips the clock check when STS cannot be reached', async () => {
    const box = await Sandbox.create({ env: { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' } });
    cleanups.push(() => box.cleanup());
    const r = await box.run(['doctor', '--json', '--only', 'clock,credentials']);
    expect(r.json.checks.map((c: any) => [c.id, c.status])).toEqual([['clock', 'skip'], ['credentials', 'skip']]);
  });
});

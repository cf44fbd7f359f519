// `console` end to end against the federation stand-in, which accepts only sessions the STS
// stand-in issued: the printed URL signs in as the profile, the browser opener gets it as one
// argument, and no secret shows on stdout or stderr (the URL carries only the SigninToken).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sandboxPerTest, type Sandbox } from '../support/sandbox.js';
import { StsServer } from '../support/sts-server.js';
import { FederationServer } from '../support/federation-server.js';

const sandbox = sandboxPerTest();
let sts: StsServer;
let fed: FederationServer;
beforeAll(async () => {
  sts = await StsServer.start();
  fed = await FederationServer.start(sts);
});
afterAll(async () => {
  await fed.close();
  await sts.close();
});

function issue(expiresInMs = 3600_000) {
  const keys = {
    accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: `IQoJ${randomBytes(60).toString('base64')}`,
  };
  sts.addCredentials({ ...keys, account: '123456789012', expiration: new Date(Date.now() + expiresInMs), arn: 'arn:aws:sts::123456789012:assumed-role/admin/ann@example.com', userId: 'AROAEXAMPLE:ann@example.com' });
  return keys;
}

type Keys = ReturnType<typeof issue>;

async function box(keys: Keys, env: Record<string, string> = {}): Promise<Sandbox> {
  const b = await sandbox({ env: { DUO_SSO_SETUP_FEDERATION_URL: fed.url, ...env } });
  await b.write('.aws/credentials', `[eticloud]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\naws_session_token = ${keys.sessionToken}\n\n[static]\naws_access_key_id = AKIALONGTERM0000001\naws_secret_access_key = longTermSecretNeverShown00000000000000\n`, 0o600);
  await b.write('.aws/config', '[profile eticloud]\nregion = eu-west-1\n');
  return b;
}

/** The secrets, raw and as they would look encoded in a URL. */
function leaks(text: string, keys: Keys): string[] {
  return [keys.secretAccessKey, keys.sessionToken].flatMap((s) => [s, encodeURIComponent(s)]).filter((s) => text.includes(s));
}

describe('console', () => {
  it('--print: a federation login URL with a SigninToken; the stand-in saw the profile\'s session; nothing secret printed', async () => {
    const keys = issue();
    const b = await box(keys);
    const r = await b.run(['console', '--print', '--profile', 'eticloud']);
    expect(r.exitCode, r.stderr).toBe(0);
    const url = new URL(r.stdout.trim());
    expect(r.stdout.trim()).toMatch(new RegExp(`^${fed.url.replace(/[.?]/g, '\\$&')}\\?Action=login&.*SigninToken=`));
    expect(url.searchParams.get('Destination')).toBe('https://console.aws.amazon.com/console/home?region=eu-west-1');
    expect(fed.sessions.at(-1)).toEqual({ sessionId: keys.accessKeyId, sessionKey: keys.secretAccessKey, sessionToken: keys.sessionToken });
    expect(fed.tokens.has(url.searchParams.get('SigninToken')!)).toBe(true);
    expect(leaks(r.stdout + r.stderr, keys)).toEqual([]);
    // The URL works: the stand-in signs the browser in and sends it to the console.
    const login = await fetch(url, { redirect: 'manual' });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('https://console.aws.amazon.com/console/home?region=eu-west-1');
  });

  it('--destination lands on the page asked for; a non-URL is a usage error', async () => {
    const b = await box(issue());
    const r = await b.run(['console', '--print', '-p', 'eticloud', '--destination', 'https://console.aws.amazon.com/eks/home']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(new URL(r.stdout.trim()).searchParams.get('Destination')).toBe('https://console.aws.amazon.com/eks/home');
    const bad = await b.run(['console', '--print', '-p', 'eticloud', '--destination', 'eks']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stdout).toBe('');
  });

  it('opens the browser with xdg-open, the URL as its one argument, and prints nothing on stdout', async () => {
    const keys = issue();
    const b = await box(keys, { DISPLAY: ':0' });
    const seen = join(b.root, 'xdg-open.args');
    await b.addScript('xdg-open', `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${seen}'\n`);
    const r = await b.run(['console', '-p', 'eticloud']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Opened the AWS console as eticloud in your browser.');
    const args = (await readFile(seen, 'utf8')).trim().split('\n');
    expect(args).toHaveLength(1);
    expect(args[0]).toMatch(/\?Action=login&.*SigninToken=/);
    expect(leaks(r.stderr, keys)).toEqual([]);
    expect((await b.run(['console', '-p', 'eticloud', '--json'])).json).toEqual({ opened: true });
  });

  it('no desktop to open a browser on: prints the URL and says so', async () => {
    const b = await box(issue());
    const r = await b.run(['console', '-p', 'eticloud']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Action=login/);
    expect(r.stderr).toContain('No browser to open here');
  });

  it('long-term keys, missing or expired credentials: a clear error naming login, no secret, no URL', async () => {
    const keys = issue();
    const b = await box(keys);
    const longTerm = await b.run(['console', '--print', '-p', 'static']);
    expect(longTerm.exitCode).toBe(1);
    expect(longTerm.stderr).toMatch(/long-term keys.*\n.*duo-sso-setup login/);
    expect(longTerm.stderr).not.toContain('longTermSecretNeverShown');
    const missing = await b.run(['console', '--print', '-p', 'nope']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/unknown profile 'nope'.*\n.*has no profiles.*\nOther AWS profiles: eticloud, static/);
    expect(missing.stderr).not.toContain('login --profile nope');
    sts.expire(keys.accessKeyId);
    const refused = await b.run(['console', '--print', '-p', 'eticloud']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toBe('');
    // eticloud is only in ~/.aws here: `login --profile eticloud` would fail, so it is not offered.
    expect(refused.stderr).toMatch(/did not accept the session of profile eticloud \(HTTP 400\)\n.*eticloud is not in \S+config\.json, so duo-sso does not log it in/);
    expect(refused.stderr).not.toContain('login --profile');
    expect(leaks(refused.stderr, keys)).toEqual([]);
    await b.write('.config/duo-sso/config.json', JSON.stringify({ profiles: { eticloud: { aws_account_id: '123456789012', aws_role_name: 'admin' } } }));
    const duo = await b.run(['console', '--print', '-p', 'eticloud']);
    expect(duo.stderr).toMatch(/did not accept the session of profile eticloud \(HTTP 400\)\n.*Log in: duo-sso-setup login --profile eticloud/);
  });

  it('--sso prints the organisation\'s console link; state.json overrides it', async () => {
    const b = await box(issue());
    const r = await b.run(['console', '--sso', '--print']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe('https://go2.cisco.com/aws\n');
    await b.write('.config/duo-sso-setup/state.json', JSON.stringify({ version: 1, consoleSsoUrl: 'https://sso.example.com/aws' }));
    expect((await b.run(['console', '--sso', '--print'])).stdout).toBe('https://sso.example.com/aws\n');
  });
});

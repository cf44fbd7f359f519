// `console` end to end against the federation stand-in, which accepts only sessions the STS
// stand-in issued: the printed URL signs in as the profile, the browser opener gets it as one
// argument, and no secret shows on stdout or stderr (the URL carries only the SigninToken).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { CLI, DENO, sandboxPerTest, type Runtime, type Sandbox } from '../support/sandbox.js';
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

  it('opens the browser with xdg-open through a 0600 page (removed afterwards), never the token in argv', async () => {
    const keys = issue();
    const b = await box(keys, { DISPLAY: ':0', DUO_SSO_SETUP_CONSOLE_PAGE_MS: '300' });
    const seen = join(b.root, 'xdg-open.args');
    // The stand-in browser: records its argv, the page's mode and content, and stays until the
    // scan below has seen it running (at most 10 s).
    await b.addScript('xdg-open', `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${seen}'\np=\${1#file://}\nstat -c '%a' "$p" > '${seen}.mode'\nstat -c '%a' "\${p%/*}" > '${seen}.dirmode'\ncat "$p" > '${seen}.page'\ni=0\nwhile [ ! -e '${seen}.ack' ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done\n`);
    // Every process's argv, read from /proc while console runs (the opener sleeps meanwhile).
    const argvs = new Set<string>();
    let scanning = true;
    const scan = (async () => {
      while (scanning) {
        for (const pid of await readdir('/proc').catch(() => [])) {
          if (!/^\d+$/.test(pid)) continue;
          const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
          if (cmdline) argvs.add(cmdline);
          if (cmdline.includes(join(b.bin, 'xdg-open'))) await writeFile(`${seen}.ack`, '');
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const r = await b.run(['console', '-p', 'eticloud']);
    scanning = false;
    await scan;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Opened the AWS console as eticloud in your browser.');
    const args = (await readFile(seen, 'utf8')).trim().split('\n');
    expect(args).toHaveLength(1);
    expect(args[0]).toMatch(/^file:\/\/.*\.html$/);
    expect((await readFile(`${seen}.mode`, 'utf8')).trim()).toBe('600');
    expect((await readFile(`${seen}.dirmode`, 'utf8')).trim()).toBe('700');
    // The page sends the browser on to the sign-in URL with a token the endpoint issued.
    const page = await readFile(`${seen}.page`, 'utf8');
    const refresh = /http-equiv="refresh" content="0;url=([^"]+)"/.exec(page)?.[1]?.replace(/&#38;/g, '&');
    expect(refresh).toMatch(/\?Action=login&.*SigninToken=/);
    const token = new URL(refresh!).searchParams.get('SigninToken')!;
    expect(fed.tokens.has(token)).toBe(true);
    // The opener ran while we looked, and no process's argv held the token or a key.
    expect([...argvs].some((a) => a.includes('xdg-open') || a.includes(args[0]!))).toBe(true);
    const secrets = [token, encodeURIComponent(token), keys.secretAccessKey, keys.sessionToken, encodeURIComponent(keys.sessionToken)];
    expect([...argvs].filter((a) => secrets.some((s) => a.includes(s)))).toEqual([]);
    // The page is gone once console has finished.
    expect(existsSync(fileURLToPath(args[0]!))).toBe(false);
    expect(existsSync(join(fileURLToPath(args[0]!), '..'))).toBe(false);
    expect(leaks(r.stderr, keys)).toEqual([]);
    expect((await b.run(['console', '-p', 'eticloud', '--json'])).json).toEqual({ opened: true });
  });

  it.each<Runtime>(['node', 'deno'])('under %s, Ctrl-C while the page waits for the browser removes it at once and exits 130', async (runtime) => {
    const keys = issue();
    const b = await box(keys, { DISPLAY: ':0', DUO_SSO_SETUP_CONSOLE_PAGE_MS: '60000' });
    const seen = join(b.root, 'xdg-open.args');
    await b.addScript('xdg-open', `#!/bin/sh\nprintf '%s' "$1" > '${seen}'\n`);
    const [file, ...pre] = runtime === 'node' ? [process.execPath, CLI] : [DENO, 'run', '-A', CLI];
    const child = spawn(file!, [...pre, 'console', '-p', 'eticloud'], { env: b.env, cwd: b.home, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const started = Date.now();
    while (!stderr.includes('Opened the AWS console') && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 25));
    expect(stderr).toContain('Opened the AWS console');
    const page = fileURLToPath(await readFile(seen, 'utf8'));
    expect(existsSync(page)).toBe(true);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(existsSync(join(page, '..'))).toBe(false);
  });

  it('DUO_SSO_SETUP_FEDERATION_URL: plain http is refused except on loopback, before any request', async () => {
    const keys = issue();
    const before = fed.sessions.length;
    for (const url of ['http://signin.example.com/federation', 'http://10.0.0.1/federation', 'http://127.0.0.1.example.com/federation', 'http://localhost.example.com/federation', 'ftp://127.0.0.1/federation']) {
      const b = await box(keys, { DUO_SSO_SETUP_FEDERATION_URL: url });
      const r = await b.run(['console', '--print', '-p', 'eticloud']);
      expect(r.exitCode, url).toBe(2);
      expect(r.stderr).toContain('DUO_SSO_SETUP_FEDERATION_URL must be an https URL');
      expect(r.stdout).toBe('');
    }
    expect(fed.sessions.length).toBe(before);
    // The stand-in on 127.0.0.1 over http is still allowed: the other tests here use it.
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

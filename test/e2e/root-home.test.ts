// Root with another user's HOME (sudo keeping HOME, an MDM script): every command that writes
// is run as root against a real user's HOME (made with useradd), and the HOME is walked
// afterwards: the same paths, owners, modes and bytes as before, nothing root-owned. The rule
// (src/platform/root-home.ts) refuses before anything is created or any program (gpg, pass,
// duo-sso) is started there; `doctor --user NAME` is the way through (test/e2e/fleet.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sandbox, systemTool } from '../support/sandbox.js';
import { duoSsoScript } from '../support/upgrade-release-server.js';

const isRoot = process.getuid?.() === 0;

/** Every path under `dir` (links not followed) with owner, mode and a digest of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      const bytes = st.isFile() ? createHash('sha256').update(readFileSync(p)).digest('hex').slice(0, 16) : '';
      out.set(p, `${st.uid}:${st.gid} ${(st.mode & 0o7777).toString(8)} ${bytes}`);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

function rootOwned(dir: string): string[] {
  return [...snapshot(dir)].filter(([, v]) => v.startsWith('0:')).map(([p]) => p);
}

const CONFIG = {
  url: 'https://cloudsso.cisco.com', partner_spid: 'https://signin.aws.amazon.com/saml', aws_urn: 'https://signin.aws.amazon.com/saml',
  session_duration_seconds: 28800, preferred_device: 'phone1', preferred_factor: 'push', debug: false,
  profiles: { eticloud: { aws_account_id: '012345678901', aws_role_name: 'admin' } },
};

describe.runIf(isRoot && systemTool('useradd'))('root with another user\'s HOME', () => {
  const name = `dssh${process.pid}`;
  let parent: string;
  let home: string;
  let box: Sandbox;
  let duoSso: string;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'dss-roothome-'));
    await chmod(parent, 0o755);
    home = join(parent, name);
    execFileSync('useradd', ['-m', '-d', home, '-s', '/bin/sh', name]);
    // What a user's HOME has: duo-sso's config (a duration over the cap, so fix/doctor --fix
    // would write), AWS keys (migrate would move them), a shell profile (setup would edit it).
    await mkdir(join(home, '.config', 'duo-sso'), { recursive: true });
    await mkdir(join(home, '.aws'));
    await writeFile(join(home, '.config', 'duo-sso', 'config.json'), `${JSON.stringify(CONFIG, null, 2)}\n`);
    await writeFile(join(home, '.aws', 'credentials'), '[legacy]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
    await writeFile(join(home, '.aws', 'config'), '[profile legacy]\nregion = us-east-1\n');
    await writeFile(join(home, '.bashrc'), '# mine\n');
    // Made by root for brevity, then given to the user: the starting point is all theirs.
    execFileSync('chown', ['-R', `${name}:${name}`, home]);
    box = await Sandbox.create({ tools: ['gpg', 'pass', '/usr/bin/aws'] });
    duoSso = join(box.root, 'duo-sso');
    await writeFile(duoSso, duoSsoScript('3.4.1'), { mode: 0o755 });
    await box.addScript('duo-sso', duoSsoScript('3.4.1'));
    // The user's HOME, with nothing of the sandbox's pointing elsewhere.
    Object.assign(box.env, { HOME: home, USER: name });
    delete box.env.GNUPGHOME;
    delete box.env.PASSWORD_STORE_DIR;
  }, 60_000);

  afterAll(async () => {
    try { execFileSync('userdel', [name]); } catch { /* already gone */ }
    await box?.cleanup();
    await rm(parent, { recursive: true, force: true });
  });

  // Every command that writes under HOME or runs a program there (gpg, pass, duo-sso, aws).
  const WRITERS: string[][] = [
    ['config', 'init', '--yes', '--force'],
    ['config', 'add-profile', 'dev', '--account', '111111111111', '--role', 'devops', '--yes'],
    ['config', 'remove-profile', 'eticloud', '--yes'],
    ['config', 'fix', '--yes'],
    ['install', 'duo-sso', '--from', '<duo-sso>', '--yes'],
    ['setup', '--yes', '--no-login'],
    ['credentials', 'migrate', '--profile', 'legacy', '--store', 'pass', '--yes'],
    ['credentials', 'restore', '--profile', 'legacy', '--yes'],
    ['login', '--yes', '--profile', 'eticloud'],
    ['login', '--yes', '--store', 'pass'],
    ['doctor', '--fix', '--yes'],
    ['doctor'],
    ['status'],
    ['upgrade', '--yes'],
    ['exec', '--profile', 'legacy', '--', 'true'],
    ['credential-process', '--profile', 'legacy'],
  ];

  it('every command that writes refuses before any change: same paths, owners, modes and bytes, nothing root-owned', async () => {
    const before = snapshot(home);
    expect(before.size).toBeGreaterThan(5);
    const uid = lstatSync(home).uid;
    for (const args of WRITERS.map((a) => a.map((w) => (w === '<duo-sso>' ? duoSso : w)))) {
      const r = await box.run(args, { timeoutMs: 60_000 });
      expect(r.exitCode, `${args.join(' ')}: ${r.stdout}${r.stderr}`).toBe(1);
      expect(r.stderr, args.join(' ')).toContain(`refusing to run as root with HOME=${home}: ${home} belongs to another user (uid ${uid}); nothing was changed`);
      expect(r.stderr, args.join(' ')).toContain(`sudo -u '#${uid}' -H duo-sso-setup`);
      expect(snapshot(home), args.join(' ')).toEqual(before);
    }
    expect(rootOwned(home)).toEqual([]);
  }, 300_000);

  it('a HOME that does not exist yet is judged by the folder it would be made in', async () => {
    const r = await box.run(['config', 'init', '--yes'], { env: { HOME: join(home, 'not-yet') } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`${home} belongs to another user`);
    expect(snapshot(home).has(join(home, 'not-yet'))).toBe(false);
  });

  it('commands that create nothing under HOME still run (troubleshoot, completion, saml); nothing changes', async () => {
    const before = snapshot(home);
    for (const args of [['troubleshoot', 'ExpiredToken: The security token included in the request is expired'], ['completion', 'bash']]) {
      const r = await box.run(args);
      expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(snapshot(home)).toEqual(before);
  });

  it('with root\'s own HOME, GNUPGHOME, PASSWORD_STORE_DIR or AWS_CONFIG_FILE in the user\'s HOME are refused before gpg or pass runs there', async () => {
    const rootHome = join(box.root, 'root-home');
    const before = snapshot(home);
    for (const [name, value] of [['GNUPGHOME', join(home, '.gnupg')], ['PASSWORD_STORE_DIR', join(home, '.password-store')], ['AWS_CONFIG_FILE', join(home, '.aws', 'config')]] as const) {
      for (const args of [['status'], ['credentials', 'migrate', '--profile', 'legacy', '--store', 'pass', '--yes'], ['credential-process', '--profile', 'legacy']]) {
        const r = await box.run(args, { env: { HOME: rootHome, [name]: value } });
        expect(r.exitCode, `${name} ${args.join(' ')}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toContain(`refusing to run as root: ${name} (${value}) is in `);
        expect(r.stderr).toContain('which belongs to another user');
      }
    }
    expect(snapshot(home)).toEqual(before);
  });

  it('with root\'s own HOME, --config in the user\'s HOME is refused before its folders are made', async () => {
    const rootHome = join(box.root, 'root-home');
    const target = join(home, '.config', 'other', 'deeper', 'config.json');
    const before = snapshot(home);
    const r = await box.run(['--config', target, 'config', 'init', '--yes'], { env: { HOME: rootHome } });
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toContain(`refusing to run as root: duo-sso's config (${target}) is in ${join(home, '.config')}, which belongs to another user`);
    expect(snapshot(home)).toEqual(before);
  });
});

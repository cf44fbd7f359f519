// Links, owners and modes, through the real CLI: what an unprivileged user can plant in a
// HOME must not make a root run write elsewhere; what we create is never group/world-writable
// whatever the umask; bad shapes and depths in our JSON files are clean errors.
import { execFileSync } from 'node:child_process';
import { chown, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, sandboxPerTest, type Sandbox } from '../support/sandbox.js';
import { duoSsoScript, startReleaseServer } from '../support/upgrade-release-server.js';

const sandbox = sandboxPerTest();
const CONFIG = '.config/duo-sso/config.json';
const STATE = '.config/duo-sso-setup/state.json';
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Every path under `dir` (not following links) with its mode. */
async function walk(dir: string): Promise<{ path: string; mode: number; link: boolean }[]> {
  const out: { path: string; mode: number; link: boolean }[] = [];
  for (const name of await readdir(dir)) {
    const p = join(dir, name);
    const info = await lstat(p);
    out.push({ path: p, mode: info.mode & 0o777, link: info.isSymbolicLink() });
    if (info.isDirectory()) out.push(...(await walk(p)));
  }
  return out;
}

function runUnderUmask(box: Sandbox, umask: string, args: string[]) {
  return box.exec('/bin/sh', ['-c', `umask ${umask}; exec "$@"`, 'sh', process.execPath, CLI, ...args]);
}

describe('under umask 000', () => {
  it('nothing we create is group- or world-writable (install duo-sso, config, state), and doctor agrees', async () => {
    const box = await sandbox();
    const file = join(box.root, 'duo-sso');
    await writeFile(file, duoSsoScript('3.4.1'), { mode: 0o755 });
    await box.write('.bashrc', '# mine\n', 0o644);
    const before = new Set((await walk(box.home)).map((e) => e.path));
    for (const args of [
      ['install', 'duo-sso', '--from', file, '--yes'],
      ['config', 'init', '--yes'],
      ['config', 'add-profile', 'prod', '--account', '012345678901', '--role', 'admin', '--production', '--yes'],
    ]) {
      const r = await runUnderUmask(box, '000', args);
      expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const created = (await walk(box.home)).filter((e) => !before.has(e.path) && !e.link);
    expect(created.map((e) => e.path)).toEqual(expect.arrayContaining([box.path('.local/bin/duo-sso'), box.path(CONFIG), box.path(STATE)]));
    expect(created.filter((e) => e.mode & 0o022).map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
    expect(await box.mode('.local/bin')).toBe(0o755);
    expect(await box.mode('.local')).toBe(0o755);
    expect(await box.mode('.config/duo-sso')).toBe(0o700);
    const doctor = await box.run(['doctor', '--json', '--only', 'permissions']);
    expect(doctor.json.checks[0]).toMatchObject({ id: 'permissions', status: 'ok' });
  });
});

describe('doctor permissions', () => {
  it('warns on a 0644 credentials file and a 0666 config.json and a 0777 config folder, and --fix takes the access away', async () => {
    const box = await sandbox();
    await box.run(['config', 'init', '--yes']);
    await box.write('.aws/credentials', '[dev]\naws_access_key_id = AKIAEXAMPLE\n', 0o644);
    execFileSync('chmod', ['0666', box.path(CONFIG)]);
    execFileSync('chmod', ['0777', box.path('.config/duo-sso')]);
    const r = await box.run(['doctor', '--json', '--only', 'permissions']);
    expect(r.json.checks[0]).toMatchObject({ id: 'permissions', status: 'warn' });
    const details = r.json.checks[0].details.join('\n');
    expect(details).toContain(`${box.path('.aws/credentials')} is 0644: every user can read the keys in it`);
    expect(details).toContain(`${box.path(CONFIG)} is 0666: every user can change it`);
    expect(details).toContain(`${box.path('.config/duo-sso')} is 0777: every user can change what is in it`);
    const fixed = await box.run(['doctor', '--fix', '--yes', '--json', '--only', 'permissions']);
    expect(fixed.json.checks[0]).toMatchObject({ status: 'ok' });
    expect(await box.mode('.aws/credentials')).toBe(0o600);
    expect(await box.mode(CONFIG)).toBe(0o644);
    expect(await box.mode('.config/duo-sso')).toBe(0o755);
  });
});

describe.runIf(isRoot)('run as root', () => {
  it('a state.json symlink planted by another user to a root-owned file survives a root doctor unchanged', async () => {
    const server = await startReleaseServer({ version: '3.5.0', assets: {} });
    try {
      const box = await sandbox({ scripts: { 'duo-sso': duoSsoScript('3.4.1') }, env: { DUO_SSO_RELEASE_URL: server.folder } });
      const victim = join(box.root, 'etc-something');
      await writeFile(victim, 'root: important\n', { mode: 0o644 });
      await mkdir(box.path('.config/duo-sso-setup'), { recursive: true });
      await symlink(victim, box.path(STATE));
      execFileSync('chown', ['-h', `${NOBODY}:${NOBODY}`, box.path(STATE)]);
      const r = await box.run(['doctor', '--json']);
      expect(r.stderr).not.toMatch(/This is a bug/);
      expect(await readFile(victim, 'utf8')).toBe('root: important\n');
      expect((await stat(victim)).uid).toBe(0);
      expect((await readdir(box.root)).filter((n) => n.startsWith('etc-something.'))).toEqual([]);
      // The doctor did write its version cache: into a fresh file of its own.
      expect((await lstat(box.path(STATE))).isFile()).toBe(true);
      expect(JSON.parse(await box.read(STATE)).latestVersions).toBeDefined();
    } finally {
      await server.close();
    }
  });

  it('with HOME belonging to another user, writes are refused and nothing of theirs becomes root\'s', async () => {
    const box = await sandbox();
    await box.run(['config', 'init', '--yes']);
    const before = await box.read(CONFIG);
    execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, box.home]);
    const r = await box.run(['config', 'add-profile', 'dev', '--account', '012345678901', '--role', 'admin', '--yes']);
    expect(r.exitCode).toBe(1);
    // Refused at the command gate, before any folder, lock or temp file (src/platform/root-home.ts).
    expect(r.stderr).toMatch(/refusing to run as root with HOME=.*: .* belongs to another user \(uid 65534\); nothing was changed/);
    expect(r.stderr).toMatch(/Run duo-sso-setup as that user, without sudo/);
    expect(await box.read(CONFIG)).toBe(before);
    const rootOwned = [];
    for (const e of await walk(box.home)) if ((await lstat(e.path)).uid === 0) rootOwned.push(e.path);
    expect(rootOwned).toEqual([]);
  });

  it('a rewrite keeps the file\'s owner and group (config.json\'s mode is tightened to 0600 on purpose)', async () => {
    const box = await sandbox();
    await box.run(['config', 'init', '--yes']);
    await chown(box.path(CONFIG), 0, NOBODY);
    execFileSync('chmod', ['0640', box.path(CONFIG)]);
    const r = await box.run(['config', 'add-profile', 'dev', '--account', '012345678901', '--role', 'admin', '--yes']);
    expect(r.exitCode, r.stderr).toBe(0);
    const info = await stat(box.path(CONFIG));
    expect([info.uid, info.gid, info.mode & 0o777]).toEqual([0, NOBODY, 0o600]);
  });
});

describe('config.json of the wrong shape or depth', () => {
  it.each([
    ['"profiles": []', /config\.json:2:15: "profiles" is an array, not an object of named profiles \(an empty one is \{\}\); left unchanged/],
    ['"profiles": null', /config\.json:2:15: "profiles" is null/],
    ['"profiles": {"dev": 5}', /config\.json:2:23: profile "dev" is a number, not an object/],
  ])('add-profile with %s: a clean error at file:line:col, exit 1, file untouched', async (shape, message) => {
    const box = await sandbox();
    const text = `{\n  ${shape}\n}\n`;
    await box.write(CONFIG, text, 0o600);
    const r = await box.run(['config', 'add-profile', 'zz', '--account', '012345678901', '--role', 'admin', '--yes']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/unexpected error|This is a bug/);
    expect(await box.read(CONFIG)).toBe(text);
  });

  it('nested 5000 deep: validate, doctor and add-profile report it at its position, no "This is a bug"', async () => {
    const box = await sandbox();
    const text = `{"profiles": ${'['.repeat(5000)}${']'.repeat(5000)}}\n`;
    await box.write(CONFIG, text, 0o600);
    await box.write(STATE, `{"x": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}\n`, 0o600);
    for (const args of [['config', 'validate'], ['config', 'add-profile', 'zz', '--account', '012345678901', '--role', 'admin', '--yes'], ['status'], ['doctor', '--only', 'config,profiles']]) {
      const r = await box.run(args);
      expect(r.stderr + r.stdout, args.join(' ')).not.toMatch(/unexpected error|This is a bug|Maximum call stack/);
      expect(r.exitCode, args.join(' ')).toBe(1);
    }
    const v = await box.run(['config', 'validate']);
    expect(v.stdout + v.stderr).toMatch(/config\.json:1:\d+: nested more than 64 levels deep/);
    expect(await box.read(CONFIG)).toBe(text);
  });
});

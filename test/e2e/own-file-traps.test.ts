// Our own files as traps: a named pipe or a symlink (to a file outside our folders) planted at
// every name we read or write under our state and cache folders, the names taken from the
// code's own path helpers. Every command that touches them finishes within its timeout with a
// clear error naming the file (or goes on without it), SIGTERM still works, the link's target
// is never written, and each secret stays in exactly one place.
// Default: a sample of (name, kind) pairs plus the ones the review hit; TRAPS_ALL=1 runs all.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CLI, Sandbox, systemTool, type RunOutput } from '../support/sandbox.js';
import { renewalDueMachine } from '../support/renewal-due.js';
import { resolvePaths } from '../../src/platform/paths.js';
import { profileLockPath } from '../../src/credentials/profile-lock.js';
import { journalPath } from '../../src/credentials/journal.js';
import { renewFiles } from '../../src/credentials/renew.js';
import { backupName } from '../../src/fs/safe-write.js';
import { logDir } from '../../src/login/run-log.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
/** Long enough for a real run on a busy 2-core machine, far below "for ever". */
const RUN_TIMEOUT_MS = 40_000;

function now(box: Sandbox, args: string[]): Promise<RunOutput> {
  return box.exec(systemTool('setsid')!, ['--wait', process.execPath, CLI, ...args], { timeoutMs: RUN_TIMEOUT_MS });
}

/**
 * eticloud: session keys in pass from a login 55 minutes ago (renewal due; duo-sso now fails,
 * so every credential-process tries a renewal, fails and writes its failure marker).
 * legacy: long-term keys in ~/.aws/credentials, for migrate and restore.
 */
async function machine() {
  const { box } = await renewalDueMachine(cleanups);
  await box.addScript('duo-sso', '#!/bin/sh\necho "Error: the Duo push was denied" >&2\nexit 1\n');
  const creds = await box.read('.aws/credentials');
  await box.write('.aws/credentials', `${creds}\n[legacy]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`, 0o600);
  return { box, paths: resolvePaths(box.env) };
}

/** Every file name we read or write under our folders, from the code's own helpers. */
function trapNames(paths: ReturnType<typeof resolvePaths>): string[] {
  const names = [paths.stateFile, `${paths.stateFile}.lock`];
  for (const p of ['eticloud', 'legacy']) names.push(`${profileLockPath(paths, p)}.lock`, journalPath(paths, p), `${journalPath(paths, p)}.lock`);
  const renew = renewFiles(paths.stateDir, 'eticloud');
  names.push(renew.failed, `${renew.lock}.lock`);
  names.push(backupName(paths.awsCredentials, new Date(Date.UTC(2020, 0, 1))));
  names.push(join(logDir(paths), '2020-01-01T00-00-00-000Z-1.json'));
  return names;
}

const COMMANDS: string[][] = [
  ['credential-process', '--profile', 'eticloud'],
  ['doctor', '--json', '--only', 'secret-store,credentials'],
  ['status', '--json'],
  ['credentials', 'migrate', '--profile', 'legacy', '--store', 'pass', '--yes'],
  ['credentials', 'restore', '--profile', 'legacy', '--yes'],
];

/** legacy's keys: in the credentials file, or in pass, never both and never neither. */
async function legacyInOnePlace(box: Sandbox): Promise<string> {
  const inFile = (await box.read('.aws/credentials')).includes(SECRET);
  const entry = box.path('.password-store/duo-sso-setup/aws/legacy.gpg');
  const inStore = existsSync(entry);
  expect({ inFile, inStore }, 'legacy keys in exactly one place').toSatisfy((v: { inFile: boolean; inStore: boolean }) => v.inFile !== v.inStore);
  return inFile ? 'file' : 'store';
}

describe.runIf(systemTool('faketime') && systemTool('setsid') && systemTool('mkfifo'))('our own files as traps', () => {
  it('a pipe or a link at every name we use: every command finishes in time, the target is never written, secrets stay in one place', async () => {
    const { box, paths } = await machine();
    const victim = join(box.root, 'victim.txt');
    await writeFile(victim, 'not yours\n');
    const victimAt = (await stat(victim)).mtimeMs;
    const state = await box.read('.config/duo-sso-setup/state.json');
    // The store each profile is in is known before any trap (the store entry's path is pass's own).
    expect(await legacyInOnePlace(box)).toBe('file');

    const all = trapNames(paths).flatMap((name) => (['fifo', 'link'] as const).map((kind) => ({ name, kind })));
    const must = all.filter((t) => t.name === renewFiles(paths.stateDir, 'eticloud').failed || t.name === journalPath(paths, 'legacy'));
    const rest = all.filter((t) => !must.includes(t)).sort(() => Math.random() - 0.5);
    const chosen = process.env.TRAPS_ALL ? all : [...must, ...rest.slice(0, 4)];
    const timings: string[] = [];
    let refusedByName = 0;
    for (const { name, kind } of chosen) {
      await rm(name, { force: true });
      await mkdir(dirname(name), { recursive: true, mode: 0o700 });
      if (kind === 'fifo') execFileSync('mkfifo', ['-m', '600', name]);
      else await symlink(victim, name);
      for (const args of COMMANDS) {
        const t0 = Date.now();
        const r = await now(box, args);
        timings.push(`${Date.now() - t0}ms ${kind} ${name.slice(box.home.length)} ${args[0]}`);
        const label = `${kind} at ${name}: ${args.join(' ')}\n${r.stderr}`;
        expect(r.exitCode, label).not.toBeNull();
        expect(r.stderr, label).not.toMatch(/This is a bug|unexpected error/);
        // Refused by name, with the fix; moved aside (state.json); or went on without it (a cache).
        if (r.stderr.includes(name) && /named pipe|symbolic link/.test(r.stderr)) {
          refusedByName++;
          expect(r.stderr, label).toMatch(/remove it|Move it aside|rm |moved it to/);
        }
        expect(await readFile(victim, 'utf8'), label).toBe('not yours\n');
        expect((await stat(victim)).mtimeMs, label).toBe(victimAt);
        await legacyInOnePlace(box);
      }
      // What was planted is still there, or gone (pruned), or moved aside for a fresh file of ours.
      const left = lstatSync(name, { throwIfNoEntry: false });
      if (left) expect(left.isFIFO() || left.isSymbolicLink() || left.isFile(), name).toBe(true);
      await rm(name, { force: true });
      // The next trap starts from the same state (a damaged state.json is moved aside and restarted).
      await writeFile(paths.stateFile, state, { mode: 0o600 });
    }
    if (process.env.TRAPS_VERBOSE) process.stdout.write(`${timings.join('\n')}\n`);
    // The refusal-with-its-fix branch above was taken (the renewal marker and the journal are
    // always among the chosen traps, and they are refused by name), so it was checked at all.
    expect(refusedByName).toBeGreaterThan(0);
  }, 900_000);

  it('a pipe at the renewal marker: credential-process says which file and how to fix it, and SIGTERM stops it at any time', async () => {
    const { box, paths } = await machine();
    const failed = renewFiles(paths.stateDir, 'eticloud').failed;
    await mkdir(dirname(failed), { recursive: true });
    execFileSync('mkfifo', [failed]);
    const r = await now(box, ['credential-process', '--profile', 'eticloud']);
    // The keys still have minutes left: they are served (a renewal problem never blocks valid
    // keys, docs/renewal.md), and the refusal is said by name with its fix.
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.json.AccessKeyId).toMatch(/^ASIA/);
    expect(r.stderr).toContain(`${failed}: it is a named pipe, not a regular file; duo-sso-setup keeps its own data there and will not use it: remove it (rm '${failed}')`);
    // SIGTERM at some point of the run: the process is gone within seconds, never stuck in a read.
    for (const after of [150, 600]) {
      const child = spawn(process.execPath, [CLI, 'credential-process', '--profile', 'eticloud'], { env: box.env, stdio: 'ignore', detached: true });
      const exited = new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
      await new Promise((res) => setTimeout(res, after));
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'hung'>((res) => setTimeout(() => res('hung'), 10_000))]);
      if (code === 'hung') process.kill(-child.pid!, 'SIGKILL');
      expect(code, `SIGTERM after ${after} ms`).not.toBe('hung');
    }
    expect(lstatSync(failed).isFIFO()).toBe(true);
  }, 300_000);

  it('a link at the renewal marker is refused, and the file it points to is not overwritten', async () => {
    const { box, paths } = await machine();
    const failed = renewFiles(paths.stateDir, 'eticloud').failed;
    const victim = join(box.root, 'victim.txt');
    await writeFile(victim, 'not yours\n');
    await mkdir(dirname(failed), { recursive: true });
    await symlink(victim, failed);
    const r = await now(box, ['credential-process', '--profile', 'eticloud']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${failed}: it is a symbolic link`);
    expect(r.stderr).toContain('remove it');
    expect(r.json.AccessKeyId).toMatch(/^ASIA/);
    expect(await readFile(victim, 'utf8')).toBe('not yours\n');
  }, 300_000);
});

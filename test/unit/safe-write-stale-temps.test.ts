// A writer killed with kill -9 leaves its temporary file (the next content of, say,
// ~/.aws/credentials, keys included). The next write of *any* file in that folder removes
// such files once their writer is gone; a live writer's temporary file is left alone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safeWrite } from '../../src/fs/safe-write.js';
import { DENO, REPO } from '../support/sandbox.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function folder(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'stale-temps-'));
  dirs.push(d);
  return d;
}

const temps = async (dir: string) => (await readdir(dir)).filter((n) => n.includes('.tmp-')).sort();

/** A pid that is surely not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const c = spawn('true');
  await new Promise((r) => c.on('exit', r));
  return c.pid!;
}

describe('stale temporary files of a killed writer', () => {
  it('are removed by the next write in the folder; a live writer\'s and other names are kept', async () => {
    const dir = await folder();
    const dead = await deadPid();
    const sleeper = spawn('sleep', ['30']);
    children.push(sleeper);
    await writeFile(join(dir, `.credentials.tmp-${dead}-0badc0de`), 'aws_secret_access_key = x');
    await writeFile(join(dir, `.credentials.2026-01-01T00-00-00-000Z.bak.tmp-${dead}-12345678`), 'old keys');
    await writeFile(join(dir, `.config.tmp-${sleeper.pid}-abcdef01`), 'being written');
    await writeFile(join(dir, 'notes.tmp-1-abcdef01'), 'not ours: no leading dot');
    await writeFile(join(dir, `.x.tmp-${dead}-NOTHEX!!`), 'not ours: not our name');
    await writeFile(join(dir, `notes.txt.tmp-${dead}-abcdef01`), 'not ours: no leading dot');
    await safeWrite(join(dir, 'other'), 'new');
    expect(await temps(dir)).toEqual([`.config.tmp-${sleeper.pid}-abcdef01`, `.x.tmp-${dead}-NOTHEX!!`, 'notes.tmp-1-abcdef01', `notes.txt.tmp-${dead}-abcdef01`].sort());
  });

  it('a writer that may not be signalled (EPERM: another user\'s process) is alive, its temporary file kept; only ESRCH means gone', async () => {
    const dir = await folder();
    const [theirs, gone] = [await deadPid(), await deadPid()];
    await writeFile(join(dir, `.config.tmp-${theirs}-abcdef01`), 'being written');
    await writeFile(join(dir, `.config.tmp-${gone}-abcdef02`), 'left by a killed writer');
    const realKill = process.kill.bind(process);
    const kill = vi.spyOn(process, 'kill').mockImplementation((pid, signal) => {
      if (pid === theirs) throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
      return realKill(pid, signal);
    });
    try {
      await safeWrite(join(dir, 'other'), 'new');
    } finally {
      kill.mockRestore();
    }
    expect(await temps(dir)).toEqual([`.config.tmp-${theirs}-abcdef01`]);
  });

  it.runIf(process.geteuid?.() === 0)('for a user who is not root, only that user\'s temporary files are removed', async () => {
    const dir = await folder();
    const dead = await deadPid();
    await writeFile(join(dir, `.config.tmp-${dead}-abcdef01`), 'the user\'s keys');
    await chown(join(dir, `.config.tmp-${dead}-abcdef01`), 1000, 1000);
    await writeFile(join(dir, `.config.tmp-${dead}-abcdef02`), 'root\'s');
    const euid = vi.spyOn(process, 'geteuid').mockReturnValue(1000);
    try {
      await safeWrite(join(dir, 'other'), 'new');
    } finally {
      euid.mockRestore();
    }
    expect(await temps(dir)).toEqual([`.config.tmp-${dead}-abcdef02`]);
  });

  it('kill -9 during real writes: whatever is left is gone after the next write of another file', async () => {
    const rounds = Number(process.env.STALE_TEMP_ROUNDS ?? 6);
    const dir = await folder();
    const writer = join(dir, 'writer.ts');
    // Writes ~/.aws/credentials-sized files of 8 MB in a loop through the real safeWrite, until killed.
    await writeFile(writer, `import { safeWrite } from ${JSON.stringify(join(REPO, 'src/fs/safe-write.ts'))};\nconst big = 'aws_secret_access_key = x\\n'.repeat(320_000);\nfor (let i = 0; ; i++) {\n  console.log('writing');\n  await safeWrite(${JSON.stringify(join(dir, 'credentials'))}, big + i, { backup: i % 2 === 0 });\n}\n`);
    let leftBehind = 0;
    // At least `rounds`, and on until a kill has landed mid-write.
    let round = 0;
    for (; round < rounds || (leftBehind === 0 && round < 60); round++) {
      const child = spawn(DENO, ['run', '-A', '--no-lock', '--config', join(REPO, 'deno.json'), writer], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(child);
      await new Promise<void>((r, reject) => {
        child.stdout!.once('data', () => r());
        child.once('exit', (code) => reject(new Error(`the writer exited (${code}) before it started`)));
      });
      // Killed as soon as its temporary file shows (the 8 MB write and fsync are still going),
      // or after a random moment, whichever comes first.
      const until = Date.now() + 20 + Math.floor(Math.random() * 400);
      while (Date.now() < until && (await temps(dir)).length === 0) await new Promise((r) => setImmediate(r));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      // Leftovers of credentials' write may be there now.
      if ((await temps(dir)).length > 0) leftBehind++;
      await safeWrite(join(dir, 'config'), `round ${round}\n`);
      expect(await temps(dir), `round ${round}`).toEqual([]);
    }
    if (process.env.STALE_TEMP_ROUNDS) process.stdout.write(`kill -9 rounds: ${round}, rounds that left a temporary file: ${leftBehind}, left after the next write: 0\n`);
    // The test saw the case it is about at least once (a kill mid-write).
    expect(leftBehind).toBeGreaterThan(0);
  }, 120_000);
});

// Locks that survive crashes and races, through the real CLI: a lock left by a process that
// died (kill -9, or a Ctrl-C whose process.exit skipped `finally`) must be broken by exactly
// one of two runs that meet it. Before, both broke it, one removing the other's fresh lock,
// and 13 of 200 rounds lost an update while both runs said "added profile".
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxPerTest, type Sandbox } from '../support/sandbox.js';

const sandbox = sandboxPerTest();

const CONFIG = '.config/duo-sso/config.json';
const ROUNDS = Number(process.env.LOCK_ROUNDS ?? 200);
/** Rounds run side by side: each is its own HOME, so this only saves wall-clock time. */
const PARALLEL = 8;

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  const r = spawnSync('/bin/true');
  return r.pid!;
}

/** One round in its own HOME inside the sandbox (a whole sandbox per round costs more than the round). */
async function round(box: Sandbox, i: number): Promise<string[]> {
  const home = await mkdtemp(join(box.root, 'round-'));
  const config = join(home, CONFIG);
  await mkdir(dirname(config), { recursive: true });
  await writeFile(config, '{\n  "profiles": {}\n}\n', { mode: 0o600 });
  // An older version's lock (a bare pid) on odd rounds, ours on even ones: both are stale.
  const pid = deadPid();
  const lock = i % 2 || process.env.LOCK_LEGACY ? String(pid) : JSON.stringify({ pid, host: hostname(), token: 'deadbeefdeadbeef' });
  await writeFile(`${config}.lock`, lock);
  const runs = await Promise.all(['a', 'b'].map((n, k) => box.run(['config', 'add-profile', n, '--account', `10000000000${k}`, '--role', 'admin', '--yes'], { env: { HOME: home }, timeoutMs: 120_000 })));
  const problems: string[] = [];
  runs.forEach((r, k) => {
    if (r.exitCode !== 0) problems.push(`round ${i}: run ${k} exit ${r.exitCode}: ${r.stderr}`);
  });
  const profiles = Object.keys(JSON.parse(await readFile(config, 'utf8')).profiles).sort();
  if (profiles.join() !== 'a,b') problems.push(`round ${i}: lost an update, profiles are [${profiles.join(', ')}]`);
  const left = (await readdir(dirname(config))).filter((n) => n.includes('.lock'));
  if (left.length) problems.push(`round ${i}: left behind ${left.join(', ')}`);
  return problems;
}

describe('config add-profile with a stale lock present', () => {
  it(`${ROUNDS} rounds of two concurrent runs: exactly one breaks the stale lock, no update is lost, no lock left`, async () => {
    const box = await sandbox();
    const problems: string[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: PARALLEL }, async () => {
      while (next < ROUNDS) problems.push(...(await round(box, next++)));
    }));
    expect(problems).toEqual([]);
  }, 600_000);
});

// Timeouts hold for wrapper tools: a `#!/bin/sh` stand-in whose `sleep` child keeps the pipes
// open is stopped with its whole process group, and the run returns instead of waiting for the
// pipes (issue 15: pass around gpg was still running at 400 s with a 120 s timeout).
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner } from '../../src/platform/process.js';
import { spawnExec } from '../../src/secrets/spawn-exec.js';
import { settledLeftovers } from '../support/pty.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A wrapper whose child ignores SIGTERM and holds stdout/stderr, marked by a unique sleep length. */
async function hangingWrapper(opts: { ignoreTerm?: boolean } = {}): Promise<{ path: string; marker: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'duo-sso-setup-hang-'));
  dirs.push(dir);
  const marker = `0.${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const trap = opts.ignoreTerm ? "trap '' TERM\n" : '';
  const path = join(dir, 'wrapper');
  await writeFile(path, `#!/bin/sh\n${trap}echo started\nsleep 300 ${marker}\necho never\n`, { mode: 0o755 });
  return { path, marker };
}

// Generous margins: the machine is loaded. Without the group kill these runs last 300 s.
const LIMIT_MS = 15_000;

describe('the runner stops a wrapper and its children on timeout', () => {
  for (const ignoreTerm of [false, true]) {
    it(`the whole group goes and the result comes back (child ${ignoreTerm ? 'ignores' : 'obeys'} SIGTERM)`, async () => {
      const { path, marker } = await hangingWrapper({ ignoreTerm });
      const runner = createRunner({ env: { PATH: process.env.PATH } });
      const t0 = Date.now();
      const r = await runner.run(path, [], { timeoutMs: 1000 });
      expect(Date.now() - t0).toBeLessThan(LIMIT_MS);
      expect(r.timedOut).toBe(true);
      expect(r.stdout).toContain('started');
      expect(await settledLeftovers(marker)).toEqual([]);
    }, 30_000);
  }

  it('a wrapper that exits but leaves a child holding the pipes does not keep us waiting', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'duo-sso-setup-hang-'));
    dirs.push(dir);
    const marker = `0.${Date.now()}7`;
    const path = join(dir, 'forks');
    await writeFile(path, `#!/bin/sh\nsleep 300 ${marker} &\necho ok\nexit 0\n`, { mode: 0o755 });
    const runner = createRunner({ env: { PATH: process.env.PATH } });
    const t0 = Date.now();
    const r = await runner.run(path, [], { timeoutMs: 60_000 });
    expect(Date.now() - t0).toBeLessThan(LIMIT_MS);
    expect(r).toMatchObject({ exitCode: 0, timedOut: false });
    expect(r.stdout).toBe('ok\n');
    expect(await settledLeftovers(marker)).toEqual([]);
  }, 30_000);
});

describe('the credential-process spawn stops a wrapper and its children on timeout', () => {
  it('pass around a hanging gpg: the group goes, the result says timed out', async () => {
    const { path, marker } = await hangingWrapper({ ignoreTerm: true });
    const t0 = Date.now();
    const r = await spawnExec(path, [], { timeoutMs: 1000 });
    expect(Date.now() - t0).toBeLessThan(LIMIT_MS);
    expect(r.timedOut).toBe(true);
    expect(await settledLeftovers(marker)).toEqual([]);
  }, 30_000);
});

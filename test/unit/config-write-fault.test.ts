// Fault injection: a child process rewrites config.json through safeWrite in a loop and is
// SIGKILLed at random moments. Whatever the moment, the file must be one complete version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { safeWrite } from '../../src/fs/safe-write.js';

let dir: string;
let writer: string;

// Two large, different, valid configs so a kill has a wide window to land mid-write.
const version = (n: number) => `${JSON.stringify({ session_duration_seconds: 3600, generation: n, padding: String(n).repeat(200_000) }, null, 2)}\n`;
const VERSIONS = [version(1), version(2)];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'config-fault-'));
  writer = join(dir, 'writer.mjs');
  // The real safe-write module, bundled so a plain `node` child can run it.
  await writeFile(join(dir, 'writer-src.ts'), `
    import { safeWrite } from ${JSON.stringify(resolve('src/fs/safe-write.ts'))};
    const [target, a, b] = process.argv.slice(2);
    const { readFileSync } = await import('node:fs');
    const contents = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
    process.stdout.write('ready\\n');
    for (let i = 0; ; i++) await safeWrite(target, contents[i % 2], { mode: 0o600 });
  `);
  await build({ entryPoints: [join(dir, 'writer-src.ts')], outfile: writer, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
  await writeFile(join(dir, 'a.json'), VERSIONS[0]!);
  await writeFile(join(dir, 'b.json'), VERSIONS[1]!);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runAndKill(target: string, delayMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [writer, target, join(dir, 'a.json'), join(dir, 'b.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', fail);
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', () => done());
  });
}

describe('safeWrite under SIGKILL', () => {
  it('leaves the old or the new file complete, never a mix, and the next write recovers the lock', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 120 }), async (delayMs) => {
      const target = join(dir, `config-${n++}.json`);
      await writeFile(target, VERSIONS[0]!);
      await runAndKill(target, delayMs);
      const content = await readFile(target, 'utf8');
      expect(VERSIONS.includes(content), `content after a kill at ${delayMs} ms is ${content.length} bytes`).toBe(true);
      // A lock left by the killed writer names a dead pid: the next writer takes over.
      await safeWrite(target, VERSIONS[1]!, { backup: false });
      expect(await readFile(target, 'utf8')).toBe(VERSIONS[1]);
    }), { numRuns: 25 });
    // Backups are complete copies too. Each writer that got as far as its second write (the
    // first writes what the file already holds) backed the old version up: with kills up to
    // 120 ms after start over 25 runs, some did.
    const backups = (await readdir(dir)).filter((f) => f.endsWith('.bak'));
    expect(backups.length).toBeGreaterThan(0);
    for (const name of backups) expect(VERSIONS).toContain(await readFile(join(dir, name), 'utf8'));
    // The next write under the lock removed the temporary files the killed writers left.
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 120_000);
});

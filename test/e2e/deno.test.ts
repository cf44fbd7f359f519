// Deno as a first-class runtime (issue 11 Build 6): `deno run -A src/cli.ts …` (no build) and
// `node dist/cli.js …` give the same output and exit codes: version, help, the credential-process
// fast path, usage errors, and doctor --json's document shape.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DENO, REPO, type Sandbox, sandboxPerTest } from '../support/sandbox.js';

const sandbox = sandboxPerTest();
const SOURCE = join(REPO, 'src', 'cli.ts');

const fromSource = (box: Sandbox, args: string[]) => box.exec(DENO, ['run', '-A', SOURCE, ...args]);
const built = (box: Sandbox, args: string[]) => box.run(args, { runtime: 'node' });

/** The shape of a JSON document: every key and the type at it, arrays by the union of their items. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return [...new Set(value.map((v) => JSON.stringify(shape(v))))].sort();
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shape((value as Record<string, unknown>)[k])]));
  }
  return value === null ? 'null' : typeof value;
}

describe('deno run -A src/cli.ts behaves like node dist/cli.js', () => {
  for (const args of [['--version'], ['-V'], ['--help'], ['credential-process'], ['credential-process', '--profile', 'dev'], ['nosuch'], ['help', 'config', 'init']]) {
    it(`${args.join(' ')}: same stdout, stderr and exit code`, async () => {
      const box = await sandbox();
      const [deno, node] = await Promise.all([fromSource(box, args), built(box, args)]);
      expect(deno.stderr).not.toMatch(/is not defined|Module not found|Uncaught/);
      expect({ code: deno.exitCode, stdout: deno.stdout, stderr: deno.stderr }).toEqual({ code: node.exitCode, stdout: node.stdout, stderr: node.stderr });
    }, 60_000);
  }

  it('doctor --json: the same document shape, check list and exit code', async () => {
    const box = await sandbox();
    const [deno, node] = await Promise.all([fromSource(box, ['doctor', '--json']), built(box, ['doctor', '--json'])]);
    expect(deno.json, deno.stderr).toBeDefined();
    expect(deno.exitCode).toBe(node.exitCode);
    expect(deno.json.checks.map((c: { id: string }) => c.id)).toEqual(node.json.checks.map((c: { id: string }) => c.id));
    expect(shape(deno.json)).toEqual(shape(node.json));
  }, 90_000);
});

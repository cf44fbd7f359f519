import { describe, expect, it } from 'vitest';
import { runTroubleshoot } from '../../src/knowledge/troubleshoot.js';
import { runSamlInspect } from '../../src/saml/inspect.js';
import { UserError } from '../../src/errors.js';
import { buildSaml } from '../support/saml-builder.js';

function fakeCtx(opts: { json?: boolean; stdinIsTTY?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    ctx: {
      io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), stdinIsTTY: opts.stdinIsTTY ?? false, stdoutIsTTY: false, stderrIsTTY: false },
      options: { json: Boolean(opts.json), yes: false, dryRun: false, verbose: false, color: false },
      style: { color: false, unicode: false },
      now: () => new Date(),
    },
  };
}

async function* chunks(...parts: string[]) {
  for (const p of parts) yield Buffer.from(p);
}

describe('runTroubleshoot', () => {
  it('reads standard input when no text is given and stdin is not a terminal', async () => {
    const { ctx, out } = fakeCtx();
    const code = await runTroubleshoot(ctx, { text: [], list: false }, chunks('gpg: decryption ', 'failed: No secret key\n'));
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/^\[x\] gpg-no-secret-key: /);
    expect(out.join('')).toContain('      $ gpg --list-secret-keys --keyid-format long\n');
  });

  it('refuses to wait on a terminal for input nobody announced (usage error)', async () => {
    const { ctx } = fakeCtx({ stdinIsTTY: true });
    const error = await runTroubleshoot(ctx, { text: [], list: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
  });

  it('joins unquoted words into one message', async () => {
    const { ctx, out } = fakeCtx({ json: true });
    expect(await runTroubleshoot(ctx, { text: ['bash:', 'duo-sso:', 'command', 'not', 'found'], list: false })).toBe(0);
    expect(JSON.parse(out.join('')).diagnoses[0].id).toBe('duo-sso-not-found');
  });
});

describe('runSamlInspect', () => {
  it('is a usage error with no file and a terminal on stdin', async () => {
    const { ctx } = fakeCtx({ stdinIsTTY: true });
    const error = await runSamlInspect(ctx, { showSubject: false }).catch((e: unknown) => e);
    expect((error as UserError).exitCode).toBe(2);
  });

  it('prints exactly one JSON document', async () => {
    const { ctx, out, err } = fakeCtx({ json: true });
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'saml-'));
    try {
      await writeFile(join(dir, 'r.xml'), buildSaml());
      expect(await runSamlInspect(ctx, { file: join(dir, 'r.xml'), showSubject: false })).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!).roles).toHaveLength(1);
    expect(err).toEqual([]);
  });
});

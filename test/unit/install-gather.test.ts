// Which existing gpg key `install pass-gpg` reuses: decided from the secret key files, so a
// GnuPG 2.4 home that keeps public keys in keyboxd (no pubring.kbx) still counts.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existingGpgKey } from '../../src/install/gather.js';
import type { Runner } from '../../src/platform/process.js';

const FPR = 'C'.repeat(40);
const LISTING = `sec:u:255:22:${FPR.slice(-16)}:1700000000:::u:::scESC:::+:::ed25519:::0:\nfpr:::::::::${FPR}:\nuid:u::::1700000000::X::Ann <ann@example.com>::::::::::0:\nssb:u:255:18:BBBBBBBBBBBBBBBB:1700000000::::::e:::+:::cv25519::\nfpr:::::::::${'B'.repeat(40)}:\n`;

function machine(files: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'gather-'));
  const bin = join(root, 'bin');
  const home = join(root, 'gnupg');
  mkdirSync(bin);
  mkdirSync(home);
  // Only found on PATH; the runner below answers for it.
  writeFileSync(join(bin, 'gpg'), '#!/bin/sh\nexit 99\n', { mode: 0o755 });
  for (const f of files) {
    mkdirSync(join(home, f, '..'), { recursive: true });
    writeFileSync(join(home, f), '');
  }
  const calls: string[][] = [];
  const runner: Runner = {
    dryRun: false, recorded: [],
    async run(file, args) {
      calls.push([file, ...args]);
      return { argv: [file, ...args], exitCode: 0, stdout: LISTING, stderr: '', timedOut: false };
    },
  };
  return { ctx: { runner, env: { PATH: bin, GNUPGHOME: home }, now: () => new Date('2026-01-01') }, calls };
}

describe('existingGpgKey', () => {
  it.each([
    ['a GnuPG 2.4 keyboxd home (public-keys.d, no pubring.kbx)', ['public-keys.d/pubring.db', 'private-keys-v1.d/0123456789ABCDEF.key']],
    ['a classic home (pubring.kbx)', ['pubring.kbx', 'private-keys-v1.d/0123456789ABCDEF.key']],
  ])('%s with a secret key: the key is found', async (_what, files) => {
    const { ctx } = machine(files);
    expect(await existingGpgKey(ctx)).toBe(FPR);
  });

  it('a home without secret key files: no key, and gpg is not even asked (no keyring gets created)', async () => {
    const { ctx, calls } = machine(['pubring.kbx']);
    expect(await existingGpgKey(ctx)).toBeUndefined();
    expect(calls).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Sandbox, createGpgKey } from '../support/sandbox.js';
import { createRunner } from '../../src/platform/process.js';
import { passStore } from '../../src/secrets/pass.js';
import { spawnExec } from '../../src/secrets/spawn-exec.js';
import type { Exec } from '../../src/secrets/exec.js';

let box: Sandbox | undefined;
afterEach(async () => {
  await box?.cleanup();
  box = undefined;
});

describe('pass store against real pass and gpg', () => {
  it('round-trips through ctx.runner, and the direct gpg read (credential-process) sees the same bytes', async () => {
    box = await Sandbox.create({ tools: ['gpg', 'pass'] });
    const storeDir = join(box.home, '.password-store');
    const runner = createRunner({ env: box.env });
    const exec: Exec = (file, args, options) => runner.run(file, args, options);
    const store = passStore({ exec, storeDir });
    expect(await store.available()).toMatchObject({ ok: false, reason: expect.stringMatching(/not initialised/) });
    await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
    expect(await store.available()).toMatchObject({ ok: true });

    const secret = JSON.stringify({ Version: 1, AccessKeyId: 'ASIA', SecretAccessKey: 'a/b+c=', note: 'ünïcode' });
    await store.set('aws/dev', secret);
    expect(await store.get('aws/dev')).toBe(secret);

    // The fast path: node:child_process and gpg -d on the entry file, with the sandbox env.
    const saved = { ...process.env };
    Object.assign(process.env, box.env);
    try {
      const direct = passStore({ exec: spawnExec, storeDir, directRead: { env: box.env } });
      expect(await direct.get('aws/dev')).toBe(secret);
      expect(await direct.get('aws/nope')).toBeUndefined();
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }

    expect(await store.delete('aws/dev')).toBe(true);
    expect(await store.get('aws/dev')).toBeUndefined();
    expect(await store.delete('aws/dev')).toBe(false);
  });
});

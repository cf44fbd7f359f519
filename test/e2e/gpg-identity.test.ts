// No git identity and no --gpg-name/--gpg-email, without a terminal to ask: the gpg key is
// refused before anything runs (it used to be created as "duo-sso user").
import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import { sandboxPerTest } from '../support/sandbox.js';

const sandbox = sandboxPerTest();

describe('a new gpg key without an identity', () => {
  it('is refused with the flags to pass, and nothing is installed or created', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass'] });
    const r = await box.run(['install', 'pass-gpg', '--yes', '--no-passphrase']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/a new gpg key needs your name and email/);
    expect(r.stderr).toMatch(/--gpg-name .*--gpg-email/);
    expect(r.stderr).not.toContain('duo-sso user');
    expect(await readdir(box.path('.gnupg'))).toEqual([]);
  });
});

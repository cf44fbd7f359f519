// pass with a passphrase-protected key: the doctor tells "locked" (gpg-agent has no cached
// passphrase) from broken, gives advice that works on an empty store, says "(fixed)" only when
// the check passes again, and does not repeat the GPG_TTY advice once the profile has it.
// Real gpg, gpg-agent and pass in a sandbox.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createContext } from '../../src/context.js';
import { runDoctor } from '../../src/doctor/doctor.js';
import { result, type Check } from '../../src/check/types.js';
import { CLI, sandboxPerTest, systemTool } from '../support/sandbox.js';

const sandbox = sandboxPerTest();

describe('doctor on a pass store whose key has a passphrase', () => {
  it('says the key is locked (not broken, not deleted), with a fix that works on an empty store', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass', 'gpg-agent', 'gpgconf'] });
    const gpg = systemTool('gpg')!;
    const made = await box.exec(gpg, ['--batch', '--pinentry-mode', 'loopback', '--passphrase', 'correct horse', '--quick-gen-key', 'Ann <ann@example.com>', 'future-default', 'default', 'never']);
    expect(made.exitCode, made.stderr).toBe(0);
    const fpr = /fpr:+([0-9A-F]{40}):/.exec((await box.exec(gpg, ['--batch', '--list-secret-keys', '--with-colons'])).stdout)![1]!;
    expect((await box.exec(systemTool('pass')!, ['init', fpr])).exitCode).toBe(0);
    // A fresh agent: nothing cached.
    await box.exec(systemTool('gpgconf')!, ['--kill', 'gpg-agent']);
    const r = await box.run(['doctor', '--json', '--only', 'pass']);
    const check = r.json.checks[0];
    expect(check).toMatchObject({ status: 'warn', summary: expect.stringMatching(/your gpg key is locked \(gpg-agent has no cached passphrase\)/) });
    expect(check.fix).toMatchObject({ commands: [['duo-sso-setup', 'doctor', '--fix', '--only', 'pass']] });
    expect(check.details.join('\n')).toMatch(/No pinentry/);
    // The knowledge base names the same cause for that text, not a deleted key.
    const kb = await box.run(['troubleshoot', '--json', check.summary]);
    expect(kb.json.matches?.[0]?.id ?? kb.json.failures?.[0]?.id ?? JSON.stringify(kb.json)).toMatch(/gpg-key-locked/);
    const said = await box.run(['troubleshoot', '--json', 'gpg: public key decryption failed: No pinentry\ngpg: decryption failed: No secret key']);
    expect(JSON.stringify(said.json)).toContain('gpg-key-locked');
    expect(JSON.stringify(said.json)).not.toContain('gpg-no-secret-key');
  });
});

describe('doctor --fix', () => {
  it('shows "(fixed)" only when the re-run check passes', async () => {
    let fixed = false;
    const stubborn: Check = {
      id: 'stubborn', title: 'S',
      run: async () => (fixed ? result.warn('still not right') : result.fail('wrong', [], { description: 'repair', commands: [], automatic: true })),
      fix: async () => {
        fixed = true;
      },
    };
    let out = '';
    const ctx = createContext({ json: false, yes: true, dryRun: false, verbose: false, color: false }, { PATH: '' }, { out: (t) => void (out += t), err: () => {}, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false });
    await runDoctor(ctx, { fix: true }, [stubborn]);
    expect(out).toContain('still not right');
    expect(out).not.toContain('(fixed)');
  });
});

describe('GPG_TTY', () => {
  it.runIf(existsSync('/usr/bin/script'))('once the profile sets it, the doctor says to open a new terminal instead of adding it again', async () => {
    const box = await sandbox({ tools: ['gpg'], env: { SHELL: '/bin/bash' } });
    const gpg = systemTool('gpg')!;
    await box.exec(gpg, ['--batch', '--pinentry-mode', 'loopback', '--passphrase', '', '--quick-gen-key', 'Ann <ann@example.com>', 'future-default', 'default', 'never']);
    await box.write('.bashrc', 'export GPG_TTY=$(tty)\n');
    // A terminal (stdin is a tty) that was opened before the line was added: no GPG_TTY.
    const r = await box.exec('/usr/bin/script', ['-qec', `'${process.execPath}' '${CLI}' doctor --only gpg`, '/dev/null'], { env: { GPG_TTY: undefined } });
    expect(r.stdout).toMatch(/GPG_TTY is set by .*\.bashrc but not in this terminal/);
    expect(r.stdout).not.toMatch(/Add `export GPG_TTY/);
  });
});

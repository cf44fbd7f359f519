// issue 11 Build 5, the fix for a locked key: a gpg key WITH a passphrase, an EMPTY pass store,
// and a fresh gpg-agent (nothing cached). `doctor --fix --only pass` at a real terminal must
// unlock the key through pinentry (reading a scratch entry, so the empty store is no obstacle),
// then the re-run check passes and says "(fixed)"; a later `doctor --only pass --json` with no
// terminal passes too, because gpg-agent now has the passphrase cached.
// Real gpg, gpg-agent, pass and pinentry-curses in a sandbox; python3's pty as the terminal.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { type Runtime, sandboxPerTest, systemTool } from '../support/sandbox.js';
import { leftoverProcesses, runInPty } from '../support/pty.js';

const sandbox = sandboxPerTest();
const PINENTRY = '/usr/bin/pinentry-curses';
const PASSPHRASE = 'correct horse battery';

describe.skipIf(!existsSync(PINENTRY)).each<Runtime>(['node', 'deno'])('doctor --fix unlocks a locked gpg key under %s', (runtime) => {
  it('pinentry asks at the terminal; the check passes, shows "(fixed)", and stays ok without a terminal', async () => {
    const box = await sandbox({ tools: ['gpg', 'pass', 'gpg-agent', 'gpgconf'] });
    const gpg = systemTool('gpg')!;
    const made = await box.exec(gpg, ['--batch', '--pinentry-mode', 'loopback', '--passphrase', PASSPHRASE, '--quick-gen-key', 'Ann <ann@example.com>', 'future-default', 'default', 'never']);
    expect(made.exitCode, made.stderr).toBe(0);
    const fpr = /fpr:+([0-9A-F]{40}):/.exec((await box.exec(gpg, ['--batch', '--list-secret-keys', '--with-colons'])).stdout)![1]!;
    expect((await box.exec(systemTool('pass')!, ['init', fpr])).exitCode).toBe(0);
    await box.write('.gnupg/gpg-agent.conf', `pinentry-program ${PINENTRY}\n`, 0o600);
    // A fresh agent that reads the conf and has nothing cached.
    await box.exec(systemTool('gpgconf')!, ['--kill', 'gpg-agent']);

    // Precondition: the check really sees a locked key (not ok, not broken) on this empty store.
    const locked = await box.run(['doctor', '--json', '--only', 'pass']);
    expect(locked.json.checks[0], locked.stdout).toMatchObject({ status: 'warn', summary: expect.stringMatching(/locked/) });
    expect(await readdir(box.env.PASSWORD_STORE_DIR!)).toEqual(['.gpg-id']);

    const r = await runInPty(box, ['doctor', '--fix', '--only', 'pass'], {
      runtime,
      steps: [
        { waitFor: 'Fix pass', send: '\r' },
        // pinentry-curses' own screen (the confirmation only says "passphrase", lower case).
        { waitFor: 'Passphrase:', send: `${PASSPHRASE}\r`, delayMs: 500 },
      ],
      exitTimeoutMs: 60_000,
    });
    expect(r.missed, r.screen).toBeUndefined();
    expect(r.exitCode, r.screen).toBe(0);
    // pinentry's screen was drawn on the terminal (it is a curses screen, not our prompt).
    expect(r.raw).toMatch(/unlock the OpenPGP secret key/);
    // The passphrase typed into pinentry is never echoed back onto the screen.
    expect(r.screen).not.toContain(PASSPHRASE);
    expect(r.screen).toMatch(/✓ pass +store \S+ works \(key [0-9A-F]{40}\) \(fixed\)$/m);
    expect(r.screen).toMatch(/^1\/1 checks passed\.$/m);
    expect(r.screen).not.toMatch(/fix failed|locked \(gpg-agent/);
    expect((await leftoverProcesses(box.home)).filter((p) => /pinentry/.test(p.cmdline))).toEqual([]);
    // The user's store was not touched: the fix read a scratch entry.
    expect(await readdir(box.env.PASSWORD_STORE_DIR!)).toEqual(['.gpg-id']);

    // No terminal now: the agent has the passphrase cached, so the round trip works.
    const after = await box.run(['doctor', '--json', '--only', 'pass']);
    expect(after.exitCode, after.stdout).toBe(0);
    expect(after.json.checks[0], after.stdout).toMatchObject({ id: 'pass', status: 'ok' });
  }, 180_000);
});

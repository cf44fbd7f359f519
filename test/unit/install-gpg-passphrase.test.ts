// One passphrase: the key setup creates is protected by the passphrase typed (twice) at our
// question, handed to the real gpg on its standard input only, and the real gpg-agent holds it
// afterwards, so the store's first round trip does not ask a third time (it said "locked").
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executePlan, type ExecContext } from '../../src/install/execute.js';
import { approvePlans } from '../../src/install/approve.js';
import { newPassphrase, type Prompter } from '../../src/ui/prompt.js';
import { createRunner, type Runner } from '../../src/platform/process.js';
import { resolvePaths } from '../../src/platform/paths.js';
import type { Plan } from '../../src/install/types.js';
import { systemTool } from '../support/sandbox.js';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) {
    spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: { ...process.env, GNUPGHOME: join(home, '.gnupg') } });
    rmSync(home, { recursive: true, force: true });
  }
});

const PASSPHRASE = 'correct horse 42 staple';
const plan: Plan = {
  component: 'pass-gpg', method: 'package', summary: '', notes: [],
  steps: [{ kind: 'gpg-key', title: 'Create a gpg key', name: 'Ann', email: 'ann@example.com', passphrase: true }],
};

describe.skipIf(!systemTool('gpg'))('creating a passphrase-protected gpg key', () => {
  it('takes the passphrase once, never in any argument, and leaves the key unlocked in the agent', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gpg-passphrase-'));
    homes.push(home);
    const gnupg = join(home, '.gnupg');
    spawnSync('mkdir', ['-m', '700', gnupg]);
    const env = { PATH: '/usr/bin:/bin', HOME: home, GNUPGHOME: gnupg };
    const real = createRunner({ env });
    const argvs: string[][] = [];
    const runner: Runner = { ...real, run: (file, args, opts) => (argvs.push([file, ...args]), real.run(file, args, opts)) };
    let asked = 0;
    const ctx: ExecContext = {
      runner, env, paths: resolvePaths(env), now: () => new Date(), canPrompt: false, hasTerminal: true, isRoot: false,
      options: { json: false, yes: true, dryRun: false, verbose: false, color: false },
      io: { out: () => {}, err: () => {}, stdinIsTTY: true, stdoutIsTTY: true, stderrIsTTY: true },
      platform: { os: 'linux', arch: 'x64', distro: undefined, packageManager: 'apt', wsl: false, kernel: '6', homebrewPrefix: undefined },
      approve: async () => true,
      askPassphrase: async () => (asked++, PASSPHRASE),
    };
    const [approved] = await approvePlans({ options: ctx.options, canPrompt: false, hasTerminal: true }, [plan]);
    const out = await executePlan(ctx, approved!);
    expect(out.steps[0]).toMatchObject({ status: 'done', detail: expect.stringMatching(/^key [0-9A-F]{40}$/) });
    expect(asked).toBe(1);
    expect(argvs.flat().join(' ')).not.toContain('horse');
    // The agent holds it: a decryption that may not ask (no pinentry) succeeds.
    const sealed = spawnSync('gpg', ['--batch', '--armor', '--trust-model', 'always', '-e', '-r', 'ann@example.com'], { env, input: 'hello' });
    expect(sealed.status).toBe(0);
    const opened = spawnSync('gpg', ['--batch', '--pinentry-mode', 'error', '-d'], { env, input: sealed.stdout });
    expect(opened.stdout.toString()).toBe('hello');
    // And the key really is protected by that passphrase: once the agent forgets, it cannot open without it.
    spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env });
    expect(spawnSync('gpg', ['--batch', '--pinentry-mode', 'error', '-d'], { env, input: sealed.stdout }).status).not.toBe(0);
    expect(spawnSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase-fd', '0', '-d'], { env, input: `${PASSPHRASE}\n${sealed.stdout.toString()}` }).stdout.toString()).toBe('hello');
  }, 120_000);
});

describe('newPassphrase', () => {
  const scripted = (answers: string[]): Prompter & { asked: string[] } => {
    const asked: string[] = [];
    const fail = () => Promise.reject(new Error('unexpected question'));
    return {
      asked, input: fail, confirm: fail, select: fail, multiselect: fail,
      secret: async (message) => {
        asked.push(message);
        const next = answers.shift();
        if (next === undefined) throw new Error(`no answer scripted for: ${message}`);
        return next;
      },
    };
  };

  it('asks twice and returns the passphrase when both agree', async () => {
    const p = scripted(['s3cret words', 's3cret words']);
    await expect(newPassphrase('the key', p, () => {})).resolves.toBe('s3cret words');
    expect(p.asked).toEqual(['Passphrase for the key', 'The same passphrase again']);
  });

  it('asks again after a mismatch or an empty one, saying why, and gives up after three tries', async () => {
    const said: string[] = [];
    const p = scripted(['a', 'b', '', 'good one', 'good one']);
    await expect(newPassphrase('the key', p, (l) => said.push(l))).resolves.toBe('good one');
    expect(said).toEqual(['The two passphrases differ.', 'An empty passphrase leaves the key unprotected: for that, run again with --no-passphrase.']);
    await expect(newPassphrase('the key', scripted(['a', 'b', 'c', 'd', '', '']), () => {})).rejects.toThrow(/three attempts/);
  });
});

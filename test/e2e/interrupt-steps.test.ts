// Ctrl-C ends the command (issue 20 Build 1), on a real terminal under Node and Deno: at each of
// setup's steps and during doctor. Each time: exit 130; no later step started (the stand-ins
// keep a log of every call, and the one that hangs copies it when it starts: nothing is added
// after); the summary says exactly what was done, interrupted and not started; every file under
// HOME as it was when the interrupted step began; no process of ours left.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Runtime, type Sandbox, createGpgKey, sandboxPerTest, systemTool } from '../support/sandbox.js';
import { CTRL_C, type PtyStep, runInPty, settledLeftovers } from '../support/pty.js';

const sandbox = sandboxPerTest();

const newMarker = (): string => `0.${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const GPG_FLAGS = ['--no-passphrase', '--gpg-name', 'Ann', '--gpg-email', 'ann@example.com'];

/** Every file under HOME (gpg's own state aside) with its hash: what the hanging stand-in saw. */
// Lock files are left out: a step holds its locks while it runs (login holds ~/.aws/credentials'
// while duo-sso writes it) and lets them go when interrupted, which is the point.
const SNAPSHOT = `(cd "$HOME" && find . -type f ! -path './.gnupg/*' ! -name '*.lock' -exec sha256sum {} + | LC_ALL=C sort)`;

interface Scene {
  box: Sandbox;
  marker: string;
  /** Touched by the hanging stand-in when it starts. */
  started: string;
  /** Every call of a logging stand-in, one line each. */
  log: string;
}

/**
 * A machine where `hang` hangs (after noting the call log and the files under HOME) and every
 * tool in `logged` is the real one behind a wrapper that logs its call.
 */
async function scene(opts: { hang: string; tools?: string[]; logged?: string[]; pass?: boolean }): Promise<Scene> {
  const box = await sandbox({ tools: opts.tools ?? [] });
  const marker = newMarker();
  const started = join(box.root, 'hang-started');
  const log = join(box.root, 'calls.log');
  await box.write('../calls.log', '');
  if (opts.pass) await box.exec(join(box.bin, 'pass'), ['init', await createGpgKey(box)]);
  for (const tool of opts.logged ?? []) {
    await box.addScript(tool, `#!/bin/sh\necho "${tool} $*" >> ${log}\nexec ${systemTool(tool)} "$@"\n`);
  }
  // Hangs, with a child that ignores SIGTERM; duo-sso answers --version first (detection asks it).
  await box.addScript(opts.hang, [
    '#!/bin/sh',
    ...(opts.hang === 'duo-sso' ? ['case "$1" in --version|-version) echo "duo-sso v3.4.1"; exit 0 ;; esac'] : []),
    `echo "${opts.hang} $*" >> ${log}`,
    `cp ${log} ${log}.at-start`,
    `${SNAPSHOT} > ${box.root}/home-at-start`,
    `touch ${started}`,
    `(trap '' TERM; exec sleep 300 ${marker})`,
    '',
  ].join('\n'));
  return { box, marker, started, log };
}

/** Runs `args` on a terminal, types Ctrl-C once the stand-in hangs, and checks what every case must hold. */
async function ctrlCAt(s: Scene, runtime: Runtime, args: string[], opts: { steps?: PtyStep[]; concurrent?: boolean } = {}) {
  const steps = opts.steps ?? [];
  const r = await runInPty(s.box, args, { runtime, steps: [...steps, { waitFor: '', waitForFile: s.started, send: CTRL_C, delayMs: 300 }], exitTimeoutMs: 20_000 });
  expect(r.missed, r.screen).toBeUndefined();
  expect(r.exitCode, r.screen).toBe(130);
  expect(r.screen.match(/duo-sso-setup: interrupted/g), r.screen).toHaveLength(1);
  expect(r.screen).not.toMatch(/unexpected error|FAILED|Still to do|Next steps|✓ Verify|Uncaught/);
  // No call after the one that hung: no later step started. (Checks run concurrently: their
  // calls are not ordered, and the fixes, which would come later, are not asked for here.)
  if (!opts.concurrent) expect(await readFile(s.log, 'utf8')).toBe(await readFile(`${s.log}.at-start`, 'utf8'));
  // Where the hung call belongs to a step that probes tools concurrently, only that step's other
  // probes (`TOOL --version`, `pass version`) may come after it: nothing of a later step.
  else {
    const before = await readFile(`${s.log}.at-start`, 'utf8');
    const all = await readFile(s.log, 'utf8');
    expect(all.startsWith(before)).toBe(true);
    for (const line of all.slice(before.length).split('\n').filter(Boolean)) expect(line).toMatch(/^\S+ (?:--?version|version)$/);
  }
  // Every file under HOME as the interrupted step found it.
  const after = await s.box.exec('sh', ['-c', SNAPSHOT]);
  expect(after.stdout).toBe(await readFile(join(s.box.root, 'home-at-start'), 'utf8'));
  expect(await settledLeftovers(s.marker)).toEqual([]);
  expect(await settledLeftovers(s.box.home)).toEqual([]);
  return r;
}

/** The summary's step lines, in order, from the screen. */
function summary(screen: string): string[] {
  const from = screen.lastIndexOf('Setup interrupted');
  expect(from, screen).toBeGreaterThan(-1);
  return screen.slice(from).split('\n').slice(1).filter((l) => /^[✓!✗-] /.test(l)).map((l) => l.replace(/\/tmp\/duo-sso-setup-test-\w+/g, '$ROOT'));
}

describe.each<Runtime>(['node', 'deno'])('Ctrl-C at a setup step under %s', (runtime) => {
  it('at the first login (duo-sso waits for Duo): the login is interrupted, the doctor never runs, the written config stays', async () => {
    const s = await scene({ hang: 'duo-sso', tools: ['gpg', 'pass', 'aws'], logged: ['aws'], pass: true });
    const r = await ctrlCAt(s, runtime, ['setup', '--yes', '--no-completion', '--profile', 'dev=111111111111:admin']);
    expect(summary(r.screen)).toEqual([
      expect.stringMatching(/^✓ Check this machine: \d+ checks ok$/),
      '- Install what is missing: the AWS CLI, duo-sso and the secret store are already in place',
      '- Shell completion: --no-completion',
      '✓ Write duo-sso\'s config.json: wrote $ROOT/home/.config/duo-sso/config.json',
      expect.stringMatching(/^[✓-] Default AWS region: /),
      '- First login: interrupted',
      '- Verify with the doctor: not started (interrupted)',
    ]);
    expect(r.screen).toMatch(/^Run `duo-sso-setup setup` again to finish: finished steps are skipped\.$/m);
    expect(r.screen).toMatch(/^duo-sso-setup: interrupted; changed before stopping: wrote \S+\/config\.json, started \S+\/duo-sso -interactive \(stopped before it finished\); nothing else was changed\.$/m);
  }, 120_000);

  it('at the config wizard\'s first question: config.json is not written, the login never starts', async () => {
    const s = await scene({ hang: 'duo-sso', tools: ['gpg', 'pass', 'aws'], logged: ['aws'], pass: true });
    const before = (await s.box.exec('sh', ['-c', SNAPSHOT])).stdout;
    const r = await runInPty(s.box, ['setup', '--no-completion'], { runtime, steps: [{ waitFor: 'sign-in URL', send: CTRL_C }] });
    expect(r.missed, r.screen).toBeUndefined();
    expect(r.exitCode, r.screen).toBe(130);
    expect(summary(r.screen)).toEqual([
      expect.stringMatching(/^✓ Check this machine: \d+ checks ok$/),
      '- Install what is missing: the AWS CLI, duo-sso and the secret store are already in place',
      '- Shell completion: --no-completion',
      '- Write duo-sso\'s config.json: interrupted',
      '- Default AWS region: not started (interrupted)',
      '- First login: not started (interrupted)',
      '- Verify with the doctor: not started (interrupted)',
    ]);
    expect(r.screen).toMatch(/^duo-sso-setup: interrupted; nothing was changed\.$/m);
    // duo-sso was asked its version by the detection, never run for a login.
    expect(await readFile(s.log, 'utf8')).not.toMatch(/^duo-sso /m);
    expect((await s.box.exec('sh', ['-c', SNAPSHOT])).stdout).toBe(before);
    expect(await settledLeftovers(s.box.home)).toEqual([]);
  }, 120_000);

  it('at the install step (apt-get hangs): the install is interrupted, no later step starts, config.json is never written', async () => {
    const s = await scene({ hang: 'apt-get', tools: ['aws'], logged: ['aws'] });
    await s.box.addScript('duo-sso', '#!/bin/sh\necho "duo-sso v3.4.1"\n');
    const r = await ctrlCAt(s, runtime, ['setup', '--yes', ...GPG_FLAGS, '--profile', 'dev=111111111111:admin']);
    expect(summary(r.screen)).toEqual([
      expect.stringMatching(/^✓ Check this machine: \d+ checks ok; missing: pass-gpg$/),
      '- Install what is missing: interrupted',
      '- Shell completion: not started (interrupted)',
      '- Write duo-sso\'s config.json: not started (interrupted)',
      '- Default AWS region: not started (interrupted)',
      '- First login: not started (interrupted)',
      '- Verify with the doctor: not started (interrupted)',
    ]);
    expect(existsSync(join(s.box.home, '.config/duo-sso/config.json'))).toBe(false);
  }, 120_000);

  it('while checking the machine, in a dry run (gpg hangs): nothing after is started, and nothing is claimed', async () => {
    const s = await scene({ hang: 'gpg', tools: ['aws'], logged: ['aws'] });
    // The machine check probes gpg and aws concurrently: aws --version may follow the hung gpg.
    const r = await ctrlCAt(s, runtime, ['setup', '--dry-run'], { concurrent: true });
    expect(summary(r.screen)).toEqual([
      '- Check this machine: interrupted',
      '- Install what is missing: not started (interrupted)',
      '- Shell completion: not started (interrupted)',
      '- Write duo-sso\'s config.json: not started (interrupted)',
      '- Default AWS region: not started (interrupted)',
      '- First login: not started (interrupted)',
      '- Verify with the doctor: not started (interrupted)',
    ]);
    expect(r.screen).not.toMatch(/would (log in|write|install|add)/);
    expect(r.screen).toMatch(/^duo-sso-setup: interrupted; nothing was changed\.$/m);
  }, 120_000);
});

describe.each<Runtime>(['node', 'deno'])('Ctrl-C during doctor under %s', (runtime) => {
  it('the checks that finished keep their result; the ones it stopped are "not run (interrupted)", not failures', async () => {
    const s = await scene({ hang: 'gpg', tools: ['aws'], logged: ['aws'] });
    await s.box.addScript('pass', `#!/bin/sh\necho "pass $*" >> ${s.log}\n(trap '' TERM; exec sleep 300 ${s.marker})\n`);
    const r = await ctrlCAt(s, runtime, ['doctor'], { concurrent: true });
    expect(r.screen).toMatch(/^- gpg +not run \(interrupted\)$/m);
    expect(r.screen).toMatch(/^- pass +not run \(interrupted\)$/m);
    expect(r.screen).toMatch(/^✓ platform /m);
    expect(r.screen).toMatch(/^Run `duo-sso-setup doctor` again for the checks that did not run\.$/m);
    expect(r.screen).toMatch(/^\d+\/\d+ checks passed[^\n]* \((\d+ not applicable; )?\d+ not run: interrupted\)\.$/m);
    expect(r.screen).toMatch(/^duo-sso-setup: interrupted; nothing was changed\.$/m);
  }, 120_000);
});

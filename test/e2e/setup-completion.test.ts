// setup's offer to load shell completion: on a machine where everything else is in place
// (the real AWS CLI v2, the duo-sso simulator, real gpg and pass, a config), so the
// completion step is the only change setup makes. The line it adds is then run by the real
// shell: bash sources the profile and must have the completion registered and working.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { CLI, createGpgKey, sandboxPerTest, systemTool, type Sandbox } from '../support/sandbox.js';
import { installDuoSsoSim } from '../support/duo-sso-sim/index.js';
import { runInPty } from '../support/pty.js';

const sandbox = sandboxPerTest();
const BASHRC = '# the user\'s own\nalias ll="ls -l"'; // no final newline: kept byte-for-byte all the same
const BASH_LINE = 'command -v duo-sso-setup >/dev/null && eval "$(duo-sso-setup completion bash)"';

async function readyMachine(shell = '/bin/bash'): Promise<Sandbox> {
  const box = await sandbox({ tools: ['/usr/bin/aws', 'gpg', 'pass'], env: { SHELL: shell } });
  await installDuoSsoSim(box, { stsEndpoint: 'http://127.0.0.1:9' });
  await box.exec(systemTool('pass')!, ['init', await createGpgKey(box)]);
  await box.write('.config/duo-sso/config.json', JSON.stringify({ url: 'https://cloudsso.cisco.com', profiles: { eticloud: { aws_account_id: '111122223333', aws_role_name: 'admin' } } }));
  // Ready includes the profile's region: setup has nothing else to do than the completion line.
  await box.write('.aws/config', '[profile eticloud]\nregion = us-east-1\n');
  // The completion line runs duo-sso-setup by name, as a global install puts it on PATH.
  await box.addScript('duo-sso-setup', `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`);
  return box;
}

const setup = (box: Sandbox, ...args: string[]) => box.run(['setup', '--no-login', '--json', ...args], { timeoutMs: 120_000 });
const step = (json: any) => json.steps.find((s: any) => s.id === 'completion');
const backups = async (box: Sandbox, name: string) => (await readdir(box.home)).filter((n) => n.startsWith(`${name}.`) && n.endsWith('.bak'));

describe('setup offers shell completion', () => {
  it('--yes adds the bash line once, with a backup; a rerun changes nothing, byte for byte', async () => {
    const box = await readyMachine();
    await box.write('.bashrc', BASHRC);
    const r = await setup(box, '--yes');
    expect(step(r.json), r.stderr).toMatchObject({ status: 'done' });
    expect(r.json.steps.find((s: any) => s.id === 'install').status, JSON.stringify(r.json.steps)).toBe('skipped');
    const bashrc = await box.read('.bashrc');
    expect(bashrc).toBe(`${BASHRC}\n\n# added by duo-sso-setup\n${BASH_LINE}\n`);
    const [backup, ...more] = await backups(box, '.bashrc');
    expect(more).toEqual([]);
    expect(await box.read(backup!)).toBe(BASHRC);

    const again = await setup(box, '--yes');
    expect(step(again.json)).toMatchObject({ status: 'skipped', detail: expect.stringContaining('already loads it') });
    expect(await box.read('.bashrc')).toBe(bashrc);
    expect(await backups(box, '.bashrc')).toEqual([backup]);
  }, 180_000);

  it('under Deno too: --yes adds the line, a rerun adds nothing', async () => {
    const box = await readyMachine();
    await box.write('.bashrc', BASHRC);
    for (let run = 0; run < 2; run++) {
      const r = await box.run(['setup', '--no-login', '--json', '--yes'], { runtime: 'deno', timeoutMs: 120_000 });
      expect(step(r.json), r.stderr).toMatchObject({ status: run === 0 ? 'done' : 'skipped' });
      expect(await box.read('.bashrc')).toBe(`${BASHRC}\n\n# added by duo-sso-setup\n${BASH_LINE}\n`);
    }
    expect(await backups(box, '.bashrc')).toHaveLength(1);
  }, 180_000);

  it('--dry-run --json shows the line in the plan and changes nothing; --no-completion leaves the profile alone', async () => {
    const box = await readyMachine();
    await box.write('.bashrc', BASHRC);
    const dry = await setup(box, '--dry-run');
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(step(dry.json)).toMatchObject({ status: 'done', detail: expect.stringContaining(BASH_LINE) });
    expect(dry.json.plans).toContainEqual(expect.objectContaining({ component: 'completion', steps: [expect.objectContaining({ kind: 'profile-line', purpose: 'completion', title: expect.stringContaining(BASH_LINE) })] }));

    const no = await setup(box, '--yes', '--no-completion');
    expect(step(no.json)).toMatchObject({ status: 'skipped', detail: '--no-completion' });
    expect(await box.read('.bashrc')).toBe(BASHRC);
    expect(await backups(box, '.bashrc')).toEqual([]);
  }, 180_000);

  it('without a terminal and without --yes it adds nothing and says how', async () => {
    const box = await readyMachine();
    await box.write('.bashrc', BASHRC);
    const r = await setup(box);
    expect(step(r.json)).toMatchObject({ status: 'skipped', detail: expect.stringContaining('no terminal') });
    expect(await box.read('.bashrc')).toBe(BASHRC);
  }, 180_000);

  it('the added line works in real bash: the completion is registered and completes', async () => {
    const box = await readyMachine();
    await setup(box, '--yes');
    const bash = systemTool('bash')!;
    const script = [
      'source ~/.bashrc',
      'complete -p duo-sso-setup',
      // As bash sets these on TAB after `duo-sso-setup doctor --only a`.
      'COMP_LINE="duo-sso-setup doctor --only a"; COMP_POINT=${#COMP_LINE}',
      'COMP_WORDS=(duo-sso-setup doctor --only a); COMP_CWORD=3',
      '_duo_sso_setup_complete',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    const r = await box.exec(bash, ['-c', script]);
    expect(r.stderr).toBe('');
    const [spec, ...candidates] = r.stdout.split('\n').filter(Boolean);
    expect(spec).toMatch(/^complete .*-F _duo_sso_setup_complete duo-sso-setup$/);
    expect(candidates).toEqual(['aws-cli']);
    // Where duo-sso-setup is not on PATH (uninstalled), a new shell still starts silently.
    const gone = await box.exec(bash, ['-c', 'source ~/.bashrc; complete -p duo-sso-setup'], { env: { PATH: box.sysBin } });
    expect(gone.stderr).toMatch(/complete: duo-sso-setup: no completion specification/);
    expect(gone.stderr).not.toMatch(/command not found/);
  }, 180_000);

  it('zsh: the line goes at the end of ~/.zshrc and registers the completion after compinit', async () => {
    const box = await readyMachine('/usr/bin/zsh');
    await box.write('.zshrc', 'autoload -Uz compinit && compinit -u\n');
    await setup(box, '--yes');
    expect(await box.read('.zshrc')).toBe('autoload -Uz compinit && compinit -u\n\n# added by duo-sso-setup\n(( $+commands[duo-sso-setup] )) && source <(duo-sso-setup completion zsh)\n');
    const r = await box.exec(systemTool('zsh')!, ['-f', '-c', 'source ~/.zshrc; print -r -- $_comps[duo-sso-setup]']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('_duo_sso_setup');
  }, 180_000);

  it('fish: a file in ~/.config/fish/completions, which fish loads by itself; config.fish untouched', async () => {
    const box = await readyMachine('/usr/bin/fish');
    await setup(box, '--yes');
    expect(await box.read('.config/fish/completions/duo-sso-setup.fish')).toBe('# added by duo-sso-setup\nduo-sso-setup completion fish | source\n');
    expect(existsSync(box.path('.config/fish/config.fish'))).toBe(false);
    const r = await box.exec(systemTool('fish')!, ['-c', 'complete -C "duo-sso-setup doctor --only a"']);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0])).toEqual(['aws-cli']);
  }, 180_000);

  it('at a terminal: the plan, then one question that defaults to Yes (Enter adds the line); answering no skips only this step', async () => {
    const box = await readyMachine();
    await box.write('.bashrc', BASHRC);
    const no = await runInPty(box, ['setup', '--no-login'], { steps: [{ waitFor: 'Go ahead', send: 'n\r' }], exitTimeoutMs: 120_000 });
    expect(no.missed, no.screen).toBeUndefined();
    expect(no.screen.indexOf(BASH_LINE), no.screen).toBeLessThan(no.screen.indexOf('Go ahead'));
    expect(no.screen).toMatch(/Shell completion: not added \(cancelled/);
    expect(no.screen).toMatch(/Verify with the doctor: /);
    expect(await box.read('.bashrc')).toBe(BASHRC);

    const yes = await runInPty(box, ['setup', '--no-login'], { steps: [{ waitFor: 'Go ahead', send: '\r' }], exitTimeoutMs: 120_000 });
    expect(yes.missed, yes.screen).toBeUndefined();
    // One question (enquirer draws it, then its answer: "? Go ahead? ... ✔ Go ahead? · yes").
    expect(yes.screen.match(/\? Go ahead/g), yes.screen).toHaveLength(1);
    expect(await box.read('.bashrc')).toBe(`${BASHRC}\n\n# added by duo-sso-setup\n${BASH_LINE}\n`);
  }, 300_000);
});

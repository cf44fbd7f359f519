// The completion scripts, sourced in the real shells: bash (its completion function with
// COMP_LINE/COMP_WORDS as bash sets them), zsh (the completion function with compadd stood in,
// since completion widgets run only inside the line editor) and fish (`complete -C`, fish's own
// way to ask for completions). Each TAB runs the built CLI's __complete fast path.
import { describe, expect, it } from 'vitest';
import { CLI, sandboxPerTest, systemTool, type Sandbox } from '../support/sandbox.js';

const sandbox = sandboxPerTest();

async function box(): Promise<Sandbox> {
  const b = await sandbox();
  await b.addScript('duo-sso-setup', `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`);
  await b.write('.config/duo-sso/config.json', JSON.stringify({ url: 'https://cloudsso.cisco.com', profiles: { eticloud: { aws_account_id: '111122223333', aws_role_name: 'admin' }, 'eti-prod': { aws_account_id: '222233334444', aws_role_name: 'admin' }, other: { aws_account_id: '333344445555', aws_role_name: 'admin' } } }));
  return b;
}

const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function bash(b: Sandbox, line: string): Promise<string[]> {
  // COMP_WORDS as bash splits them (COMP_WORDBREAKS breaks at = too).
  const compWords = line.replace(/=/g, ' = ').split(/\s+/).filter(Boolean);
  if (/\s$/.test(line)) compWords.push('');
  const script = [
    'source <(duo-sso-setup completion bash)',
    `COMP_LINE=${shQuote(line)}; COMP_POINT=\${#COMP_LINE}`,
    `COMP_WORDS=(${compWords.map(shQuote).join(' ')}); COMP_CWORD=${compWords.length - 1}`,
    '_duo_sso_setup_complete',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = await b.exec(systemTool('bash')!, ['-c', script]);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

async function zsh(b: Sandbox, line: string): Promise<string[]> {
  const words = line.split(/\s+/).filter(Boolean);
  if (/\s$/.test(line)) words.push('');
  const script = [
    // Stand-ins for the completion system's builtins, which only work inside a completion widget.
    'compadd() { while [[ $1 == -* ]]; do if [[ $1 == -- ]]; then shift; break; fi; shift; done; print -rl -- "$@"; }',
    '_files() { print -r -- "<files>"; }',
    'compdef() { :; }',
    'source <(duo-sso-setup completion zsh)',
    `words=(${words.map(shQuote).join(' ')}); CURRENT=${words.length}`,
    '_duo_sso_setup',
  ].join('\n');
  const zshPath = systemTool('zsh');
  if (!zshPath) throw new Error('zsh is not installed (test/provision.sh)');
  const r = await b.exec(zshPath, ['-f', '-c', script]);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

async function fish(b: Sandbox, line: string): Promise<string[]> {
  const fishPath = systemTool('fish');
  if (!fishPath) throw new Error('fish is not installed (test/provision.sh)');
  const r = await b.exec(fishPath, ['--no-config', '-c', `duo-sso-setup completion fish | source; complete -C ${shQuote(line)}`]);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!);
}

describe.each([['bash', bash], ['zsh', zsh], ['fish', fish]] as const)('completion in %s', (_name, shell) => {
  it('doctor --only a → aws-cli', async () => {
    expect(await shell(await box(), 'duo-sso-setup doctor --only a')).toEqual(['aws-cli']);
  });

  it('login --profile e → the profiles of config.json', async () => {
    expect(await shell(await box(), 'duo-sso-setup login --profile e')).toEqual(['eticloud', 'eti-prod']);
  });

  it('commands, flags and components', async () => {
    const b = await box();
    expect(await shell(b, 'duo-sso-setup con')).toEqual(expect.arrayContaining(['config', 'console']));
    expect(await shell(b, 'duo-sso-setup doctor --f')).toEqual(['--fix']);
    expect(await shell(b, 'duo-sso-setup install pa')).toEqual(['pass-gpg']);
  });
});

describe('completion', () => {
  it('bash: --profile=e and a comma list complete as bash splits them', async () => {
    const b = await box();
    expect(await bash(b, 'duo-sso-setup exec --profile=e')).toEqual(['eticloud', 'eti-prod']);
    expect(await bash(b, 'duo-sso-setup doctor --only aws-cli,du')).toEqual(['aws-cli,duo-sso']);
  });

  it('an unknown shell is a usage error', async () => {
    const r = await (await box()).run(['completion', 'tcsh']);
    expect(r.exitCode).toBe(2);
  });
});

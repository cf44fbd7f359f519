import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendLine, completionFile, completionLine, detectShell, gpgTtyLine, mentionsCompletion, mentionsGpgTty, mentionsPathDir, pathLine, profileFile, MARKER } from '../../src/shell/profile.js';
import { completionEdit } from '../../src/shell/edit-profile.js';
import { choicesXml } from '../../src/install/choices-xml.js';
import { XMLParser } from 'fast-xml-parser';

const HOME = '/home/ann';
const BIN = `${HOME}/.local/bin`;

describe('shell profile lines', () => {
  it('the completion line: into the profile for bash and zsh, its own file in fish\'s completions folder', () => {
    expect(completionFile('bash', `${HOME}/.bashrc`, HOME, {})).toBe(`${HOME}/.bashrc`);
    expect(completionFile('zsh', '/home/ann/.zsh/.zshrc', HOME, { ZDOTDIR: '/home/ann/.zsh' })).toBe('/home/ann/.zsh/.zshrc');
    expect(completionFile('fish', `${HOME}/.config/fish/config.fish`, HOME, {})).toBe(`${HOME}/.config/fish/completions/duo-sso-setup.fish`);
    expect(completionFile('fish', '/x/fish/config.fish', HOME, { XDG_CONFIG_HOME: '/x' })).toBe('/x/fish/completions/duo-sso-setup.fish');
  });

  it('no completion line for sh, nor on Windows (no ~/.bashrc guessed there)', () => {
    expect(completionEdit({ SHELL: '/bin/dash' }, HOME, 'linux')).toBeUndefined();
    expect(completionEdit({}, 'C:\\Users\\ann', 'win32')).toBeUndefined();
    expect(completionEdit({ SHELL: '/usr/bin/fish' }, HOME, 'linux')?.file).toBe(`${HOME}/.config/fish/completions/duo-sso-setup.fish`);
  });

  it.each([
    ['our own line, per shell', completionLine('bash'), true],
    ['', completionLine('zsh'), true],
    ['', completionLine('fish'), true],
    ['the docs\' form, written by hand', 'source <(duo-sso-setup completion bash)', true],
    ['indented inside an if', '  eval "$(duo-sso-setup  completion zsh)"', true],
    ['a pasted script', 'complete -o default -F _duo_sso_setup_complete duo-sso-setup', true],
    ['commented out', '# source <(duo-sso-setup completion bash)', false],
    ['another tool\'s completion', 'source <(kubectl completion bash)', false],
    ['only our PATH line', 'export PATH="$HOME/.local/bin:$PATH"  # duo-sso-setup', false],
  ])('mentionsCompletion: %s', (_what, line, expected) => {
    expect(mentionsCompletion(`# top\n${line}\n`)).toBe(expected);
  });

  it.each([
    [{ SHELL: '/bin/bash' }, 'linux', 'bash', `${HOME}/.bashrc`],
    [{ SHELL: '/bin/bash' }, 'darwin', 'bash', `${HOME}/.bash_profile`],
    [{ SHELL: '/usr/bin/zsh', ZDOTDIR: '/home/ann/.zsh' }, 'linux', 'zsh', '/home/ann/.zsh/.zshrc'],
    [{ SHELL: '/usr/local/bin/fish' }, 'darwin', 'fish', `${HOME}/.config/fish/config.fish`],
    [{}, 'darwin', 'zsh', `${HOME}/.zshrc`],
    [{}, 'linux', 'bash', `${HOME}/.bashrc`],
  ] as const)('%o on %s → %s', (env, os, shell, file) => {
    expect(detectShell(env, os)).toBe(shell);
    expect(profileFile(shell, HOME, env, os)).toBe(file);
  });

  it('on macOS, gives bash the login file it reads: the first of .bash_profile, .bash_login, .profile that exists', () => {
    const existing = (...names: string[]) => (path: string) => names.some((n) => path === `${HOME}/${n}`);
    expect(profileFile('bash', HOME, {}, 'darwin', existing('.profile'))).toBe(`${HOME}/.profile`);
    expect(profileFile('bash', HOME, {}, 'darwin', existing('.bash_login', '.profile'))).toBe(`${HOME}/.bash_login`);
    expect(profileFile('bash', HOME, {}, 'darwin', existing('.bash_profile', '.profile'))).toBe(`${HOME}/.bash_profile`);
    expect(profileFile('bash', HOME, {}, 'linux', existing('.bash_profile'))).toBe(`${HOME}/.bashrc`);
  });

  it.each([
    `${HOME}/we"ird $USER \`x\` \\n/bin`,
    '/opt/$(echo run)/bin',
    '/opt/it\'s here/bin',
  ])('quotes the folder %s so the shell adds exactly it to PATH', (dir) => {
    const line = pathLine('bash', dir, HOME);
    for (const sh of ['bash', 'dash']) {
      const out = execFileSync(sh, ['-c', `${line}\nprintf %s "$PATH"`], { env: { HOME, PATH: '/usr/bin:/bin', USER: 'ann' }, encoding: 'utf8' });
      expect(out).toBe(`${dir}:/usr/bin:/bin`);
    }
    expect(mentionsPathDir(`${line}\n`, dir, HOME)).toBe(true);
  });

  it('escapes what fish expands inside double quotes ($ " \\), and nothing else', () => {
    // No fish here to run it, so the exact text.
    const line = pathLine('fish', `${HOME}/a"b $c \`d\` \\e`, HOME);
    expect(line).toBe('fish_add_path -g "$HOME/a\\"b \\$c `d` \\\\e"');
    expect(mentionsPathDir(`${line}\n`, `${HOME}/a"b $c \`d\` \\e`, HOME)).toBe(true);
  });

  it('writes PATH relative to $HOME, per shell', () => {
    expect(pathLine('bash', BIN, HOME)).toBe('export PATH="$HOME/.local/bin:$PATH"');
    expect(pathLine('fish', BIN, HOME)).toBe('fish_add_path -g "$HOME/.local/bin"');
    expect(pathLine('zsh', '/opt/x/bin', HOME)).toBe('export PATH="/opt/x/bin:$PATH"');
    expect(gpgTtyLine('bash')).toBe('export GPG_TTY=$(tty)');
    expect(gpgTtyLine('fish')).toBe('set -gx GPG_TTY (tty)');
  });

  it('recognises equivalent existing lines, but not commented-out ones', () => {
    expect(mentionsPathDir('export PATH="$HOME/.local/bin:$PATH"\n', BIN, HOME)).toBe(true);
    expect(mentionsPathDir('PATH=~/.local/bin:$PATH\n', BIN, HOME)).toBe(true);
    expect(mentionsPathDir(`export PATH=${BIN}:$PATH\n`, BIN, HOME)).toBe(true);
    expect(mentionsPathDir('# export PATH="$HOME/.local/bin:$PATH"\n', BIN, HOME)).toBe(false);
    expect(mentionsPathDir('alias ll="ls -l"\n', BIN, HOME)).toBe(false);
    expect(mentionsGpgTty('export GPG_TTY=$(tty)\n')).toBe(true);
    expect(mentionsGpgTty('#export GPG_TTY=$(tty)\n')).toBe(false);
  });

  it('appends under a marker, keeps what was there, and adds nothing twice', () => {
    const present = (t: string) => t.includes('GPG_TTY');
    expect(appendLine(undefined, 'export GPG_TTY=$(tty)', present)).toBe(`${MARKER}\nexport GPG_TTY=$(tty)\n`);
    const next = appendLine('alias ll="ls -l"', 'export GPG_TTY=$(tty)', present)!;
    expect(next).toBe(`alias ll="ls -l"\n\n${MARKER}\nexport GPG_TTY=$(tty)\n`);
    expect(appendLine(next, 'export GPG_TTY=$(tty)', present)).toBeUndefined();
  });
});

describe('choices.xml', () => {
  it('is a plist whose dict pairs are in order, with the home folder escaped', () => {
    const xml = choicesXml('/Users/a&b');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist')).toBe(true);
    expect(xml).toContain('<string>/Users/a&amp;b</string>');
    const parsed = new XMLParser({ preserveOrder: true }).parse(xml) as any[];
    const plist = parsed.find((n) => 'plist' in n).plist;
    const dict = plist[0].array[0].dict.map((n: any) => { const tag = Object.keys(n)[0]!; return [tag, n[tag][0]['#text']]; });
    expect(dict).toEqual([
      ['key', 'choiceAttribute'], ['string', 'customLocation'],
      ['key', 'attributeSetting'], ['string', '/Users/a&b'],
      ['key', 'choiceIdentifier'], ['string', 'default'],
    ]);
  });
});

// Lines this tool may add to a user's shell profile (PATH, GPG_TTY), per shell. Pure:
// choosing the file and the line, and deciding whether an equivalent line is already there.
import { basename, join } from 'node:path';
import type { Env } from '../platform/paths.js';

export type Shell = 'bash' | 'zsh' | 'fish' | 'sh';

export const MARKER = '# added by duo-sso-setup';

export function detectShell(env: Env, os: NodeJS.Platform = process.platform): Shell {
  const name = basename(env.SHELL ?? '');
  if (name === 'bash' || name === 'zsh' || name === 'fish') return name;
  if (name === 'sh' || name === 'dash' || name === 'ksh') return 'sh';
  // macOS has defaulted to zsh since Catalina; most Linux desktops to bash.
  return os === 'darwin' ? 'zsh' : 'bash';
}

/** What a login bash reads, in its order: it stops at the first that exists. */
const BASH_LOGIN_FILES = ['.bash_profile', '.bash_login', '.profile'] as const;

/**
 * The file an interactive shell of this kind reads at start-up. On macOS, Terminal.app starts
 * login shells, which read ~/.bash_profile and not ~/.bashrc; a login bash reads only the first
 * of BASH_LOGIN_FILES that exists, so we write to that one (creating ~/.bash_profile would hide
 * a ~/.profile the user relies on).
 */
export function profileFile(shell: Shell, home: string, env: Env, os: NodeJS.Platform = process.platform, exists: (path: string) => boolean = () => false): string {
  switch (shell) {
    case 'bash': {
      if (os !== 'darwin') return join(home, '.bashrc');
      const files = BASH_LOGIN_FILES.map((f) => join(home, f));
      return files.find(exists) ?? files[0]!;
    }
    case 'zsh': return join(env.ZDOTDIR || home, '.zshrc');
    case 'fish': return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'fish', 'config.fish');
    case 'sh': return join(home, '.profile');
  }
}

/** `$HOME/...` instead of the literal home, so the profile survives a renamed home folder. */
function homeRelative(dir: string, home: string, escape: (text: string) => string = (t) => t): string {
  if (dir === home || dir.startsWith(`${home}/`)) return `$HOME${escape(dir.slice(home.length))}`;
  return escape(dir);
}

/** Text kept literal inside double quotes, where sh-family shells treat $ ` " \ specially, and fish $ " \. */
function escapeInDoubleQuotes(shell: Shell, text: string): string {
  return text.replace(shell === 'fish' ? /[\\"$]/g : /[\\"$`]/g, '\\$&');
}

/** The folder as written inside the double quotes of pathLine. */
function quotedDir(shell: Shell, dir: string, home: string): string {
  return homeRelative(dir, home, (t) => escapeInDoubleQuotes(shell, t));
}

export function pathLine(shell: Shell, dir: string, home: string): string {
  const d = quotedDir(shell, dir, home);
  return shell === 'fish' ? `fish_add_path -g "${d}"` : `export PATH="${d}:$PATH"`;
}

export function gpgTtyLine(shell: Shell): string {
  return shell === 'fish' ? 'set -gx GPG_TTY (tty)' : 'export GPG_TTY=$(tty)';
}

/** Lines that are not comments. */
function activeLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

export function mentionsPathDir(text: string, dir: string, home: string): boolean {
  const forms = [dir, homeRelative(dir, home), quotedDir('sh', dir, home), quotedDir('fish', dir, home), dir.replace(home, '~'), dir.replace(home, '${HOME}')];
  return activeLines(text).some((l) => /\bPATH\b|fish_add_path/.test(l) && forms.some((f) => l.includes(f)));
}

export function mentionsGpgTty(text: string): boolean {
  return activeLines(text).some((l) => /\bGPG_TTY\b/.test(l));
}

/** The new profile text with `line` appended under our marker (undefined: nothing to add). */
export function appendLine(current: string | undefined, line: string, present: (text: string) => boolean): string | undefined {
  const text = current ?? '';
  if (present(text)) return undefined;
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  return `${text}${sep}${text === '' ? '' : '\n'}${MARKER}\n${line}\n`;
}

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

/**
 * The line that loads `completion SHELL` at start-up, per shell's own convention. Each is
 * guarded by "is duo-sso-setup on PATH", so a shell where the tool is missing (not yet on
 * PATH, or uninstalled later) starts without an error on every new terminal.
 * - bash: eval "$(...)", not `source <(...)`: macOS's bash 3.2 silently reads nothing from
 *   `source` on a process substitution; eval works in every bash.
 * - zsh: `source <(...)`, zsh's usual form (kubectl, gh); it needs compinit earlier in
 *   ~/.zshrc, and we append at the end, after where frameworks run it.
 * - fish: the line goes into its own file, ~/.config/fish/completions/duo-sso-setup.fish
 *   (completionFile), which fish loads by itself the first time it completes the command:
 *   nothing runs at start-up and config.fish is not touched. Piping the live script there
 *   (not a copy of it) keeps it in step with upgrades.
 */
export function completionLine(shell: Exclude<Shell, 'sh'>): string {
  switch (shell) {
    case 'bash': return 'command -v duo-sso-setup >/dev/null && eval "$(duo-sso-setup completion bash)"';
    case 'zsh': return '(( $+commands[duo-sso-setup] )) && source <(duo-sso-setup completion zsh)';
    case 'fish': return 'duo-sso-setup completion fish | source';
  }
}

/** Where the completion line goes: the shell's profile, or for fish its completions folder. */
export function completionFile(shell: Exclude<Shell, 'sh'>, profile: string, home: string, env: Env): string {
  return shell === 'fish' ? join(env.XDG_CONFIG_HOME || join(home, '.config'), 'fish', 'completions', 'duo-sso-setup.fish') : profile;
}

/** The text already loads our completion (our line, the docs' forms, or a pasted script). */
export function mentionsCompletion(text: string): boolean {
  return activeLines(text).some((l) => /duo-sso-setup\s+completion\b|complete\b.*\bduo-sso-setup\b|compdef\s+_duo_sso_setup\b/.test(l));
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

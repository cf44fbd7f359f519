// Adds one line to the user's shell profile through safe-write (lock, backup, atomic rename).
import { existsSync } from 'node:fs';
import { updateFile, type SafeWriteResult } from '../fs/safe-write.js';
import type { Env } from '../platform/paths.js';
import { appendLine, completionFile, completionLine, detectShell, gpgTtyLine, mentionsCompletion, mentionsGpgTty, mentionsPathDir, pathLine, profileFile, type Shell } from './profile.js';

export interface ProfileEdit {
  shell: Shell;
  file: string;
  line: string;
  present: (text: string) => boolean;
}

export function pathEdit(env: Env, home: string, dir: string, os: NodeJS.Platform = process.platform): ProfileEdit {
  const shell = detectShell(env, os);
  return { shell, file: profileFile(shell, home, env, os, existsSync), line: pathLine(shell, dir, home), present: (t) => mentionsPathDir(t, dir, home) };
}

export function gpgTtyEdit(env: Env, home: string, os: NodeJS.Platform = process.platform): ProfileEdit {
  const shell = detectShell(env, os);
  return { shell, file: profileFile(shell, home, env, os, existsSync), line: gpgTtyLine(shell), present: mentionsGpgTty };
}

/**
 * The line that loads shell completion, or undefined for a shell we have none for (sh) and on
 * Windows, where detectShell's bash fallback would mean a ~/.bashrc nothing reads (PowerShell's
 * $PROFILE line is left to the user).
 */
export function completionEdit(env: Env, home: string, os: NodeJS.Platform = process.platform): ProfileEdit | undefined {
  const shell = detectShell(env, os);
  if (shell === 'sh' || os === 'win32') return undefined;
  const file = completionFile(shell, profileFile(shell, home, env, os, existsSync), home, env);
  return { shell, file, line: completionLine(shell), present: mentionsCompletion };
}

export function applyProfileEdit(edit: ProfileEdit, opts: { dryRun: boolean }): Promise<SafeWriteResult> {
  // An existing profile keeps its mode; a new one is the user's alone (0600), which the shell reads fine.
  return updateFile(edit.file, (current) => appendLine(current, edit.line, edit.present), { dryRun: opts.dryRun, backup: true, dirMode: 0o755 });
}

// One stable credential_process command per machine (issue 19): ~/.aws/config names a small
// launcher, ~/.local/bin/duo-sso-setup-launcher, and the launcher names the runtime and
// script. Switching between Node, Deno, a checkout and a global install then never rewrites
// ~/.aws/config (and leaves no config backups behind); at most the launcher is rewritten, and
// only when what it runs is gone. Windows keeps the direct command (no sh there).
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { readOwnText } from '../fs/safe-read.js';
import { updateFile } from '../fs/safe-write.js';
import type { Paths } from '../platform/paths.js';
import { selfArgv } from '../platform/self.js';

export const LAUNCHER_NAME = 'duo-sso-setup-launcher';
const MARK = '# duo-sso-setup launcher';

export function launcherPath(paths: Pick<Paths, 'localBin'>): string {
  return join(paths.localBin, LAUNCHER_NAME);
}

/** What credential_process runs: the launcher, except on Windows. */
export function credentialProcessSelf(paths: Pick<Paths, 'localBin'>, platform: NodeJS.Platform = process.platform): string[] {
  return platform === 'win32' ? selfArgv() : [launcherPath(paths)];
}

const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function launcherScript(self: readonly string[]): string {
  return `#!/bin/sh\n${MARK}: what credential_process in ~/.aws/config runs. Rewritten by\n# \`duo-sso-setup credentials migrate\` when what it runs is gone.\nexec ${self.map(shQuote).join(' ')} "$@"\n`;
}

/** The runtime and script a launcher of ours runs; undefined when the file is not one of ours. */
export function launcherTargets(text: string | undefined): string[] | undefined {
  if (text === undefined || !text.includes(MARK)) return undefined;
  const line = text.split('\n').find((l) => l.startsWith('exec '));
  if (!line) return undefined;
  const words = [...line.matchAll(/'((?:[^']|'\\'')*)'/g)].map((m) => m[1]!.replace(/'\\''/g, "'"));
  return words.filter((w) => w.startsWith('/'));
}

async function allExist(paths: readonly string[]): Promise<boolean> {
  const found = await Promise.all(paths.map((p) => access(p, constants.X_OK | constants.R_OK).then(() => true, () => false)));
  return found.every(Boolean);
}

export type LauncherState = 'kept' | 'written' | 'would-write';

/**
 * The launcher in place: kept while what it runs exists (whichever runtime wrote it), else
 * (re)written for the running tool. Refuses (UserError from updateFile) a link or a file not ours.
 */
export async function ensureLauncher(paths: Pick<Paths, 'localBin'>, opts: { dryRun?: boolean; self?: readonly string[] } = {}): Promise<LauncherState> {
  const path = launcherPath(paths);
  const current = await readOwnText(path).catch(() => undefined);
  const targets = launcherTargets(current);
  if (targets && targets.length > 0 && (await allExist(targets))) return 'kept';
  if (opts.dryRun) return 'would-write';
  const script = launcherScript(opts.self ?? selfArgv());
  await updateFile(path, () => script, { mode: 0o755, backup: false, follow: 'never', dirMode: 0o755 });
  return 'written';
}

// Who else can read our secrets or rewrite our configuration: a 0644 ~/.aws/credentials lets
// every local user read the keys; a 0666 config.json (or a group/world-writable folder holding
// it) lets them point duo-sso at another sign-in page; a writable ~/.local/bin lets them
// replace duo-sso itself. Each rule is data; the fix is a chmod the user can read.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Paths } from '../../platform/paths.js';
import { result, type Check } from '../../check/types.js';

type Kind =
  /** Holds secrets: readable by its owner only. */
  | 'secret'
  /** Steers what we and duo-sso do: writable by its owner only. */
  | 'config'
  | 'folder';

interface Rule {
  kind: Kind;
  path: (p: Paths) => string;
}

export const PERMISSION_RULES: readonly Rule[] = [
  { kind: 'secret', path: (p) => p.awsCredentials },
  { kind: 'config', path: (p) => p.awsConfig },
  { kind: 'config', path: (p) => p.duoConfig },
  { kind: 'config', path: (p) => p.stateFile },
  { kind: 'folder', path: (p) => join(p.awsCredentials, '..') },
  { kind: 'folder', path: (p) => join(p.duoConfig, '..') },
  { kind: 'folder', path: (p) => p.stateDir },
  { kind: 'folder', path: (p) => p.localBin },
];

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

/** What is wrong with this mode for this kind of file, or undefined. Pure. */
export function modeProblem(kind: Kind, mode: number): { why: string; chmod: string } | undefined {
  if (kind === 'secret' && mode & 0o077) return { why: `is ${octal(mode)}: ${mode & 0o007 ? 'every user' : 'its group'} can ${mode & 0o022 ? 'read and change' : 'read'} the keys in it`, chmod: '600' };
  if (kind !== 'secret' && mode & 0o022) return { why: `is ${octal(mode)}: ${mode & 0o002 ? 'every user' : 'its group'} can change ${kind === 'folder' ? 'what is in it' : 'it'}`, chmod: 'go-w' };
  return undefined;
}

export const permissionsCheck: Check = {
  id: 'permissions',
  title: 'File permissions',
  applies: (platform) => platform.os !== 'win32',
  async run({ paths }) {
    const problems: { path: string; why: string; chmod: string }[] = [];
    const seen = new Set<string>();
    for (const rule of PERMISSION_RULES) {
      const path = rule.path(paths);
      if (seen.has(path)) continue;
      seen.add(path);
      // stat, not lstat: a dotfile kept in a repository is judged by the file it points to.
      const info = await stat(path).catch(() => undefined);
      if (!info || (rule.kind === 'folder') !== info.isDirectory()) continue;
      const problem = modeProblem(rule.kind, info.mode);
      if (problem) problems.push({ path, ...problem });
    }
    if (problems.length === 0) return result.ok('secrets readable and configuration writable by you only');
    return result.warn(
      problems.length === 1 ? `${problems[0]!.path} ${problems[0]!.why}` : `${problems.length} files or folders others can read or change`,
      problems.map((p) => `${p.path} ${p.why}`),
      { description: 'Take the access away', commands: problems.map((p) => ['chmod', p.chmod, p.path]), automatic: true },
      { problems: problems.map((p) => ({ path: p.path, chmod: p.chmod })) },
    );
  },
};

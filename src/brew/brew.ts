// Small read-only questions to Homebrew. Every call is bounded by a timeout and runs with
// auto-update off, so asking never changes the machine (dry runs rely on that).
import { findFirst } from '../platform/facts.js';
import type { Env } from '../platform/paths.js';
import { output, succeeded, type Runner } from '../platform/process.js';
import { parseVersion } from '../parsers/tool-version.js';

export const READ_ONLY_ENV = { HOMEBREW_NO_AUTO_UPDATE: '1', HOMEBREW_NO_ENV_HINTS: '1', HOMEBREW_NO_ANALYTICS: '1' };
// A read-only question (list, prefix, info with auto-update off) answers in seconds; more is a
// brew that hangs, and `upgrade --check` and the doctor must stay bounded (issue 20).
const TIMEOUT_MS = 20_000;

export interface BrewDeps {
  runner: Runner;
  env: Env;
}

export function findBrew(env: Env): string | undefined {
  return findFirst('brew', env);
}

/** Runs a read-only brew command. */
export function brewRead(deps: Pick<BrewDeps, 'runner'>, brew: string, args: readonly string[], timeoutMs = TIMEOUT_MS) {
  return deps.runner.run(brew, args, { timeoutMs, env: READ_ONLY_ENV });
}

/** `brew list --versions NAME` prints "NAME 1.2.3 1.2.2" (every installed version); undefined when not installed. */
export function parseListVersions(text: string, formula: string): string[] | undefined {
  for (const line of text.split(/\r?\n/)) {
    const [name, ...versions] = line.trim().split(/\s+/);
    if (name === formula || name?.endsWith(`/${formula}`)) return versions.filter(Boolean);
  }
  return undefined;
}

export async function installedVersions(deps: Pick<BrewDeps, 'runner'>, brew: string, formula: string): Promise<string[] | undefined> {
  const r = await brewRead(deps, brew, ['list', '--versions', formula]);
  return succeeded(r) ? parseListVersions(r.stdout, formula) : undefined;
}

export async function brewPrefix(deps: Pick<BrewDeps, 'runner'>, brew: string): Promise<string | undefined> {
  const r = await brewRead(deps, brew, ['--prefix']);
  const prefix = r.stdout.trim();
  return succeeded(r) && prefix ? prefix : undefined;
}

export async function brewVersion(deps: Pick<BrewDeps, 'runner'>, brew: string): Promise<string | undefined> {
  const r = await brewRead(deps, brew, ['--version']);
  return parseVersion(output(r));
}

/** Whether `path` lives under Homebrew's prefix (…/bin, …/Cellar, …/opt). */
export function underPrefix(path: string, prefix: string): boolean {
  const p = prefix.replace(/[\\/]+$/, '');
  return path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}\\`);
}

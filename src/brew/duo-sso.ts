// Whether duo-sso on this machine is Homebrew's: brew lists it, or the duo-sso on PATH lives
// under brew's prefix, or an earlier upgrade recorded so and duo-sso is now missing (a
// repair that stopped after uninstalling it). Works wherever brew is on PATH (Linuxbrew too).
import { join } from 'node:path';
import type { Context } from '../context.js';
import { findFirst } from '../platform/facts.js';
import { output } from '../platform/process.js';
import { parseVersion } from '../parsers/tool-version.js';
import { readState, updateState } from '../state/state.js';
import { brewPrefix, findBrew, installedVersions, underPrefix } from './brew.js';
import { FORMULA } from './names.js';

type Deps = Pick<Context, 'runner' | 'env' | 'paths'>;

export interface BrewDuoSso {
  brew: string;
  prefix: string | undefined;
  /** From `brew list --versions`; undefined when brew does not list it (only the binary is under its prefix). */
  listed: string | undefined;
  binary: string | undefined;
  /** What `duo-sso --version` says. */
  running: string | undefined;
}

/** The key in state.json. */
const MANAGED_BY = 'duoSsoManagedBy';

export async function rememberBrewManaged(paths: Deps['paths']): Promise<void> {
  await updateState(paths, (s) => ({ ...s, [MANAGED_BY]: 'homebrew' }));
}

export async function detectBrewDuoSso(deps: Deps): Promise<BrewDuoSso | undefined> {
  const brew = findBrew(deps.env);
  if (!brew) return undefined;
  const [versions, prefix] = await Promise.all([installedVersions(deps, brew, FORMULA), brewPrefix(deps, brew)]);
  const onPath = findFirst(FORMULA, deps.env);
  const inPrefix = prefix ? join(prefix, 'bin', FORMULA) : undefined;
  const onPathIsBrews = onPath !== undefined && prefix !== undefined && underPrefix(onPath, prefix);
  if (!versions?.length && !onPathIsBrews) {
    const remembered = !onPath && (await readState(deps.paths))[MANAGED_BY] === 'homebrew';
    return remembered ? { brew, prefix, listed: undefined, binary: inPrefix, running: undefined } : undefined;
  }
  const binary = onPathIsBrews ? onPath : inPrefix ?? onPath;
  const running = binary ? parseVersion(output(await deps.runner.run(binary, ['--version'], { timeoutMs: 10_000 }))) : undefined;
  return { brew, prefix, listed: versions?.at(-1), binary, running };
}

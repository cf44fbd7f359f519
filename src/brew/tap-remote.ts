// Where an existing tap was cloned from, so a re-tap goes back to the same place.
// `brew tap-info --json` answers in one call; older brews and odd setups fall back to
// asking git in the tap's folder.
import { findFirst } from '../platform/facts.js';
import { succeeded } from '../platform/process.js';
import { brewRead, type BrewDeps } from './brew.js';

export function parseTapInfo(json: string): { installed: boolean; remote: string | undefined; path: string | undefined } | undefined {
  try {
    const data = JSON.parse(json) as unknown;
    const first = Array.isArray(data) ? (data[0] as Record<string, unknown> | undefined) : undefined;
    if (!first || typeof first !== 'object') return undefined;
    return {
      installed: first.installed === true,
      remote: typeof first.remote === 'string' && first.remote ? first.remote : undefined,
      path: typeof first.path === 'string' && first.path ? first.path : undefined,
    };
  } catch {
    return undefined;
  }
}

export async function tapRemoteUrl(deps: BrewDeps, brew: string, tap: string): Promise<string | undefined> {
  const info = await brewRead(deps, brew, ['tap-info', '--json', tap]);
  const parsed = succeeded(info) ? parseTapInfo(info.stdout) : undefined;
  if (parsed?.remote) return parsed.remote;
  if (parsed && !parsed.installed) return undefined;
  const git = findFirst('git', deps.env);
  if (!git) return undefined;
  let dir = parsed?.path;
  if (!dir) {
    const repo = await brewRead(deps, brew, ['--repository', tap]);
    dir = succeeded(repo) ? repo.stdout.trim() : undefined;
  }
  if (!dir) return undefined;
  const remote = await deps.runner.run(git, ['-C', dir, 'remote', 'get-url', 'origin'], { timeoutMs: 10_000 });
  const url = remote.stdout.trim();
  return succeeded(remote) && url ? url : undefined;
}

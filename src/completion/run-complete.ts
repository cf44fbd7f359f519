// `duo-sso-setup __complete WORDS...`: what the completion scripts run on each TAB. cli.ts
// require()s this module's own CommonJS bundle (dist/completion.cjs) before commander or the
// ES-module loader: the spec comes from dist/completion-spec.json (written at build time from
// commander's tree), profile names from config.json, read now. One candidate per line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePaths } from '../platform/paths.js';
import { readOwnTextSync } from '../fs/safe-read.js';
import { complete } from './complete.js';
import type { CommandSpec } from './spec.js';

/** The profiles in duo-sso's config.json (`--config PATH` on the line wins), in file order. */
export function configProfiles(words: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const i = words.findIndex((w) => w === '--config' || w.startsWith('--config='));
  const given = i < 0 ? undefined : words[i]!.includes('=') ? words[i]!.slice('--config='.length) : words[i + 1];
  try {
    // Like readConfig: a pipe at config.json must not hang the shell on TAB; no link followed.
    const config = JSON.parse(readOwnTextSync(resolvePaths(env, given ? { configPath: given } : {}).duoConfig) ?? '{}') as { profiles?: unknown };
    return config.profiles && typeof config.profiles === 'object' && !Array.isArray(config.profiles) ? Object.keys(config.profiles) : [];
  } catch {
    return [];
  }
}

export function run(words: readonly string[]): number {
  let spec: CommandSpec;
  try {
    spec = JSON.parse(readFileSync(join(__dirname, 'completion-spec.json'), 'utf8')) as CommandSpec;
  } catch {
    // A TAB must never print an error into the user's command line.
    return 1;
  }
  const out = complete({ spec, words, profiles: () => configProfiles(words, process.env) });
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

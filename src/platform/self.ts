// How to run this tool again as a subprocess, under whichever runtime is running it now.
import { readFileSync } from 'node:fs';
declare const Deno: { execPath(): string } | undefined;

export function selfArgv(): string[] {
  const script = process.argv[1] ?? 'duo-sso-setup';
  if (typeof Deno !== 'undefined') return [Deno.execPath(), 'run', '-A', script];
  return [process.execPath, script];
}

/** Replaces a leading `duo-sso-setup` in a fix command with the running tool. */
export function resolveSelf(argv: readonly string[]): string[] {
  return argv[0] === 'duo-sso-setup' ? [...selfArgv(), ...argv.slice(1)] : [...argv];
}

export const TOOL_NAME = 'duo-sso-setup';
declare const __VERSION__: string;
/** The build defines __VERSION__; run from source (`deno run -A src/cli.ts`, tests) it is package.json's. */
export const TOOL_VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : sourceVersion();

function sourceVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0-dev';
  }
}

// The injection seam: everything a command touches outside its own logic comes through
// here, built once in cli.ts. Functions take only the slice they use (Pick<Context, ...>).
import { createRunner, type Runner } from './platform/process.js';
import { resolvePaths, type Env, type Paths } from './platform/paths.js';
// Type only: the facts (and the PATH search library they use) load when a command asks.
import type { PlatformFacts } from './platform/facts.js';
import { detectStyle, type Style } from './ui/style.js';
import { terminalSafe } from './ui/visible.js';
import { terminalWidth } from './ui/wrap.js';

export interface GlobalOptions {
  json: boolean;
  yes: boolean;
  dryRun: boolean;
  verbose: boolean;
  color: boolean;
  config?: string;
}

export interface IO {
  out(text: string): void;
  err(text: string): void;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The width prose written to stdout / stderr wraps at (ui/wrap.ts); undefined: not wrapped. */
  outWidth?: number;
  errWidth?: number;
}

export interface Context {
  env: Env;
  options: GlobalOptions;
  paths: Paths;
  io: IO;
  style: Style;
  runner: Runner;
  now: () => Date;
  platform: () => Promise<PlatformFacts>;
  /** True when we may ask the user something: a TTY for stdin and for stderr or stdout, and no --yes/--json. */
  canPrompt: boolean;
  /**
   * A person is at a terminal (stdin and stderr are TTYs, no --json), even with --yes: gpg's
   * pinentry and sudo's password prompt still need it when our own questions are skipped.
   */
  hasTerminal: boolean;
}

export function processIO(env: Env = process.env): IO {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    outWidth: terminalWidth(env, process.stdout),
    errWidth: terminalWidth(env, process.stderr),
  };
}

/**
 * Every write shows control and escape characters as `\u001b` (ui/visible.ts): what we print
 * quotes profile names, SAML values and pasted text that others wrote. In --json that text is
 * the JSON escape itself, so the document's data is unchanged.
 */
function terminalSafeIO(io: IO, color: boolean): IO {
  return { ...io, out: (t) => io.out(terminalSafe(t, color)), err: (t) => io.err(terminalSafe(t, color)) };
}

export function createContext(options: GlobalOptions, env: Env = process.env, io: IO = processIO(env)): Context {
  let platform: Promise<PlatformFacts> | undefined;
  const style = detectStyle(env, io.stdoutIsTTY, { noColor: !options.color });
  return {
    env,
    options,
    paths: resolvePaths(env, options.config ? { configPath: options.config } : {}),
    io: terminalSafeIO(io, style.color),
    style,
    runner: createRunner({ env, dryRun: options.dryRun }),
    now: () => new Date(),
    platform: () => (platform ??= import('./platform/facts.js').then((m) => m.detectPlatform(env))),
    // A question needs a keyboard (stdin) and a screen to show it on: stderr, or stdout when
    // stderr goes to a log (`setup 2>log`).
    canPrompt: io.stdinIsTTY && (io.stderrIsTTY || io.stdoutIsTTY) && !options.yes && !options.json && env.CI !== 'true',
    hasTerminal: io.stdinIsTTY && (io.stderrIsTTY || io.stdoutIsTTY) && !options.json,
  };
}

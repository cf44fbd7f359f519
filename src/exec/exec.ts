// `exec --profile P -- CMD ARGS` and `env --profile P`: a profile's credentials handed to a
// program as environment variables. The secrets go to the child's environment or to env's
// stdout, nowhere else: no log line, no --json report, no error message carries them.
import type { Context } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import { chosenProfile, profileCredentials } from './credentials.js';
import { applyChange, envChange, formatEnv, type EnvFormat } from './env-vars.js';
import { runChild } from './run-child.js';

export async function runExec(ctx: Context, opts: { profile?: string }, command: readonly string[]): Promise<number> {
  const [file, ...args] = command;
  if (!file) throw new UserError('no command to run', { hint: 'Usage: duo-sso-setup exec --profile NAME -- COMMAND [ARGS...]', exitCode: ExitCode.usage });
  const creds = await profileCredentials(ctx, chosenProfile(ctx, opts.profile));
  const env = applyChange(ctx.env, envChange(creds, ctx.env));
  const outcome = await runChild(file, args, env, { stdinIsTTY: ctx.io.stdinIsTTY });
  // 127 / 126 as sh, env and xargs exit, so a script can tell "not there" from the command's own failure.
  if (!outcome.ok && outcome.notFound) throw new UserError(`cannot run ${file}: ${outcome.reason}`, { hint: 'Check the command name and your PATH.', exitCode: ExitCode.commandNotFound });
  if (!outcome.ok) throw new UserError(`cannot run ${file}: ${outcome.reason}`, { hint: `Check that ${file} is an executable file (chmod +x).`, exitCode: ExitCode.cannotExecute });
  return outcome.exitCode;
}

export async function runEnv(ctx: Context, opts: { profile?: string; format: EnvFormat }): Promise<number> {
  const creds = await profileCredentials(ctx, chosenProfile(ctx, opts.profile));
  // Lines for a shell to eval (or a .env file): a broken line would be a broken command, never wrapped.
  ctx.io.out(formatEnv(envChange(creds, ctx.env), opts.format));
  return ExitCode.ok;
}

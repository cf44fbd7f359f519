// Errors meant for the user: what is wrong, where, and the command that fixes it.
// Anything else that escapes a command is a bug and is reported as one.

export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** `exec`: the command was found but could not be run (not executable), as shells say it. */
  cannotExecute: 126,
  /** `exec`: no such command, as shells, env and xargs say it. */
  commandNotFound: 127,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class UserError extends Error {
  constructor(
    message: string,
    readonly opts: { hint?: string; exitCode?: ExitCode; where?: string } = {},
  ) {
    super(message);
    this.name = 'UserError';
  }
  get exitCode(): ExitCode {
    return this.opts.exitCode ?? ExitCode.failure;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Exits with `code` once stdout has flushed. A write that failed because the reader went away
 * (EPIPE: `| head -1`) changes nothing; any other failure (a full disk, `> /dev/full`) lost the
 * output, so the exit is 1, after cli.ts's error listener has said why.
 */
export function exitAfterFlush(code: number): void {
  process.stdout.write('', (error) => {
    if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') setImmediate(() => process.exit(ExitCode.failure));
    else process.exit(code);
  });
}
